import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAtomicTempFor, writeFileAtomic } from '../../../electron/core/store/atomic-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temp file behind', async () => {
    const target = join(dir, 'data.json');
    await writeFileAtomic(target, '{"a":1}');
    expect(await readFile(target, 'utf8')).toBe('{"a":1}');
    await writeFileAtomic(target, new TextEncoder().encode('héllo'));
    expect(await readFile(target, 'utf8')).toBe('héllo');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('writes chunks from a lazy producer, in order', async () => {
    const target = join(dir, 'chunks.json');
    function* produce() {
      for (let i = 0; i < 1000; i++) yield i % 2 ? `${i},` : new TextEncoder().encode(`${i},`);
    }
    await writeFileAtomic(target, produce());
    const expected = Array.from({ length: 1000 }, (_, i) => `${i},`).join('');
    expect(await readFile(target, 'utf8')).toBe(expected);
  });

  it('leaves the target untouched when the producer throws', async () => {
    const target = join(dir, 'data.json');
    await writeFileAtomic(target, 'old');
    function* failing() {
      yield 'new, partial';
      throw new Error('producer failed');
    }
    await expect(writeFileAtomic(target, failing())).rejects.toThrow('producer failed');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('gives user-data files mode 0600 by default, even over a looser existing file', async () => {
    if (process.platform === 'win32') return void console.log('skipped: POSIX modes do not exist on Windows');
    const target = join(dir, 'data.json');
    await writeFile(target, 'old', { mode: 0o644 });
    await writeFileAtomic(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(join(dir, 'public.txt'), 'x', { mode: 0o640 });
    expect((await stat(join(dir, 'public.txt'))).mode & 0o777).toBe(0o640);
  });

  it('rejects when the folder does not exist and leaves the old file untouched on failure', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    const target = join(dir, 'sub');
    await writeFileAtomic(join(dir, 'keep.json'), 'kept');
    // Renaming a file over a non-empty folder fails: the temp file must be cleaned up.
    await mkdir(join(target, 'inner'), { recursive: true });
    await expect(writeFileAtomic(target, 'z')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep.json', 'sub']);
    expect(await readFile(join(dir, 'keep.json'), 'utf8')).toBe('kept');
  });

  it('names its temp files so they can be recognised and swept', () => {
    expect(isAtomicTempFor('/d/snapshot.json', '.snapshot.json.123.abcdef.tmp')).toBe(true);
    expect(isAtomicTempFor('/d/snapshot.json', 'snapshot.json')).toBe(false);
    expect(isAtomicTempFor('/d/snapshot.json', '.profiles.json.1.a.tmp')).toBe(false);
  });
});
