import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/app-error.js';
import type { Snapshot } from '../../../electron/core/shared/domain.js';
import { serializeSnapshot, SnapshotStore } from '../../../electron/core/store/snapshot-store.js';
import { makeExtension, makeSnapshot, seededRandom } from './snapshot-fixtures.js';

let dataDir: string;
let store: SnapshotStore;
const P = 'office';
const v1 = makeSnapshot({ profileId: P, count: 40, seed: 1, syncedAt: 1000 });
const v2 = makeSnapshot({ profileId: P, count: 55, seed: 2, syncedAt: 2000 });
const cur = () => join(dataDir, 'profiles', P, 'snapshot.json');
const prev = () => join(dataDir, 'profiles', P, 'snapshot.prev.json');
const files = async () => (await readdir(join(dataDir, 'profiles', P))).sort();

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'snap-'));
  store = new SnapshotStore(dataDir);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function saveBoth(): Promise<void> {
  await store.save(v1);
  await store.save(v2);
}

async function expectRecovered(reason: string | RegExp): Promise<string> {
  const got = await new SnapshotStore(dataDir).load(P);
  expect(got?.snapshot).toEqual(v1);
  expect(got?.recovered).toMatchObject({ from: 'previous', notice: { code: 'CACHE_CORRUPT' } });
  expect(got?.recovered?.reason).toMatch(reason);
  const kept = got?.recovered?.corruptFile;
  expect(kept).toMatch(/snapshot\.corrupt-\d{8}T\d{9}Z\.json$/);
  // The good copy is back in place: the next load is clean.
  expect(await new SnapshotStore(dataDir).load(P)).toEqual({ snapshot: v1 });
  return kept!;
}

describe('SnapshotStore', () => {
  it('returns null when the profile was never synced', async () => {
    expect(await store.load(P)).toBeNull();
  });

  it('round-trips a snapshot and keeps the previous version as snapshot.prev.json', async () => {
    await store.save(v1);
    expect(await store.load(P)).toEqual({ snapshot: v1 });
    await store.save(v2);
    expect(await new SnapshotStore(dataDir).load(P)).toEqual({ snapshot: v2 });
    expect(JSON.parse(await readFile(prev(), 'utf8'))).toEqual(v1);
    expect(await files()).toEqual(['snapshot.json', 'snapshot.prev.json']);
  });

  it('writes files 0600 in folders 0700', async () => {
    if (process.platform === 'win32') return void console.log('skipped: POSIX modes do not exist on Windows');
    await saveBoth();
    expect((await stat(cur())).mode & 0o777).toBe(0o600);
    expect((await stat(prev())).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'profiles', P))).mode & 0o777).toBe(0o700);
  });

  it('falls back to the previous copy on corrupt JSON and keeps the bad file aside', async () => {
    await saveBoth();
    await writeFile(cur(), '{"version":1,"profileId":');
    const kept = await expectRecovered('invalid JSON');
    expect(await readFile(kept, 'utf8')).toBe('{"version":1,"profileId":');
  });

  it('falls back on a truncated file', async () => {
    await saveBoth();
    const text = await readFile(cur(), 'utf8');
    await writeFile(cur(), text.slice(0, Math.floor(text.length / 2)));
    await expectRecovered('invalid JSON');
  });

  it('falls back on an empty file', async () => {
    await saveBoth();
    await writeFile(cur(), '');
    await expectRecovered('empty file');
  });

  it('falls back on an unknown version', async () => {
    await saveBoth();
    await writeFile(cur(), JSON.stringify({ ...v2, version: 2 }));
    await expectRecovered('unsupported version');
  });

  it('falls back on schema-invalid content and names the field', async () => {
    await saveBoth();
    const bad = structuredClone(v2) as unknown as { extensions: { queues: unknown }[] };
    bad.extensions[3]!.queues = 'Sales';
    await writeFile(cur(), JSON.stringify(bad));
    await expectRecovered('schema: extensions[3].queues');
  });

  it('falls back when the file belongs to another profile', async () => {
    await saveBoth();
    await writeFile(cur(), JSON.stringify({ ...v2, profileId: 'other' }));
    await expectRecovered('another profile');
  });

  it('reports a missing current file when only the previous copy is left', async () => {
    await saveBoth();
    await rm(cur());
    const got = await store.load(P);
    expect(got).toMatchObject({
      snapshot: v1,
      recovered: { reason: 'current file missing', corruptFile: null },
    });
  });

  it('throws CACHE_CORRUPT when both copies are bad, then starts clean', async () => {
    await saveBoth();
    await writeFile(cur(), 'garbage');
    await writeFile(prev(), '{"version":1}');
    const err = await store.load(P).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CACHE_CORRUPT', detail: { reason: 'invalid JSON' } });
    expect((await files()).filter((f) => f.startsWith('snapshot.corrupt-'))).toHaveLength(2);
    expect(await store.load(P)).toBeNull();
  });

  it('throws CACHE_CORRUPT when the only copy is bad (never an empty directory)', async () => {
    await store.save(v1);
    await writeFile(cur(), '[]');
    await expect(store.load(P)).rejects.toMatchObject({ code: 'CACHE_CORRUPT' });
  });

  it('keeps at most three diagnostic copies', async () => {
    for (let i = 0; i < 5; i++) {
      await saveBoth();
      await writeFile(cur(), `bad ${i}`);
      await store.load(P);
    }
    const corrupt = (await files()).filter((f) => f.startsWith('snapshot.corrupt-'));
    expect(corrupt).toHaveLength(3);
    const contents = await Promise.all(corrupt.map((f) => readFile(join(dataDir, 'profiles', P, f), 'utf8')));
    expect(contents.sort()).toEqual(['bad 2', 'bad 3', 'bad 4']);
  });

  it('does not let a file damaged behind its back replace the good previous copy', async () => {
    await saveBoth();
    await writeFile(cur(), 'damaged on disk');
    const v3 = { ...v1, syncedAt: 3000 };
    await store.save(v3);
    expect(JSON.parse(await readFile(prev(), 'utf8'))).toEqual(v1);
    expect(await store.load(P)).toEqual({ snapshot: v3 });
    expect((await files()).some((f) => f.startsWith('snapshot.corrupt-'))).toBe(true);
  });

  it('refuses to save an invalid snapshot or a path-like profile id', async () => {
    const bad = { ...v1, syncedAt: 'yesterday' } as unknown as Snapshot;
    await expect(store.save(bad)).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(store.save({ ...v1, profileId: '../escape' })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    await expect(store.load('../..')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('updates one extension, appends an unknown one, and needs a snapshot first', async () => {
    await expect(store.updateExtension(P, v1.extensions[0]!)).rejects.toMatchObject({ code: 'NO_SNAPSHOT' });
    await store.save(v1);
    const changed = {
      ...v1.extensions[5]!,
      cdr: { local: 9, incoming: 8, outgoing: 7, transit: 6, asOf: 5 },
    };
    const added = makeExtension(999, seededRandom(3));
    await store.updateExtension(P, changed);
    const after = await store.updateExtension(P, added);
    expect(after.extensions).toHaveLength(v1.extensions.length + 1);
    const loaded = (await new SnapshotStore(dataDir).load(P))!.snapshot;
    expect(loaded.extensions[5]).toEqual(changed);
    expect(loaded.extensions.at(-1)).toEqual(added);
    expect(loaded.extensions[4]).toEqual(v1.extensions[4]);
  });

  it('serializes concurrent updates so none is lost', async () => {
    await store.save(v1);
    const updates = v1.extensions.slice(0, 20).map((e, i) => ({ ...e, name: `Renamed ${i}` }));
    await Promise.all(updates.map((u) => store.updateExtension(P, u)));
    const loaded = (await store.load(P))!.snapshot;
    expect(loaded.extensions.slice(0, 20).map((e) => e.name)).toEqual(updates.map((u) => u.name));
  });

  it('removes the snapshot files but leaves other modules’ files', async () => {
    await saveBoth();
    await writeFile(join(dataDir, 'profiles', P, 'voicemail.idx'), 'x');
    expect(await store.remove(P)).toBe(true);
    expect(await files()).toEqual(['voicemail.idx']);
    expect(await store.load(P)).toBeNull();
    await rm(join(dataDir, 'profiles', P, 'voicemail.idx'));
    await store.save(v1);
    expect(await store.remove(P)).toBe(true);
    expect(await readdir(join(dataDir, 'profiles'))).toEqual([]);
    expect(await store.remove(P)).toBe(false);
  });

  it('serializes in chunks to exactly the JSON.stringify text', () => {
    for (const count of [0, 1, 127, 128, 129, 600]) {
      const snap = makeSnapshot({ profileId: P, count, seed: count });
      const chunks = [...serializeSnapshot(snap)];
      expect(chunks.join('')).toBe(JSON.stringify(snap));
      expect(chunks.length).toBe(2 + Math.ceil(count / 128));
    }
  });

  it('reports an unusable data folder as CACHE_UNAVAILABLE', async () => {
    const blocked = new SnapshotStore(join(dataDir, 'file-not-folder'));
    await writeFile(join(dataDir, 'file-not-folder'), 'x');
    await expect(blocked.save(v1)).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
    await expect(blocked.load(P)).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });
});
