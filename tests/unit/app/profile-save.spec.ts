// Saving a profile with its key, all or nothing, and keeping a key only for the session when the
// keychain cannot store it (issue: a failing keychain duplicated profiles and lost them).
import { describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { ERROR_CODES } from '../../../electron/core/shared/errors.js';
import {
  brokenKeychain,
  cleanupsAfterEach,
  makeHarness,
  removeDir,
  tempDir,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

async function pbx(): Promise<DemoPbx> {
  const p = await startDemoPbx({ extensions: 12, tenants: 1 });
  cleanups.push(() => p.close());
  return p;
}

const form = (p: DemoPbx) => ({
  label: 'Dup test',
  baseUrl: p.origin,
  tenant: p.tenant,
  tlsPin: null,
  myExtension: null,
  allowHttp: true,
  showOthersVoicemail: false,
  dialScheme: 'tel' as const,
  appKey: p.appKey,
});

describe('saving a profile with a failing keychain', () => {
  it('creates nothing, however often Save is pressed, and says what to do', async () => {
    const p = await pbx();
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const h = await makeHarness(dataDir, { secrets: brokenKeychain('KEYCHAIN_UNAVAILABLE') });
    cleanups.push(() => h.close());
    for (let i = 0; i < 2; i++) {
      const r = await h.call('profiles:save', form(p));
      expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    }
    expect((await h.ok('profiles:list')).profiles).toEqual([]);
    // The message must not promise a cached directory that does not exist.
    expect(ERROR_CODES.KEYCHAIN_UNAVAILABLE).not.toMatch(/cached directory/);
    expect(ERROR_CODES.KEYCHAIN_UNAVAILABLE).toMatch(/this session only/);
  });

  it('keeps the key for this session only when asked, and asks again after a restart', async () => {
    const p = await pbx();
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const secrets = brokenKeychain('KEYCHAIN_LOCKED');
    const h = await makeHarness(dataDir, { secrets });
    const saved = await h.ok('profiles:save', { ...form(p), keyStorage: 'session' });
    const again = await h.ok('profiles:save', { ...form(p), id: saved.id, keyStorage: 'session' });
    expect(again.id).toBe(saved.id);
    const list = await h.ok('profiles:list');
    expect(list.profiles.map((x) => x.id)).toEqual([saved.id]);
    expect(list.sessionKeys).toEqual([saved.id]);
    expect(await h.ok('credentials:status', { profileId: saved.id })).toMatchObject({ session: true });
    await h.ok('profiles:activate', { id: saved.id });
    expect((await h.ok('sync:now')).status).toBe('online');
    // Nothing of the key reached the disk.
    const { readdir, readFile } = await import('node:fs/promises');
    for (const f of await readdir(dataDir, { recursive: true })) {
      const text = await readFile(`${dataDir}/${f}`).catch(() => Buffer.alloc(0));
      expect(text.includes(p.appKey), f).toBe(false);
    }
    await h.close();

    const next = await makeHarness(dataDir, { secrets });
    cleanups.push(() => next.close());
    await next.core.start();
    const state = await next.ok('sync:now');
    expect(state.lastError).toMatchObject({ code: 'NO_APP_KEY', detail: { reason: 'session-ended' } });
    expect((await next.ok('directory:get'))?.extensions.length).toBeGreaterThan(0);
    expect((await next.ok('profiles:list')).sessionKeys).toEqual([]);
  });

  it('stores the key and the profile together when the keychain works', async () => {
    const p = await pbx();
    const h = await makeHarness();
    cleanups.push(() => h.close().then(() => removeDir(h.dataDir)));
    const saved = await h.ok('profiles:save', form(p));
    expect(await h.ok('credentials:status', { profileId: saved.id })).toEqual({
      stored: true,
      session: false,
      keychain: 'ok',
    });
    const withoutKey = await h.call('profiles:save', { ...form(p), appKey: undefined, label: 'No key' });
    expect(withoutKey).toMatchObject({ ok: false, error: { code: 'NO_APP_KEY' } });
    expect((await h.ok('profiles:list')).profiles).toHaveLength(1);
    await h.call('credentials:delete', { profileId: saved.id });
  });
});
