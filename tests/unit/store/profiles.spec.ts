import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Recovered } from '../../../electron/core/store/guarded-json.js';
import { type StoredProfileInput, ProfileStore, slugify } from '../../../electron/core/store/profiles.js';

let dataDir: string;
let store: ProfileStore;
const file = () => join(dataDir, 'profiles.json');

const office: StoredProfileInput = {
  label: 'Head office (PBX 2)',
  baseUrl: 'https://pbx.example.com:3500',
  tenant: 'vitalpbx',
  tlsPin: null,
  myExtension: '101',
  allowHttp: false,
  showOthersVoicemail: false,
  dialScheme: 'tel',
};
const lab: StoredProfileInput = {
  ...office,
  label: 'Lab',
  baseUrl: 'http://10.0.0.5',
  allowHttp: true,
  tenant: '21',
};

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'profiles-'));
  store = new ProfileStore(dataDir);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('ProfileStore', () => {
  it('starts empty with no file', async () => {
    expect(await store.list()).toEqual([]);
    expect(await store.getActive()).toBeNull();
    expect(await store.get('office')).toBeNull();
  });

  it('creates profiles with path-safe slug ids and makes the first one active', async () => {
    const a = await store.upsert(office);
    const b = await store.upsert({ ...office, label: 'Head office (PBX 2)' });
    const c = await store.upsert({ ...lab, label: '../../etc' });
    expect(a).toMatchObject({ id: 'head-office-pbx-2', demo: false, label: office.label });
    expect(b.id).toBe('head-office-pbx-2-2');
    expect(c.id).toBe('etc');
    expect((await store.list()).map((p) => p.id)).toEqual([a.id, b.id, c.id]);
    expect((await store.getActive())?.id).toBe(a.id);
    // A fresh store reads the same state from disk.
    expect(await new ProfileStore(dataDir).list()).toEqual([a, b, c]);
  });

  it('slugifies labels to [a-z0-9-]', () => {
    expect(slugify('Zürich Süd — Büro')).toBe('zurich-sud-buro');
    expect(slugify('!!!')).toBe('pbx');
    expect(slugify('x'.repeat(100))).toHaveLength(48);
  });

  it('replaces a profile by id and accepts a caller-chosen id', async () => {
    const a = await store.upsert(office);
    await store.upsert({ ...office, id: a.id, label: 'Renamed' });
    expect((await store.get(a.id))?.label).toBe('Renamed');
    const demo = await store.upsert({ ...lab, id: 'demo', demo: true });
    expect(demo).toMatchObject({ id: 'demo', demo: true });
    expect(await store.list()).toHaveLength(2);
  });

  it('never writes a secret: unknown fields such as an app key are stripped', async () => {
    await store.upsert({ ...office, appKey: 'SUPER-SECRET-KEY' } as StoredProfileInput);
    const text = await readFile(file(), 'utf8');
    expect(text).not.toContain('SUPER-SECRET-KEY');
    expect(text).not.toMatch(/appKey/i);
  });

  it('rejects invalid profiles naming the fields, not the values', async () => {
    const err = await store
      .upsert({ ...office, baseUrl: 'ftp://user:hunter2@pbx', id: 'Bad Id' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INVALID_REQUEST' });
    const message = (err as Error).message;
    expect(message).toContain('baseUrl');
    expect(message).toContain('id');
    expect(message).not.toContain('hunter2');
    expect(await store.list()).toEqual([]);
  });

  it('sets and clears the active profile; unknown ids are PROFILE_NOT_FOUND', async () => {
    const a = await store.upsert(office);
    const b = await store.upsert(lab);
    await store.setActive(b.id);
    expect((await store.getActive())?.id).toBe(b.id);
    await expect(store.setActive('nope')).rejects.toMatchObject({ code: 'PROFILE_NOT_FOUND' });
    await store.setActive(null);
    expect(await store.getActive()).toBeNull();
    await store.setActive(a.id);
    expect((await new ProfileStore(dataDir).getActive())?.id).toBe(a.id);
  });

  it('removes profiles and moves the active one on', async () => {
    const a = await store.upsert(office);
    const b = await store.upsert(lab);
    expect(await store.remove(a.id)).toBe(true);
    expect(await store.remove(a.id)).toBe(false);
    expect((await store.getActive())?.id).toBe(b.id);
    await store.remove(b.id);
    expect(await store.getActive()).toBeNull();
    expect(await store.list()).toEqual([]);
  });

  it('serializes concurrent upserts', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.upsert({ ...office, label: `Site ${i}` })));
    expect((await store.list()).map((p) => p.id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `site-${i}`).sort(),
    );
  });

  it('writes profiles.json with mode 0600', async () => {
    if (process.platform === 'win32') return void console.log('skipped: POSIX modes do not exist on Windows');
    await store.upsert(office);
    expect((await stat(file())).mode & 0o777).toBe(0o600);
  });

  it('falls back to the previous copy when profiles.json is damaged, and reports it', async () => {
    const reports: Recovered[] = [];
    const a = await store.upsert(office);
    await store.upsert(lab);
    await writeFile(file(), '{ "version": 1, "profiles": [ { "id": 42 } ] }');
    const recovering = new ProfileStore(dataDir, { onRecovered: (r) => reports.push(r) });
    expect(await recovering.list()).toEqual([a]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ from: 'previous', notice: { code: 'CACHE_CORRUPT' } });
    expect(reports[0]!.reason).toMatch(/^schema: /);
    expect(recovering.lastRecovery).toEqual(reports[0]);
    await recovering.list();
    expect(reports).toHaveLength(1); // the good copy is back in place
  });

  it('drops a dangling active id instead of failing', async () => {
    const a = await store.upsert(office);
    const text = JSON.parse(await readFile(file(), 'utf8')) as { activeId: string };
    await writeFile(file(), JSON.stringify({ ...text, activeId: 'gone' }));
    expect(await new ProfileStore(dataDir).getActive()).toBeNull();
    expect(await new ProfileStore(dataDir).list()).toEqual([a]);
  });

  it('treats duplicate ids as damage', async () => {
    const a = await store.upsert(office);
    await store.upsert(lab);
    const text = JSON.parse(await readFile(file(), 'utf8')) as { profiles: unknown[] };
    await writeFile(file(), JSON.stringify({ ...text, profiles: [a, a] }));
    const reports: Recovered[] = [];
    await new ProfileStore(dataDir, { onRecovered: (r) => reports.push(r) }).list();
    expect(reports[0]?.reason).toBe('duplicate profile ids');
  });
});
