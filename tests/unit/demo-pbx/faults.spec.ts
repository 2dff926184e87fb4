// Every fault mode over a real socket, per-path targeting, fail-N-then-recover, and changing the
// faults while the server runs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../../electron/core/demo-pbx/faults.js';
import { type DemoPbx, startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from './client.js';

let pbx: DemoPbx;
let firstId: number;
const auth = () => ({ 'app-key': pbx.appKey, tenant: pbx.tenant });
const get = (path: string) => request(pbx.url + path, { headers: auth() });

beforeAll(async () => {
  pbx = await startDemoPbx({ extensions: 20, tenants: 1 });
  firstId = (jsonOf(await get('/extensions')).data as { extension_id: number }[])[0]?.extension_id ?? 0;
});
afterEach(() => pbx.setFaults(null));
afterAll(() => pbx.close());

describe('fault kinds', () => {
  it('covers every kind the module declares', () => {
    expect([...FAULT_KINDS].sort()).toStrictEqual(
      [
        'error500-html',
        'error500-json',
        'error501',
        'html200',
        'huge-body',
        'invalid-json',
        'reset',
        'truncated-json',
      ].sort(),
    );
  });

  it('reset: the connection dies mid-response', async () => {
    pbx.setFaults({ kind: 'reset' });
    await expect(get('/extensions')).rejects.toThrow();
  });

  it('error500-json and error500-html', async () => {
    pbx.setFaults({ kind: 'error500-json' });
    const j = await get('/extensions');
    expect(j.status).toBe(500);
    expect(jsonOf(j)).toStrictEqual({ status: 'error', message: 'Internal Server Error' });
    pbx.setFaults({ kind: 'error500-html' });
    const h = await get('/extensions');
    expect(h.status).toBe(500);
    expect(h.headers['content-type']).toMatch(/^text\/html/);
    expect(h.body.toString()).toContain('Internal Server Error');
  });

  it('error501: the "Invalid Operation" answer of a PBX without the endpoint', async () => {
    pbx.setFaults({ kind: 'error501', paths: ['/extensions'] });
    const res = await get('/extensions');
    expect(res.status).toBe(501);
    expect(jsonOf(res)).toStrictEqual({ status: 'error', message: 'Invalid Operation' });
  });

  it('html200: an HTML page with status 200', async () => {
    pbx.setFaults({ kind: 'html200' });
    const res = await get('/extensions');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(() => JSON.parse(res.body.toString())).toThrow();
  });

  it('truncated-json: a complete HTTP answer whose JSON stops half-way', async () => {
    const whole = await get(`/extensions/${firstId}`);
    pbx.setFaults({ kind: 'truncated-json' });
    const res = await get(`/extensions/${firstId}`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(Math.floor(whole.body.length / 2));
    expect(whole.body.subarray(0, res.body.length).equals(res.body)).toBe(true);
    expect(() => JSON.parse(res.body.toString())).toThrow();
  });

  it('invalid-json: a PHP notice before the JSON, still labelled application/json', async () => {
    pbx.setFaults({ kind: 'invalid-json' });
    const res = await get(`/extensions/${firstId}/cdr_summary`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body.toString()).toMatch(/^<br \/>\n<b>Notice<\/b>/);
    expect(() => JSON.parse(res.body.toString())).toThrow();
  });

  it('huge-body: valid-looking JSON streamed to the requested size', async () => {
    pbx.setFaults({ kind: 'huge-body', hugeBodyBytes: 3 * 1024 * 1024 });
    const res = await get('/extensions');
    expect(res.status).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body.length).toBeGreaterThanOrEqual(3 * 1024 * 1024);
    const body = jsonOf(res) as { status: string; data: unknown[] };
    expect(body.status).toBe('success');
    expect(body.data.length).toBeGreaterThan(1000);
  });

  it('drip: the same body, a few bytes at a time', async () => {
    const whole = await get(`/extensions/${firstId}/cdr_summary`);
    pbx.setFaults({ drip: { bytes: 16, intervalMs: 30 } });
    const res = await get(`/extensions/${firstId}/cdr_summary`);
    expect(res.body.equals(whole.body)).toBe(true);
    // Later pieces may merge in the client's socket buffer on a busy machine; the first cannot.
    expect(res.chunkSizes[0]).toBe(16);
    expect(res.chunkSizes.length).toBeGreaterThan(1);
  });

  it('contentLength: a list the PBX streams chunked arrives with its length declared', async () => {
    const chunked = await get('/extensions');
    expect(chunked.headers['transfer-encoding']).toBe('chunked');
    pbx.setFaults({ contentLength: true, drip: { bytes: 4096, intervalMs: 1 } });
    const declared = await get('/extensions');
    expect(declared.headers['content-length']).toBe(String(chunked.body.length));
    expect(declared.body.equals(chunked.body)).toBe(true);
  });

  it('latency: no answer before the delay, and close() does not wait for it', async () => {
    const slow = await startDemoPbx({ extensions: 1, tenants: 1, faults: { latencyMs: 60_000 } });
    const pending = request(`${slow.url}/extensions`, {
      headers: { 'app-key': slow.appKey, tenant: '1' },
      timeoutMs: 300,
    });
    await expect(pending).rejects.toThrow('timed out');
    await slow.close();
  });
});

describe('targeting', () => {
  it('faults only the paths given, with or without the /api/v2 prefix', async () => {
    pbx.setFaults({ kind: 'error500-json', paths: ['/extensions'] });
    expect((await get('/extensions')).status).toBe(500);
    expect((await get(`/extensions/${firstId}/devices`)).status).toBe(200);
    pbx.setFaults({ kind: 'error500-json', paths: ['/api/v2/extensions/*'] });
    expect((await get('/extensions')).status).toBe(200);
    expect((await get(`/extensions/${firstId}/devices`)).status).toBe(500);
    pbx.setFaults({ kind: 'error500-json', paths: [/\/queues$/] });
    expect((await get(`/extensions/${firstId}/queues`)).status).toBe(500);
    expect((await get(`/extensions/${firstId}/devices`)).status).toBe(200);
  });

  it('fails the next N matching requests, then recovers', async () => {
    pbx.setFaults({ kind: 'error500-html', count: 2, paths: ['/extensions'] });
    expect((await get(`/extensions/${firstId}`)).status).toBe(200); // not targeted, not counted
    expect((await get('/extensions')).status).toBe(500);
    expect((await get('/extensions')).status).toBe(500);
    expect((await get('/extensions')).status).toBe(200);
    expect((await get('/extensions')).status).toBe(200);
  });

  it('applies faults given at start, and setFaults(null) clears them', async () => {
    const broken = await startDemoPbx({ extensions: 1, tenants: 1, faults: { kind: 'html200' } });
    try {
      const headers = { 'app-key': broken.appKey, tenant: '1' };
      expect((await request(`${broken.url}/extensions`, { headers })).headers['content-type']).toMatch(
        /html/,
      );
      broken.setFaults(null);
      expect(jsonOf(await request(`${broken.url}/extensions`, { headers })).status).toBe('success');
    } finally {
      await broken.close();
    }
  });
});
