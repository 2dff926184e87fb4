import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from '../demo-pbx/client.js';

const NOW = 1_761_220_000;
let pbx: DemoPbx;
let ignoring: DemoPbx;
let bare: DemoPbx;

beforeAll(async () => {
  pbx = await startDemoPbx({ extensions: 40, tenants: 1, agent: { cdrNow: NOW } });
  ignoring = await startDemoPbx({
    extensions: 40,
    tenants: 1,
    agent: { cdrNow: NOW, cdrFilter: 'ignored', cdrPaging: 'ignored', phonebooks: false },
  });
  bare = await startDemoPbx({ extensions: 40, tenants: 1, agent: { cdrNow: NOW, cdrShape: 'array' } });
});
afterAll(async () => {
  await Promise.all([pbx?.close(), ignoring?.close(), bare?.close()]);
});

const headers = (p: DemoPbx) => ({ 'app-key': p.appKey, tenant: p.tenant });

async function post(p: DemoPbx, body: string) {
  const r = await fetch(`${p.url}/core/click_to_call`, {
    method: 'POST',
    headers: { ...headers(p), 'content-type': 'application/json' },
    body,
  });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

async function cdr(p: DemoPbx, query: Record<string, string>) {
  const res = await request(`${p.url}/cdr?${new URLSearchParams(query).toString()}`, { headers: headers(p) });
  return jsonOf(res).data as { rows: number; result: Record<string, unknown>[] };
}

describe('demo PBX: click-to-call', () => {
  it('originates a call for a known caller and logs it', async () => {
    const before = pbx.originated.length;
    const r = await post(pbx, JSON.stringify({ caller: '100', callee: '5551234', cos_id: 2 }));
    expect(r).toMatchObject({ status: 200, json: { status: 'success' } });
    expect(pbx.originated.slice(before)).toMatchObject([{ caller: '100', callee: '5551234', cosId: 2 }]);
  });

  it('validates the body as VitalPBX does and rejects an unknown caller', async () => {
    const before = pbx.originated.length;
    const cases: [string, RegExp][] = [
      ['not json', /Invalid JSON/],
      [JSON.stringify({ callee: '5551234' }), /caller/],
      [JSON.stringify({ caller: '100' }), /callee/],
      [JSON.stringify({ caller: '100', callee: '5551234', cos_id: 'x' }), /cos_id/],
      [JSON.stringify({ caller: '999', callee: '5551234' }), /Caller extension 999 not found/],
    ];
    for (const [body, message] of cases) {
      const r = await post(pbx, body);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ status: 'error', message: expect.stringMatching(message) as unknown });
    }
    expect(pbx.originated.length).toBe(before);
    const get = await request(`${pbx.url}/core/click_to_call`, { headers: headers(pbx) });
    expect(get.status).toBe(501);
  });
});

describe('demo PBX: CDR', () => {
  it('answers {rows, result}, filters by epoch seconds and by extension, honours page, ignores offset', async () => {
    const all = await cdr(pbx, {
      start_date: String(NOW - 10 * 86400),
      end_date: String(NOW),
      limit: '1000',
    });
    expect(all.rows).toBeGreaterThan(200);
    const types = new Set(all.result.map((r) => typeof r.calltype));
    expect(types).toEqual(new Set(['number', 'string']));
    const ids = all.result.map((r) => r.uniqueid);
    expect(new Set(ids).size).toBeLessThan(ids.length); // forwarded calls repeat a uniqueid

    const day = await cdr(pbx, { start_date: String(NOW - 86400), end_date: String(NOW), limit: '1000' });
    expect(day.rows).toBeLessThan(all.rows);
    const mine = await cdr(pbx, {
      start_date: String(NOW - 10 * 86400),
      end_date: String(NOW),
      extensions: '100',
    });
    expect(mine.result.every((r) => r.src === '100' || r.dst === '100')).toBe(true);

    const p1 = await cdr(pbx, { start_date: '0', end_date: String(NOW), limit: '10', page: '1' });
    const p2 = await cdr(pbx, { start_date: '0', end_date: String(NOW), limit: '10', page: '2' });
    const off = await cdr(pbx, { start_date: '0', end_date: String(NOW), limit: '10', offset: '10' });
    expect(p2.result[0]).not.toEqual(p1.result[0]);
    expect(off.result).toEqual(p1.result);
  });

  it('returns nothing for date strings, as the real server does', async () => {
    const r = await cdr(pbx, { start_date: '2025-10-01', end_date: '2025-10-31' });
    expect(r).toEqual({ rows: 0, result: [] });
  });

  it('is the same for the same seed and anchor', async () => {
    const again = await startDemoPbx({ extensions: 40, tenants: 1, agent: { cdrNow: NOW } });
    try {
      const q = { start_date: '0', end_date: String(NOW), limit: '50' };
      expect(await cdr(again, q)).toEqual(await cdr(pbx, q));
    } finally {
      await again.close();
    }
  });

  it('serves the variants: extension filter ignored, page ignored, bare array', async () => {
    const q = { start_date: '0', end_date: String(NOW), extensions: '100', limit: '10' };
    const r = await cdr(ignoring, q);
    expect(r.result.some((row) => row.src !== '100' && row.dst !== '100')).toBe(true);
    expect(await cdr(ignoring, { ...q, page: '2' })).toEqual(r);
    const arr = await cdr(bare, q);
    expect(Array.isArray(arr)).toBe(true);
  });
});

describe('demo PBX: phonebooks', () => {
  it('lists phonebooks and their contacts, some fields absent, extra fields present', async () => {
    const books = jsonOf(await request(`${pbx.url}/phonebooks`, { headers: headers(pbx) })).data as {
      id: number;
      name: string;
      source_type: string;
    }[];
    expect(books.map((b) => b.name)).toEqual(['Customers', 'Suppliers']);
    const contacts = jsonOf(
      await request(`${pbx.url}/phonebooks/${books[0]!.id}/contacts`, { headers: headers(pbx) }),
    ).data as Record<string, unknown>[];
    expect(contacts.length).toBeGreaterThan(10);
    expect(contacts.some((c) => !('email' in c))).toBe(true);
    expect(contacts.some((c) => 'company' in c)).toBe(true);
  });

  it('answers 404 on an instance without phonebooks', async () => {
    const res = await request(`${ignoring.url}/phonebooks`, { headers: headers(ignoring) });
    expect(res.status).toBe(404);
  });
});
