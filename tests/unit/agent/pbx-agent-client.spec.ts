import { afterEach, describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx, type DemoPbxOptions } from '../../../electron/core/demo-pbx/server.js';
import { PbxClient } from '../../../electron/core/pbx/client.js';
import { involves } from '../../../electron/core/pbx/cdr-fetch.js';
import { parseCdrPage } from '../../../electron/core/pbx/parse-cdr.js';
import { parseContacts } from '../../../electron/core/pbx/parse-phonebook.js';
import { AppError } from '../../../electron/core/app-error.js';

const NOW = 1_761_220_000;
const RANGE = { since: NOW - 7 * 86400, until: NOW };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function setup(agent: DemoPbxOptions['agent'] = {}, extra: DemoPbxOptions = {}) {
  const pbx = await startDemoPbx({ extensions: 60, tenants: 1, agent: { cdrNow: NOW, ...agent }, ...extra });
  const client = new PbxClient(
    { baseUrl: pbx.origin, tenant: pbx.tenant, appKey: pbx.appKey, tlsPin: null, allowHttp: true },
    { retryBaseMs: 1 },
  );
  cleanups.push(async () => {
    client.close();
    await pbx.close();
  });
  return { pbx, client };
}

const cdrGets = (pbx: DemoPbx) => pbx.requests.filter((r) => r.path.startsWith('/api/v2/cdr'));

describe('click-to-call', () => {
  it('sends the JSON body and headers VitalPBX expects', async () => {
    const { pbx, client } = await setup();
    await client.clickToCall({ caller: '100', callee: '+15551234', cosId: 3 });
    const req = pbx.requests.find((r) => r.path === '/api/v2/core/click_to_call');
    expect(req?.method).toBe('POST');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.tenant).toBe(pbx.tenant);
    expect(JSON.parse(req?.body ?? '')).toEqual({ caller: '100', callee: '+15551234', cos_id: 3 });
    expect(pbx.originated).toMatchObject([{ caller: '100', callee: '+15551234', cosId: 3 }]);
  });

  it('is never retried: a failing first POST is sent exactly once', async () => {
    const { pbx, client } = await setup();
    pbx.setFaults({ kind: 'error500-json', paths: ['/core/click_to_call'], count: 1 });
    await expect(client.clickToCall({ caller: '100', callee: '555', cosId: 1 })).rejects.toMatchObject({
      code: 'PBX_ERROR',
    });
    pbx.setFaults({ kind: 'reset', paths: ['/core/click_to_call'], count: 1 });
    await expect(client.clickToCall({ caller: '100', callee: '555', cosId: 1 })).rejects.toBeInstanceOf(
      AppError,
    );
    expect(pbx.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    // The PBX placed both calls before its answer broke: a retry would have rung the phone twice.
    expect(pbx.originated).toHaveLength(2);
  });

  it('reports a refusal as CALL_REFUSED with the PBX message', async () => {
    const { client } = await setup();
    const err = await client.clickToCall({ caller: '999', callee: '555', cosId: 1 }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'CALL_REFUSED',
      detail: { serverMessage: 'Caller extension 999 not found' },
    });
    expect((err as Error).message).toContain('Caller extension 999 not found');
  });

  it('reads the class of service of an extension', async () => {
    const { client } = await setup();
    const { extensions } = await client.listExtensions();
    const cos = await client.classOfService(extensions[0]!.id);
    expect([1, 2, 3]).toContain(cos);
  });
});

describe('CDR', () => {
  it('uses the server filter when honoured: deduplicated by uniqueid, newest first, epoch dates', async () => {
    const { pbx, client } = await setup();
    const r = await client.listCdr({ extension: '100', ...RANGE });
    expect(r).toMatchObject({ filter: 'server', complete: true, limitReached: false });
    expect(r.rows.length).toBeGreaterThan(3);
    expect(new Set(r.rows.map((x) => x.uniqueid)).size).toBe(r.rows.length);
    expect(r.rows.every((x) => involves(x, '100'))).toBe(true);
    const dates = r.rows.map((x) => x.calldate ?? 0);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(dates.every((d) => d >= RANGE.since && d <= RANGE.until)).toBe(true);
    const q = new URL(cdrGets(pbx)[0]!.path, 'http://x').searchParams;
    expect(q.get('start_date')).toBe(String(RANGE.since));
    expect(q.get('extensions')).toBe('100');
    expect(q.get('page')).toBe('1');
  });

  it('filters on its side in bounded windows when the server ignores the extension filter', async () => {
    const honoured = await (await setup()).client.listCdr({ extension: '100', ...RANGE });
    const { client } = await setup({ cdrFilter: 'ignored' });
    const r = await client.listCdr({ extension: '100', ...RANGE });
    expect(r).toMatchObject({ filter: 'client', complete: true, limitReached: false });
    expect(r.rows.map((x) => x.uniqueid)).toEqual(honoured.rows.map((x) => x.uniqueid));
  });

  it('stops at the budget and says so', async () => {
    const { pbx, client } = await setup({ cdrFilter: 'ignored' });
    const r = await client.listCdr({ extension: '100', ...RANGE }, { pageSize: 20, budget: 100 });
    expect(r).toMatchObject({ filter: 'client', complete: false, limitReached: true });
    expect(r.downloaded).toBeLessThanOrEqual(120);
    expect(r.coveredFrom).toBeGreaterThan(RANGE.since);
    expect(cdrGets(pbx).length).toBeLessThanOrEqual(6);
  });

  it('detects a server that ignores page and never loops', async () => {
    const { pbx, client } = await setup({ cdrFilter: 'ignored', cdrPaging: 'ignored' });
    const r = await client.listCdr({ extension: '100', ...RANGE }, { pageSize: 10 });
    expect(r.pagingIgnored).toBe(true);
    expect(r.complete).toBe(false);
    // One first page, then at most two pages per day window.
    expect(cdrGets(pbx).length).toBeLessThanOrEqual(1 + 2 * 8);
  });

  it('reads a bare array and data.items the same as {rows, result}', async () => {
    const base = (await (await setup()).client.listCdr({ extension: '100', ...RANGE })).rows;
    for (const shape of ['array', 'items'] as const) {
      const { client } = await setup({ cdrShape: shape });
      const r = await client.listCdr({ extension: '100', ...RANGE });
      expect(r.rows).toEqual(base);
    }
  });

  it('reads calltype as a number or a string, and skips unreadable rows', () => {
    const page = parseCdrPage({
      rows: 3,
      result: [
        { uniqueid: '1.1', calltype: 2, calldate: '2025-10-23 10:00:00', src: '555', dst: '100' },
        { uniqueid: '1.2', calltype: '3', calldate: 1761213600, src: '100', dst: '555' },
        { calltype: 1 },
      ],
    });
    expect(page.rows.map((r) => r.calltype)).toEqual(['incoming', 'outgoing']);
    expect(page.rows[1]?.calldate).toBe(1761213600);
    expect(page.skipped).toBe(1);
    expect(page.total).toBe(3);
    expect(() => parseCdrPage('nope')).toThrow(AppError);
  });
});

describe('phonebooks', () => {
  it('lists contacts tolerantly and keeps unknown fields', async () => {
    const { client } = await setup();
    const books = await client.listPhonebooks();
    expect(books?.map((b) => b.name)).toEqual(['Customers', 'Suppliers']);
    const { items } = await client.listContacts(books![0]!);
    expect(items.length).toBeGreaterThan(10);
    expect(items.some((c) => c.email === null)).toBe(true);
    expect(items.some((c) => c.extra.company !== undefined)).toBe(true);
    const odd = parseContacts([{ phone: '555', vip: true }, 'junk', {}], {
      id: '9',
      name: 'X',
      sourceType: null,
    });
    expect(odd.items).toMatchObject([{ name: '555', telephone: '555', extra: { vip: 'true' } }]);
    expect(odd.skipped).toBe(2);
  });

  it('treats 404 and 501 as no phonebooks', async () => {
    const { client } = await setup({ phonebooks: false });
    expect(await client.listPhonebooks()).toBeNull();
    const other = await setup({}, { faults: { kind: 'error501', paths: ['/phonebooks'] } });
    expect(await other.client.listPhonebooks()).toBeNull();
  });
});
