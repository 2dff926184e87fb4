import { afterEach, describe, expect, it } from 'vitest';
import { readdir, stat, utimes } from 'node:fs/promises';
import { AudioCache } from '../../../electron/core/voicemail/audio-cache.js';
import { removeDir, tempDir } from '../../support/core-harness.js';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await removeDir(dirs.pop()!);
});

async function cache(maxBytes: number): Promise<AudioCache> {
  const dir = await tempDir('vpbx-audio-');
  dirs.push(dir);
  return new AudioCache(`${dir}/voicemail`, maxBytes);
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('audio cache', () => {
  it('round-trips audio per mailbox and key, with private file modes', async () => {
    const c = await cache(10_000);
    await c.put('100', 'INBOX/msg0000', { wav: bytes(100, 1), format: 'gsm' });
    await c.put('101', 'INBOX/msg0000', { wav: bytes(50, 2), format: 'pcm16' });
    expect(await c.get('100', 'INBOX/msg0000')).toEqual({ wav: bytes(100, 1), format: 'gsm' });
    expect(await c.get('101', 'INBOX/msg0000')).toEqual({ wav: bytes(50, 2), format: 'pcm16' });
    expect(await c.get('100', 'Old/msg0000')).toBeNull();
    expect((await stat(c.fileFor('100', 'INBOX/msg0000', 'gsm'))).mode & 0o777).toBe(0o600);
    // names carry no PBX text: a crafted key cannot escape the folder
    expect(c.fileFor('100', '../../etc/passwd', 'gsm')).toMatch(/voicemail\/[0-9a-f]{40}\.gsm\.wav$/);
    await c.remove('100', 'INBOX/msg0000');
    expect(await c.has('100', 'INBOX/msg0000')).toBe(false);
  });

  it('stays under its bound by evicting the least recently played first', async () => {
    const c = await cache(3_000);
    const t = Date.now() / 1000;
    for (let i = 0; i < 3; i++) {
      await c.put('100', `k${i}`, { wav: bytes(1000, i), format: 'pcm16' });
      await utimes(c.fileFor('100', `k${i}`, 'pcm16'), t - 100 + i, t - 100 + i);
    }
    await c.get('100', 'k0'); // played again: now the most recent
    await c.put('100', 'k3', { wav: bytes(1000, 3), format: 'pcm16' });
    expect(await c.size()).toBeLessThanOrEqual(3_000);
    expect(await c.has('100', 'k1')).toBe(false);
    for (const k of ['k0', 'k2', 'k3']) expect(await c.has('100', k)).toBe(true);
  });

  it('keeps a file larger than the bound that was just written', async () => {
    const c = await cache(500);
    await c.put('100', 'big', { wav: bytes(2000, 9), format: 'gsm' });
    expect(await c.has('100', 'big')).toBe(true);
    expect((await readdir(c.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
