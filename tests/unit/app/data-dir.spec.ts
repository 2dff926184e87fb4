// The data folder is private whatever mode it had before the app started, in both hosts.
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { secureDataDir } from '../../../electron/core/app/data-dir.js';
import { startHostProcess, stopHostProcess } from '../../support/host-process.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function openFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'vpbx-datadir-'));
  dirs.push(root);
  const dir = join(root, 'VitalPBX Directory');
  await mkdir(dir);
  await chmod(dir, 0o755);
  return dir;
}

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o777;

describe('secureDataDir', () => {
  it('tightens an existing 0755 folder to 0700 and creates a missing one 0700', async () => {
    const dir = await openFolder();
    const log = vi.fn();
    expect(await secureDataDir(dir, log, 'linux')).toBe(true);
    expect(await modeOf(dir)).toBe(0o700);
    const fresh = join(dir, '..', 'new');
    expect(await secureDataDir(fresh, log, 'linux')).toBe(true);
    expect(await modeOf(fresh)).toBe(0o700);
    expect(log).not.toHaveBeenCalled();
  });

  it('warns, and goes on, when the folder cannot be tightened', async () => {
    const dir = await openFolder();
    const log = vi.fn();
    const refused = Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
    const ok = await secureDataDir(dir, log, 'linux', {
      mkdir,
      stat,
      chmod: () => Promise.reject(refused),
    });
    expect(ok).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not be made private/), refused);
  });

  it('the browser host tightens its data folder at start-up', async () => {
    const dir = await openFolder();
    const host = await startHostProcess({ dataDir: dir });
    try {
      expect(await modeOf(dir)).toBe(0o700);
    } finally {
      await stopHostProcess(host.proc);
    }
  }, 40_000);
});
