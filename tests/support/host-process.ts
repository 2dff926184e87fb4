// Starts an app host (the browser host CLI, or a benchmark's variant of it) as its own process
// and waits for its `Browser host ready: <url>` line; stops it with SIGTERM, then SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';

export interface HostProcess {
  proc: ChildProcess;
  url: string;
}

/** `script` and `args` run under tsx; the default is the browser host on a data folder. */
export async function startHostProcess(opts: {
  dataDir?: string;
  script?: string;
  args?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<HostProcess> {
  const script = opts.script ?? 'electron/core/browser-host/cli.ts';
  const args = opts.args ?? ['--data-dir', opts.dataDir ?? '', '--port', '0'];
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`host did not start:\n${log}`)),
      opts.timeoutMs ?? 30_000,
    );
    proc.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Browser host ready: (\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  return { proc, url };
}

export async function stopHostProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
