// How the browser host hands its session token to the page without putting it where other users
// of the machine can read it (a process argument, a printed line): the printed URL carries a
// one-time code that the page exchanges over loopback; `--open` hands the browser a private file.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeLaunchFile } from '../../../electron/core/browser-host/launch-file.js';
import { startHostProcess, stopHostProcess, type HostProcess } from '../../support/host-process.js';

let dataDir: string;
let hp: HostProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vpbx-launch-'));
  hp = await startHostProcess({ dataDir });
}, 40_000);
afterAll(async () => {
  await stopHostProcess(hp.proc);
  await rm(dataDir, { recursive: true, force: true });
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const origin = new URL(hp.url).origin;
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser host launch', () => {
  it('prints a one-time code, never the session token, and the code works once', async () => {
    const url = new URL(hp.url);
    expect(url.hash).toMatch(/^#code=[\w-]{20,}$/);
    expect(hp.url).not.toMatch(/token/i);
    const code = url.hash.slice('#code='.length);
    const first = await post('/api/session', { code });
    expect(first.status).toBe(200);
    const { token } = (await first.json()) as { token: string };
    expect(token).not.toBe(code);
    expect((await post('/api/session', { code })).status).toBe(401);
    const info = await post('/api/invoke/app:info', null, { 'x-vpbx-token': token });
    expect(((await info.json()) as { ok: boolean }).ok).toBe(true);
    // A page of another origin cannot redeem a code.
    expect((await post('/api/session', { code: 'x' }, { origin: 'http://evil.example' })).status).toBe(403);

    // The event stream checks the Origin too, not only the token.
    const origin = url.origin;
    const evil = await fetch(`${origin}/api/events?token=${token}`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    const cross = await fetch(`${origin}/api/events?token=${token}`, {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(cross.status).toBe(403);
    const ours = await fetch(`${origin}/api/events?token=${token}`, { headers: { origin } });
    expect(ours.status).toBe(200);
    await ours.body?.cancel();
  });

  it('writes the launch file for --open privately (0600 in a 0700 folder) and removes it', async () => {
    const launch = await writeLaunchFile('http://127.0.0.1:1/#code=abc');
    expect((await stat(launch.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(launch.path, '..'))).mode & 0o777).toBe(0o700);
    expect(await readFile(launch.path, 'utf8')).toContain('http://127.0.0.1:1/#code=abc');
    await launch.dispose();
    await expect(stat(launch.path)).rejects.toThrow();
  });
});
