import { describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx, type DemoPbxOptions } from '../../../electron/core/demo-pbx/server.js';
import {
  cleanupsAfterEach,
  type Harness,
  makeHarness,
  readTree,
  removeDir,
  tempDir,
  until,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

async function pbx(agent: DemoPbxOptions['agent'] = {}): Promise<DemoPbx> {
  const p = await startDemoPbx({ extensions: 40, tenants: 1, agent });
  cleanups.push(() => p.close());
  return p;
}

async function harness(dataDir?: string): Promise<Harness> {
  const h = await makeHarness(dataDir);
  cleanups.push(() => h.close());
  if (!dataDir) cleanups.push(() => removeDir(h.dataDir));
  return h;
}

async function connect(h: Harness, p: DemoPbx, myExtension: string | null = '100') {
  const profile = await h.ok('profiles:save', {
    label: 'Office',
    baseUrl: p.origin,
    tenant: p.tenant,
    tlsPin: null,
    myExtension,
    allowHttp: true,
    showOthersVoicemail: false,
    dialScheme: 'tel',
    appKey: p.appKey,
  });
  await h.ok('profiles:activate', { id: profile.id });
  await h.ok('sync:now');
  return profile;
}

describe('calls:place', () => {
  it('rings my extension with its class of service, and reports the outcome and time', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p);
    const before = Date.now();
    const out = await h.ok('calls:place', { number: '+1 (555) 123-4567' });
    expect(out).toMatchObject({ caller: '100', callee: '+15551234567', message: 'Call originated' });
    expect(out.at).toBeGreaterThanOrEqual(before);
    const ext = (await h.ok('directory:get'))!.extensions.find((e) => e.number === '100')!;
    const raw = p.requests.find((r) => r.path === `/api/v2/extensions/${ext.id}`);
    expect(raw).toBeDefined();
    expect(p.originated).toEqual([
      expect.objectContaining({ caller: '100', callee: '+15551234567', cosId: out.cosId }),
    ]);
  });

  it('says so when the profile has no "my extension", and refuses a non-number', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p, null);
    expect(await h.call('calls:place', { number: '555' })).toMatchObject({
      ok: false,
      error: { code: 'NO_MY_EXTENSION' },
    });
    const h2 = await harness();
    await connect(h2, p);
    expect(await h2.call('calls:place', { number: 'javascript:1' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_NUMBER' },
    });
    expect(p.originated).toHaveLength(0);
  });

  it('passes on a refusal with the PBX message and the time, without retrying', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p, '999'); // not an extension of this PBX
    const r = await h.call('calls:place', { number: '555' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CALL_REFUSED', detail: { serverMessage: 'Caller extension 999 not found' } },
    });
    expect(r.ok ? 0 : r.error.detail?.at).toEqual(expect.any(Number));
    expect(p.requests.filter((x) => x.method === 'POST')).toHaveLength(1);
  });

  it('allows one call in flight at a time', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p);
    p.setFaults({ latencyMs: 400, paths: ['/core/click_to_call'], count: 1 });
    const first = h.call('calls:place', { number: '555' });
    await until(
      () => p.requests.some((r) => r.method === 'POST'),
      (v) => v,
    );
    expect(await h.call('calls:place', { number: '556' })).toMatchObject({
      ok: false,
      error: { code: 'CALL_IN_PROGRESS' },
    });
    expect(await first).toMatchObject({ ok: true });
    expect(await h.call('calls:place', { number: '557' })).toMatchObject({ ok: true });
  });
});

describe('calls:recent', () => {
  it('lists my last 7 days, counts missed calls, resolves names, and shows the cache offline', async () => {
    for (const cdrFilter of ['honoured', 'ignored'] as const) {
      const p = await pbx({ cdrFilter });
      const h = await harness();
      await connect(h, p);
      await until(
        () => h.ok('contacts:list'),
        (c) => c.contacts.length > 0,
      );
      const r = await h.ok('calls:recent');
      expect(r).toMatchObject({ extension: '100', fromCache: false, error: null, complete: true });
      expect(r.filter).toBe(cdrFilter === 'honoured' ? 'server' : 'client');
      expect(r.until - r.since).toBe(7 * 86400);
      expect(r.calls.length).toBeGreaterThan(0);
      expect(r.missed).toBe(r.calls.filter((c) => c.missed).length);
      expect(r.calls.every((c) => !c.missed || (c.direction === 'in' && c.disposition !== 'ANSWERED'))).toBe(
        true,
      );
      expect(r.calls.some((c) => c.nameSource === 'directory' && c.extensionId !== null)).toBe(true);
      await p.close();
      const offline = await h.ok('calls:recent');
      expect(offline).toMatchObject({
        fromCache: true,
        fetchedAt: r.fetchedAt,
        error: { code: 'PBX_UNREACHABLE' },
      });
      expect(offline.calls).toEqual(r.calls);
    }
  });

  it('names a caller from the phonebook contacts', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p);
    await until(
      () => h.ok('contacts:list'),
      (c) => c.contacts.length > 0,
    );
    let found = false;
    for (const ext of ['100', '101', '102', '103', '104', '105', '106', '107']) {
      const r = await h.ok('calls:recent', { extension: ext, days: 10 });
      if (r.calls.some((c) => c.nameSource === 'contact' && c.contactKey !== null)) found = true;
    }
    expect(found).toBe(true);
  });
});

describe('contacts', () => {
  it('are synced with the directory, cached, exported, and absent without error when the PBX has none', async () => {
    const p = await pbx();
    const h = await harness();
    await connect(h, p);
    const c = await until(
      () => h.ok('contacts:list'),
      (x) => x.contacts.length > 0,
    );
    expect(c).toMatchObject({ supported: true, error: null });
    expect(c.phonebooks.map((b) => b.name)).toEqual(['Customers', 'Suppliers']);
    const csv = await h.ok('contacts:export', { format: 'csv' });
    const dir = (await h.ok('directory:get'))!;
    expect(csv.count).toBe(dir.extensions.length + c.contacts.length);
    expect(csv.content).toContain(c.contacts[0]!.name);
    const vcf = await h.ok('contacts:export', { format: 'vcard' });
    expect(vcf.content).toContain(`FN:${c.contacts[1]!.name}`);
    const json = JSON.parse((await h.ok('contacts:export', { format: 'json' })).content) as {
      contacts: unknown[];
    };
    expect(json.contacts).toHaveLength(c.contacts.length);

    const none = await pbx({ phonebooks: false });
    const h2 = await harness();
    await connect(h2, none);
    const empty = await h2.ok('contacts:sync');
    expect(empty).toMatchObject({ supported: false, error: null, contacts: [] });
  });
});

describe('favourites and private notes', () => {
  it('survive a sync and a restart, and never reach the PBX', async () => {
    const p = await pbx();
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const h = await harness(dataDir);
    await connect(h, p);
    const ext = (await h.ok('directory:get'))!.extensions[3]!;
    await h.ok('personal:favourite', { key: `ext:${ext.id}`, on: true });
    await h.ok('personal:favourite', { key: 'contact:1:7', on: true });
    await h.ok('personal:note', { key: `ext:${ext.id}`, text: 'PRIVATE-NOTE-7f3a prefers e-mail' });
    await h.ok('personal:call-mode', { mode: 'pbx' });
    await h.ok('sync:now');
    expect(await h.ok('personal:get')).toEqual({
      favourites: ['contact:1:7', `ext:${ext.id}`],
      notes: { [`ext:${ext.id}`]: 'PRIVATE-NOTE-7f3a prefers e-mail' },
      callMode: 'pbx',
    });
    await h.close();

    const again = await harness(dataDir);
    await again.core.start();
    await again.ok('sync:now');
    const kept = await again.ok('personal:get');
    expect(kept.notes[`ext:${ext.id}`]).toBe('PRIVATE-NOTE-7f3a prefers e-mail');
    expect(kept.favourites).toContain(`ext:${ext.id}`);
    expect(kept.callMode).toBe('pbx');
    await again.ok('personal:favourite', { key: 'contact:1:7', on: false });
    await again.ok('personal:note', { key: `ext:${ext.id}`, text: '  ' });
    expect(await again.ok('personal:get')).toMatchObject({ favourites: [`ext:${ext.id}`], notes: {} });
    expect(JSON.stringify(p.requests)).not.toContain('PRIVATE-NOTE');
    const files = await readTree(dataDir);
    expect(files.some((f) => f.path.endsWith('personal.json'))).toBe(true);
  });
});
