// app-key and tenant handling as real servers do it: global keys follow the tenant header (id or
// name), tenant-bound keys ignore it, an unknown or missing tenant is an empty 200, and a bad key
// fails in whichever of the three forms the test selects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPbx, startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from './client.js';

let pbx: DemoPbx;

beforeAll(async () => {
  pbx = await startDemoPbx({ extensions: 6, tenants: 3, seed: 7 });
});
afterAll(() => pbx.close());

type Row = { extension_id: number; tenant_id: number };
const list = async (headers: Record<string, string>) => {
  const res = await request(`${pbx.url}/extensions`, { headers });
  expect(res.status).toBe(200);
  return jsonOf(res).data as Row[];
};

describe('tenants', () => {
  it('describes every tenant with a distinct bound key', () => {
    expect(pbx.tenants.map((t) => t.id)).toStrictEqual(['1', '2', '3']);
    expect(pbx.tenants.every((t) => t.extensionCount === 6)).toBe(true);
    const keys = new Set([pbx.appKey, ...pbx.tenants.map((t) => t.boundKey)]);
    expect(keys.size).toBe(4);
    expect(pbx.tenant).toBe('1');
  });

  it('lets a global key pick the tenant by id or by name', async () => {
    for (const t of pbx.tenants) {
      const byId = await list({ 'app-key': pbx.appKey, tenant: t.id });
      const byName = await list({ 'app-key': pbx.appKey, tenant: t.name.toUpperCase() });
      expect(byId).toHaveLength(6);
      expect(byId.every((r) => String(r.tenant_id) === t.id)).toBe(true);
      expect(byName).toStrictEqual(byId);
    }
  });

  it('gives an unknown or missing tenant 200 with no rows, not an error', async () => {
    expect(await list({ 'app-key': pbx.appKey, tenant: 'nosuch' })).toStrictEqual([]);
    expect(await list({ 'app-key': pbx.appKey })).toStrictEqual([]);
    const id = (await list({ 'app-key': pbx.appKey, tenant: '1' }))[0]?.extension_id;
    const vm = await request(`${pbx.url}/extensions/${id}/voicemail_records`, {
      headers: { 'app-key': pbx.appKey, tenant: '99' },
    });
    expect(vm.status).toBe(200);
    expect(jsonOf(vm)).toStrictEqual({ status: 'success', data: {} });
    const devices = await request(`${pbx.url}/extensions/${id}/devices`, {
      headers: { 'app-key': pbx.appKey },
    });
    expect(jsonOf(devices)).toMatchObject({ status: 'success', data: [] });
  });

  it('binds a tenant-bound key to its tenant whatever the header says', async () => {
    const second = pbx.tenants[1];
    if (!second) throw new Error('no second tenant');
    const expected = await list({ 'app-key': pbx.appKey, tenant: second.id });
    expect(await list({ 'app-key': second.boundKey, tenant: '1' })).toStrictEqual(expected);
    expect(await list({ 'app-key': second.boundKey })).toStrictEqual(expected);
  });

  it('does not show one tenant the extensions of another', async () => {
    const other = (await list({ 'app-key': pbx.appKey, tenant: '2' }))[0]?.extension_id;
    const res = await request(`${pbx.url}/extensions/${other}`, {
      headers: { 'app-key': pbx.appKey, tenant: '1' },
    });
    expect(res.status).toBe(404);
  });
});

describe('bad keys', () => {
  const bad = (key?: string) =>
    request(`${pbx.url}/extensions`, {
      headers: key === undefined ? { tenant: '1' } : { 'app-key': key, tenant: '1' },
    });

  it('json401 (default): 401 with a JSON error, for a wrong and for a missing key', async () => {
    for (const res of [await bad('wrong'), await bad()]) {
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('application/json');
      expect(jsonOf(res)).toStrictEqual({ status: 'error', message: 'Invalid app key' });
    }
  });

  it('html403: an Apache-like HTML Forbidden page', async () => {
    pbx.setBadKeyMode('html403');
    try {
      const res = await bad('wrong');
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body.toString()).toContain('<title>403 Forbidden</title>');
    } finally {
      pbx.setBadKeyMode('json401');
    }
  });

  it('status200: HTTP 200 carrying status "error"', async () => {
    pbx.setBadKeyMode('status200');
    try {
      const res = await bad('wrong');
      expect(res.status).toBe(200);
      expect(jsonOf(res)).toStrictEqual({ status: 'error', message: 'Invalid app key' });
    } finally {
      pbx.setBadKeyMode('json401');
    }
  });

  it('can start in a chosen mode, and a good key still works there', async () => {
    const other = await startDemoPbx({ extensions: 1, tenants: 1, badKeyMode: 'html403' });
    try {
      expect((await request(`${other.url}/extensions`, { headers: { 'app-key': 'x' } })).status).toBe(403);
      const ok = await request(`${other.url}/extensions`, {
        headers: { 'app-key': other.appKey, tenant: '1' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
