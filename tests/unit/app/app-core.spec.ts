import { describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import type { SecretStore } from '../../../electron/core/credentials/keychain.js';
import { AppError } from '../../../electron/core/app-error.js';
import {
  brokenKeychain,
  cleanupsAfterEach,
  type Harness,
  makeHarness,
  removeDir,
  tempDir,
  until,
  profileForm,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

async function pbx(opts: Parameters<typeof startDemoPbx>[0] = {}): Promise<DemoPbx> {
  const p = await startDemoPbx({ extensions: 40, tenants: 2, ...opts });
  cleanups.push(() => p.close());
  return p;
}

async function harness(dataDir?: string, extra?: Parameters<typeof makeHarness>[1]): Promise<Harness> {
  const h = await makeHarness(dataDir, extra);
  cleanups.push(() => h.close());
  if (!dataDir) cleanups.push(() => removeDir(h.dataDir));
  return h;
}

async function connect(h: Harness, p: DemoPbx, over: Record<string, unknown> = {}) {
  const profile = await h.ok('profiles:save', {
    ...profileForm(p, 'Office'),
    ...over,
  });
  await h.ok('profiles:activate', { id: profile.id });
  const state = await h.ok('sync:now');
  return { profile, state };
}

describe('dispatcher boundary', () => {
  it('answers unknown channels and malformed payloads with errors, never a crash', async () => {
    const h = await harness();
    const unknown = await h.core.dispatch('nope:nothing', {}, { host: 'test' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await h.core.dispatch(
      'credentials:set',
      { profileId: 'x', appKey: 42, extra: 'SECRET-VALUE' },
      { host: 'test' },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(JSON.stringify(bad)).not.toContain('SECRET-VALUE');
    for (const payload of [null, 'text', [1, 2], { id: { $gt: '' } }, { id: 'x'.repeat(10_000) }]) {
      const r = await h.core.dispatch('profiles:activate', payload, { host: 'test' });
      expect(r.ok).toBe(false);
    }
  });
});

describe('sync against the demo PBX', () => {
  it('syncs, caches and serves the directory, details and exports', async () => {
    const p = await pbx();
    const h = await harness();
    const { state } = await connect(h, p);
    expect(state).toMatchObject({ status: 'online', extensionCount: 40, lastError: null });
    const dir = await h.ok('directory:get');
    expect(dir?.extensions).toHaveLength(40);
    const first = dir!.extensions[0]!;
    const detail = await h.ok('directory:extension', { id: first.id });
    expect(detail.fresh).toBe(true);
    expect(detail.extension.cdr).toMatchObject({ local: expect.any(Number), asOf: expect.any(Number) });
    // the refreshed CDR is kept in the snapshot and survives the next sync
    await h.ok('sync:now');
    const again = await h.ok('directory:get');
    expect(again!.extensions.find((e) => e.id === first.id)?.cdr).toEqual(detail.extension.cdr);
    const csv = await h.ok('directory:export', { format: 'csv', ids: [first.id] });
    expect(csv.count).toBe(1);
    expect(csv.content).toContain(first.number);
  });

  it('runs one sync at a time per profile', async () => {
    const p = await pbx({ faults: { latencyMs: 300, paths: ['/extensions'] } });
    const h = await harness();
    await connect(h, p);
    const before = p.requests.filter((r) => r.path.endsWith('/extensions')).length;
    const [a, b] = await Promise.all([h.ok('sync:now'), h.ok('sync:now')]);
    expect(a).toEqual(b);
    expect(p.requests.filter((r) => r.path.endsWith('/extensions')).length - before).toBe(1);
  });

  it('keeps the last good directory on a bad answer and reports the error', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p);
    for (const kind of ['invalid-json', 'truncated-json', 'html200'] as const) {
      p.setFaults({ kind, paths: ['/extensions'] });
      const state = await h.ok('sync:now');
      expect(state.status).toBe('error');
      expect(state.lastError?.code).toBe('INVALID_RESPONSE');
      expect((await h.ok('directory:get'))?.extensions).toHaveLength(40);
    }
    p.setFaults({ kind: 'error500-json', paths: ['/extensions'] });
    expect((await h.ok('sync:now')).lastError?.code).toBe('PBX_ERROR');
    p.setFaults(null);
    expect((await h.ok('sync:now')).status).toBe('online');
  });

  it('can be cancelled and keeps the snapshot', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p);
    p.setFaults({ drip: { bytes: 64, intervalMs: 50 }, paths: ['/extensions'] });
    const running = h.ok('sync:now');
    await until(
      () => h.core.sync.state.status,
      (s) => s === 'syncing',
    );
    expect(await h.ok('sync:cancel')).toEqual({ cancelled: true });
    const state = await running;
    expect(state.lastError?.code).toBe('CANCELLED');
    expect((await h.ok('directory:get'))?.extensions).toHaveLength(40);
  });

  it('opens the cached directory with the PBX down, marks it offline, and recovers by itself', async () => {
    const p = await pbx();
    const port = Number(new URL(p.origin).port);
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const h1 = await makeHarness(dataDir);
    const { state } = await connect(h1, p);
    await h1.close();
    await p.close();

    const h2 = await harness(dataDir);
    await h2.core.start();
    const cached = await h2.ok('directory:get');
    expect(cached?.extensions).toHaveLength(40);
    expect(cached?.syncedAt).toBe(state.syncedAt);
    const offline = await until(
      () => h2.core.sync.state,
      (s) => s.status === 'offline',
    );
    expect(offline.lastError?.code).toBe('PBX_UNREACHABLE');
    expect(offline.syncedAt).toBe(state.syncedAt);

    await pbx({ port });
    const online = await until(
      () => h2.core.sync.state,
      (s) => s.status === 'online',
    );
    // The PBX confirmed the same directory: checked now, the saved copy kept as it was.
    expect(online.checkedAt).toBeGreaterThan(state.syncedAt!);
    expect(online.syncedAt).toBe(state.syncedAt);
  });

  it('without a working keychain, still opens the cached directory and says why it cannot sync', async () => {
    const p = await pbx();
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const h1 = await makeHarness(dataDir);
    await connect(h1, p);
    await h1.close();
    const locked = brokenKeychain('KEYCHAIN_LOCKED');
    const h2 = await harness(dataDir, { secrets: locked });
    await h2.core.start();
    expect((await h2.ok('directory:get'))?.extensions).toHaveLength(40);
    const state = await until(
      () => h2.core.sync.state,
      (s) => s.lastError !== null,
    );
    expect(state.lastError?.code).toBe('KEYCHAIN_LOCKED');
    const status = await h2.ok('credentials:status', { profileId: state.profileId! });
    expect(status).toEqual({ stored: false, session: false, keychain: 'locked' });
  });

  it('reports a tenant that returns nothing without wiping the directory', async () => {
    const p = await pbx();
    const h = await harness();
    const { profile } = await connect(h, p);
    await h.ok('profiles:save', { ...profile, tenant: 'no-such-tenant', appKey: p.appKey });
    const state = await h.ok('sync:now');
    expect(state.lastError?.code).toBe('TENANT_EMPTY');
    expect((await h.ok('directory:get'))?.extensions).toHaveLength(40);
  });
});

describe('connection test and dialling', () => {
  it('names what failed', async () => {
    const p = await pbx();
    const h = await harness();
    const base = { baseUrl: p.origin, tenant: p.tenant, tlsPin: null, allowHttp: true };
    expect(await h.ok('connection:test', { ...base, appKey: p.appKey })).toEqual({
      extensions: 40,
      tenant: p.tenant,
    });
    const bad = await h.call('connection:test', { ...base, appKey: 'wrong' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_KEY' } });
    const tenant = await h.call('connection:test', { ...base, tenant: 'nobody', appKey: p.appKey });
    expect(tenant).toMatchObject({ ok: false, error: { code: 'TENANT_EMPTY' } });
    const http = await h.call('connection:test', { ...base, allowHttp: false, appKey: p.appKey });
    expect(http).toMatchObject({ ok: false, error: { code: 'INSECURE_HTTP' } });
    await p.close();
    const down = await h.call('connection:test', { ...base, appKey: p.appKey });
    expect(down).toMatchObject({ ok: false, error: { code: 'PBX_UNREACHABLE' } });
  });

  it('builds only safe call links', async () => {
    const h = await harness();
    expect(await h.ok('dial:open', { number: '+34 600-123-456' })).toEqual({ uri: 'tel:+34600123456' });
    expect(await h.call('dial:open', { number: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_LINK' },
    });
    await h.ok('settings:set', { dialScheme: 'callto' });
    expect(await h.ok('dial:open', { number: '*97' })).toEqual({ uri: 'callto:*97' });
  });
});

describe('demo mode', () => {
  it('starts the embedded demo PBX, with a "my extension" that has voicemail, and no keychain needed', async () => {
    const refusing = brokenKeychain('KEYCHAIN_UNAVAILABLE');
    const h = await harness(undefined, { secrets: refusing });
    const profile = await h.ok('profiles:use-demo');
    expect(profile).toMatchObject({ id: 'demo', demo: true, allowHttp: true });
    expect(profile.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const state = await until(
      () => h.core.sync.state,
      (s) => s.status === 'online',
    );
    expect(state.extensionCount).toBeGreaterThan(0);
    const list = await h.ok('voicemail:list');
    expect(list.mailbox).toBe(profile.myExtension);
    expect(list.records.length).toBeGreaterThanOrEqual(3);
  });
});

describe('damaged saved data', () => {
  it('loads the previous profiles when profiles.json is damaged, and says so', async () => {
    const h1 = await harness();
    const base = { baseUrl: 'https://pbx.example.com', tenant: '1', tlsPin: null, myExtension: null };
    const extra = { allowHttp: false, showOthersVoicemail: false, dialScheme: 'tel' as const, appKey: 'k' };
    await h1.ok('profiles:save', { label: 'One', ...base, ...extra });
    await h1.ok('profiles:save', { label: 'Two', ...base, ...extra });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${h1.dataDir}/profiles.json`, '{"version":1,"profiles":[{"id":');
    const h2 = await harness(h1.dataDir);
    const list = await h2.ok('profiles:list');
    expect(list.notice?.code).toBe('CACHE_CORRUPT');
    expect(list.profiles.map((p) => p.label)).toEqual(['One']);
  });
});

describe('removing a profile', () => {
  it('deletes its key and snapshot, moves to the profile left, and reports a key the keychain kept', async () => {
    const p = await pbx();
    const h = await harness();
    const { profile } = await connect(h, p);
    await h.ok('profiles:use-demo');
    await h.ok('profiles:activate', { id: profile.id });
    const dir = await h.ok('directory:get');
    expect(dir).not.toBeNull();
    const { existsSync } = await import('node:fs');
    const cacheDir = `${h.dataDir}/profiles/${profile.id}`;
    expect(existsSync(cacheDir)).toBe(true);
    const gone = await h.ok('profiles:remove', { id: profile.id });
    expect(gone).toEqual({ removed: true, keyLeft: null });
    expect(existsSync(cacheDir)).toBe(false);
    expect(await h.ok('credentials:status', { profileId: profile.id })).toEqual({
      stored: false,
      session: false,
      keychain: 'ok',
    });
    expect((await h.ok('profiles:list')).activeId).toBe('demo');
    expect(h.core.sync.profile?.id).toBe('demo');

    const stuck: SecretStore = {
      probe: async () => {},
      get: async () => p.appKey,
      has: async () => true,
      set: async () => {},
      delete: async () => Promise.reject(new AppError('KEYCHAIN_LOCKED')),
    };
    const h2 = await harness(undefined, { secrets: stuck });
    const other = await h2.ok('profiles:save', {
      ...profileForm(p, 'Other'),
    });
    const r = await h2.ok('profiles:remove', { id: other.id });
    expect(r.removed).toBe(true);
    expect(r.keyLeft?.code).toBe('KEYCHAIN_LOCKED');
  });
});
