// Runs the demo PBX as its own process (`npm run demo-pbx`), the way a user or an administrator
// starts one beside the app, so a test can stop it and start it again on the same port: an outage
// as the app sees it, with sockets that really close. Same seed, same data and keys each time.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { stopHostProcess } from './host-process.js';

export interface DemoPbxProcess {
  proc: ChildProcess;
  origin: string;
  tenant: string;
  appKey: string;
}

/** A port that is free now, to pin the demo PBX to across its restarts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `demo-pbx/cli.ts` with `args` and reads the URL, tenant and key it prints. */
export async function startDemoPbxProcess(args: string[], timeoutMs = 20_000): Promise<DemoPbxProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'electron/core/demo-pbx/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise<DemoPbxProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`demo PBX did not start:\n${log}`));
    }, timeoutMs);
    proc.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const url = /Demo PBX listening: (\S+)\/api\/v2/.exec(log)?.[1];
      const tenant = /^tenant:\s+(\S+)/m.exec(log)?.[1];
      const appKey = /^app-key:\s+(\S+)/m.exec(log)?.[1];
      if (url && tenant && appKey && log.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve({ proc, origin: url, tenant, appKey });
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo PBX exited with ${code}:\n${log}`));
    });
  });
}

export const stopDemoPbxProcess = stopHostProcess;
