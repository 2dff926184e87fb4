// HTTPS with a self-signed certificate: its fingerprint is exposed in Node's format, a client that
// trusts only that certificate connects, one that trusts nothing is refused, and a restart can
// keep the same certificate or get a new one (for "certificate changed" tests).
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPbx, startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from './client.js';

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;
let pbx: DemoPbx;

beforeAll(async () => {
  pbx = await startDemoPbx({ https: true, extensions: 3, tenants: 1 });
});
afterAll(() => pbx.close());

describe('HTTPS', () => {
  it('serves the API over TLS with the advertised certificate', async () => {
    expect(pbx.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    const tls = pbx.tls;
    if (!tls) throw new Error('no TLS identity');
    expect(tls.fingerprint256).toMatch(FINGERPRINT);
    expect(tls.fingerprint256).toBe(new X509Certificate(tls.cert).fingerprint256);
    const res = await request(`${pbx.url}/extensions`, {
      headers: { 'app-key': pbx.appKey, tenant: pbx.tenant },
      ca: tls.cert,
    });
    expect(res.status).toBe(200);
    expect(res.fingerprint256).toBe(tls.fingerprint256);
    expect((jsonOf(res).data as unknown[]).length).toBe(3);
  });

  it('is refused by a client that does not trust the self-signed certificate', async () => {
    await expect(request(`${pbx.url}/extensions`, { headers: { 'app-key': pbx.appKey } })).rejects.toThrow(
      /self[- ]signed/i,
    );
  });

  it('restarts with the same certificate on the same port, or with a new one', async () => {
    const tls = pbx.tls;
    if (!tls) throw new Error('no TLS identity');
    const first = await startDemoPbx({ https: true, extensions: 1, tenants: 1 });
    const port = Number(new URL(first.origin).port);
    const firstTls = first.tls;
    await first.close();
    const same = await startDemoPbx({ https: true, port, tls: firstTls, extensions: 1, tenants: 1 });
    try {
      expect(same.origin).toBe(first.origin);
      expect(same.tls?.fingerprint256).toBe(firstTls?.fingerprint256);
      const res = await request(`${same.url}/extensions`, {
        headers: { 'app-key': same.appKey },
        ca: firstTls?.cert ?? '',
      });
      expect(res.fingerprint256).toBe(firstTls?.fingerprint256);
    } finally {
      await same.close();
    }
    expect(firstTls?.fingerprint256).not.toBe(tls.fingerprint256);
  });

  it('stays plain HTTP unless asked', async () => {
    const plain = await startDemoPbx({ extensions: 1, tenants: 1 });
    try {
      expect(plain.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(plain.tls).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
