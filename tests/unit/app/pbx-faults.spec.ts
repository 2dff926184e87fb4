// The trial's PBX troubles, met by the core exactly as shipped (createAppCore with its defaults)
// and served by the demo PBX's own faults: a big directory dripping in over a slow link, HTML
// pages where JSON was due, a connection reset mid-answer, and an address with a wrong path.
// Each says what happened in words a user can act on and keeps the last good directory.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import type { SyncState } from '../../../electron/core/shared/contract.js';
import { type Harness, makeHarness, removeDir, until } from '../../support/core-harness.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  while (cleanups.length)
    await cleanups
      .pop()?.()
      .catch(() => {});
});

async function pbx(opts: Parameters<typeof startDemoPbx>[0] = {}): Promise<DemoPbx> {
  const p = await startDemoPbx({ extensions: 40, tenants: 1, ...opts });
  cleanups.push(() => p.close());
  return p;
}

async function harness(): Promise<Harness> {
  const h = await makeHarness();
  cleanups.push(() => h.close());
  cleanups.push(() => removeDir(h.dataDir));
  return h;
}

const connection = (p: DemoPbx, over: { baseUrl?: string; appKey?: string } = {}) => ({
  baseUrl: over.baseUrl ?? p.origin,
  tenant: p.tenant,
  tlsPin: null,
  allowHttp: true,
  appKey: over.appKey ?? p.appKey,
});

/** Saves a profile the way the connection form does, and syncs it once. */
async function saveAndSync(h: Harness, p: DemoPbx, baseUrl = p.origin): Promise<SyncState> {
  const profile = await h.ok('profiles:save', {
    label: 'Office',
    baseUrl,
    tenant: p.tenant,
    tlsPin: null,
    myExtension: null,
    allowHttp: true,
    showOthersVoicemail: false,
    dialScheme: 'tel',
    appKey: p.appKey,
  });
  await h.ok('profiles:activate', { id: profile.id });
  return h.ok('sync:now');
}

describe('a big directory over a slow link', () => {
  it('Test connection and sync both finish although the download takes longer than 20 s', async () => {
    // 5,000 extensions (~6.6 MB) at ~270 KB/s: data flows all the time, the whole takes ~25 s.
    const p = await pbx({ extensions: 5_000 });
    const h = await harness();
    await saveAndSync(h, p);
    p.setFaults({ drip: { bytes: 16 * 1024, intervalMs: 60 }, contentLength: true, paths: ['/extensions'] });
    const progress: NonNullable<SyncState['progress']>[] = [];
    h.core.events.subscribe((event, payload) => {
      const s = payload as SyncState;
      if (event === 'sync:state' && s.progress?.phase === 'downloading') progress.push(s.progress);
    });
    const started = Date.now();
    const [tested, synced] = await Promise.all([
      h.call('connection:test', connection(p)),
      h.call('sync:now'),
    ]);
    expect(Date.now() - started).toBeGreaterThan(20_000);
    expect(tested).toEqual({ ok: true, data: { extensions: 5_000, tenant: p.tenant } });
    expect(synced).toMatchObject({ ok: true, data: { status: 'online', extensionCount: 5_000 } });
    // Progress in bytes, with the size once the PBX (or a proxy) declares it.
    expect(progress.length).toBeGreaterThan(20);
    const last = progress.at(-1)!;
    expect(last.totalBytes).toBeGreaterThan(6_000_000);
    expect(last.bytes).toBeLessThanOrEqual(last.totalBytes!);
    expect(progress.map((x) => x.bytes)).toEqual(progress.map((x) => x.bytes).sort((a, b) => a - b));
  }, 90_000);
});

describe('HTML pages where the API was due', () => {
  it('HTML 200 (a PHP error page): not the expected JSON, directory kept', async () => {
    const p = await pbx();
    const h = await harness();
    await saveAndSync(h, p);
    p.setFaults({ kind: 'html200', paths: ['/extensions'] });
    const tested = await h.call('connection:test', connection(p));
    expect(tested).toMatchObject({ ok: false, error: { code: 'INVALID_RESPONSE' } });
    const state = await h.ok('sync:now');
    expect(state).toMatchObject({ status: 'error', lastError: { code: 'INVALID_RESPONSE' } });
    expect((await h.ok('directory:get'))?.extensions).toHaveLength(40);
  });

  it('HTML 403 for a wrong key: the key may be wrong or not allowed', async () => {
    const p = await pbx({ badKeyMode: 'html403' });
    const h = await harness();
    const tested = await h.call('connection:test', connection(p, { appKey: 'not-the-key' }));
    expect(tested).toMatchObject({ ok: false, error: { code: 'AUTH_FORBIDDEN', detail: { status: 403 } } });
    if (tested.ok) return;
    expect(tested.error.message).toMatch(/app key may be wrong, or not allowed to read this data/);
  });

  it('HTML 500: a PBX error, directory kept, and the sync tries again by itself', async () => {
    const p = await pbx();
    const h = await harness();
    await saveAndSync(h, p);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    p.setFaults({ kind: 'error500-html', paths: ['/extensions'] });
    const state = await h.ok('sync:now');
    expect(state).toMatchObject({
      status: 'error',
      lastError: { code: 'PBX_ERROR', detail: { status: 500 } },
    });
    expect((await h.ok('directory:get'))?.extensions).toHaveLength(40);
    p.setFaults(null);
    await vi.advanceTimersByTimeAsync(5_000);
    await until(
      () => h.core.sync.state,
      (s) => s.status === 'online',
      3_000,
    );
  });
});

describe('a connection reset mid-answer', () => {
  it('is a dropped connection: offline, its own message, directory kept, caught up by itself', async () => {
    const p = await pbx();
    const h = await harness();
    await saveAndSync(h, p);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    p.setFaults({ kind: 'reset', paths: ['/extensions'] });
    const tested = await h.call('connection:test', connection(p));
    expect(tested).toMatchObject({ ok: false, error: { code: 'CONNECTION_DROPPED' } });
    if (tested.ok) return;
    expect(tested.error.message).toMatch(/dropped while its answer was arriving/);
    expect(tested.error.message).not.toMatch(/VitalPBX API/);
    const state = await h.ok('sync:now');
    expect(state).toMatchObject({ status: 'offline', lastError: { code: 'CONNECTION_DROPPED' } });
    expect((await h.ok('directory:get'))?.extensions).toHaveLength(40);
    p.setFaults(null);
    await vi.advanceTimersByTimeAsync(5_000);
    await until(
      () => h.core.sync.state,
      (s) => s.status === 'online',
      3_000,
    );
  });
});

describe('an address with the wrong path', () => {
  it('a 404 on the directory says the address is not the VitalPBX API and shows the URL tried', async () => {
    const p = await pbx();
    const h = await harness();
    const wrong = `${p.origin}/vitalpbx`;
    const tried = `${wrong}/api/v2/extensions`;
    const tested = await h.call('connection:test', connection(p, { baseUrl: wrong }));
    expect(tested).toMatchObject({ ok: false, error: { code: 'API_NOT_FOUND', detail: { url: tried } } });
    if (tested.ok) return;
    expect(tested.error.message).toContain(tried);
    expect(tested.error.message).not.toContain(p.appKey);
    expect(tested.error.message).not.toMatch(/item any more/);

    const state = await saveAndSync(h, p, wrong);
    expect(state).toMatchObject({ status: 'error', lastError: { code: 'API_NOT_FOUND' } });
    expect(state.lastError?.message).toContain(tried);
  });
});
