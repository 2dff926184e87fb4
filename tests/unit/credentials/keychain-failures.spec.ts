// How the keychain fails for real: child processes run every Keychain operation (a) with no
// session bus at all, (b) on a private bus with no Secret Service, (c) with gnome-keyring
// running but its login keyring locked, (d) with gnome-keyring running and no login keyring.
// keytar answers null/false SILENTLY in (c) and (d); the Keychain must report the exact code.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const child = fileURLToPath(new URL('./keychain-child.ts', import.meta.url));
const nodeChild = [process.execPath, '--import', 'tsx', child];
// The daemon's stdio goes to /dev/null: it outlives the shell for a moment, and an inherited pipe
// would keep execFile waiting.
const START_LOCKED = 'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 && exec "$@"';
const START_UNLOCKED = 'printf %s pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1';

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'kc-fail-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A clean environment with its own home: no session bus, no display (a display means a GUI
 *  unlock prompt, which would hang). */
async function isolatedEnv(name: string): Promise<NodeJS.ProcessEnv> {
  const home = join(base, name);
  const run = join(home, 'run');
  await mkdir(run, { recursive: true, mode: 0o700 });
  return {
    PATH: process.env.PATH,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_RUNTIME_DIR: run,
    TMPDIR: process.env.TMPDIR,
    KC_TIMEOUT_MS: '2000', // answers take milliseconds; a hang must not eat the test's time
  };
}

function run(cmd: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd[0]!, cmd.slice(1), { cwd: root, env, timeout: 20_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function runChild(cmd: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const { stdout, stderr } = await run(cmd, env);
  expect(stdout + stderr).not.toContain('TOP-SECRET-123');
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

function expectAll(results: Record<string, unknown>, code: string, reason: string): void {
  for (const op of ['probe', 'get', 'has', 'set', 'delete']) {
    expect({ op, ...(results[op] as object) }).toMatchObject({ op, code, reason });
  }
}

describe('Keychain in broken environments (real processes)', () => {
  it('(a) no D-Bus session: KEYCHAIN_UNAVAILABLE', async () => {
    const results = await runChild(nodeChild, await isolatedEnv('no-bus'));
    expectAll(results, 'KEYCHAIN_UNAVAILABLE', 'no-session-bus');
  });

  it('(b) a private bus without any secrets provider: KEYCHAIN_UNAVAILABLE', async () => {
    const env = await isolatedEnv('no-provider');
    // The stock session config would auto-start gnome-keyring from its .service file; this bus
    // has no service folders at all, as on a desktop without any keyring installed.
    const config = join(env.HOME!, 'bus.conf');
    await writeFile(
      config,
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${env.XDG_RUNTIME_DIR}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/></policy>
</busconfig>`,
    );
    const results = await runChild(['dbus-run-session', `--config-file=${config}`, '--', ...nodeChild], env);
    expectAll(results, 'KEYCHAIN_UNAVAILABLE', 'no-secret-service');
  });

  it('(c) gnome-keyring running with its login keyring locked: KEYCHAIN_LOCKED, never a silent null', async () => {
    const env = await isolatedEnv('locked');
    // First session, as a desktop login would: the login keyring is created with a password and
    // unlocked; the same child must then work end to end (the control for every case here).
    const unlocked = await runChild(
      ['dbus-run-session', '--', 'sh', '-c', `${START_UNLOCKED} && exec "$@"`, 'sh', ...nodeChild],
      env,
    );
    expect(unlocked).toEqual({
      probe: { ok: null },
      get: { ok: null },
      has: { ok: false },
      set: { ok: null },
      delete: { ok: true },
    });
    expect(existsSync(join(env.XDG_DATA_HOME!, 'keyrings', 'login.keyring'))).toBe(true);
    // Second session: the daemon starts but nobody unlocks it. A fresh runtime folder, so the
    // first daemon (which may still be shutting down) cannot be found through its control socket.
    const second = { ...env, XDG_RUNTIME_DIR: join(env.HOME!, 'run2') };
    await mkdir(second.XDG_RUNTIME_DIR, { mode: 0o700 });
    const results = await runChild(
      ['dbus-run-session', '--', 'sh', '-c', START_LOCKED, 'sh', ...nodeChild],
      second,
    );
    expectAll(results, 'KEYCHAIN_LOCKED', 'locked');
  });

  it('(d) gnome-keyring running with no login keyring: KEYCHAIN_LOCKED', async () => {
    const env = await isolatedEnv('no-keyring');
    const results = await runChild(
      ['dbus-run-session', '--', 'sh', '-c', START_LOCKED, 'sh', ...nodeChild],
      env,
    );
    expectAll(results, 'KEYCHAIN_LOCKED', 'no-default-keyring');
  });
});
