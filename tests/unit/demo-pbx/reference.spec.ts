// The reference dataset serves the published examples exactly, with the reference's headers; and
// reference.ts itself matches the JSON of vitalpbx-api-v2.md when that document is at hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REFERENCE_EXAMPLES,
  REFERENCE_VOICEMAIL_RECORDS,
} from '../../../electron/core/demo-pbx/reference.js';
import { type DemoPbx, startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { jsonOf, request } from './client.js';

let pbx: DemoPbx;
const auth = () => ({ 'app-key': pbx.appKey, tenant: pbx.tenant });

beforeAll(async () => {
  pbx = await startDemoPbx({ dataset: 'reference' });
});
afterAll(() => pbx.close());

describe('reference dataset', () => {
  it.each(REFERENCE_EXAMPLES.map((e) => [e.path, e.body] as const))(
    'GET %s answers the published body',
    async (path, body) => {
      const res = await request(pbx.url + path, { headers: auth() });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(jsonOf(res)).toStrictEqual(body);
    },
  );

  it('keeps the published key order, not only the same values', async () => {
    const res = await request(`${pbx.url}/extensions/1/voicemail_records`, { headers: auth() });
    expect(res.body.toString()).toBe(JSON.stringify(REFERENCE_VOICEMAIL_RECORDS));
  });

  it('answers the tenant by name as by id', async () => {
    const byName = await request(`${pbx.url}/extensions`, { headers: { ...auth(), tenant: 'vitalpbx' } });
    const byId = await request(`${pbx.url}/extensions`, { headers: auth() });
    expect(byName.body.equals(byId.body)).toBe(true);
    expect((jsonOf(byName).data as unknown[]).length).toBe(1);
  });

  it('sends the list chunked and single bodies with Content-Length, from an Apache/PHP server', async () => {
    const list = await request(`${pbx.url}/extensions`, { headers: auth() });
    expect(list.headers['transfer-encoding']).toBe('chunked');
    expect(list.headers['content-length']).toBeUndefined();
    const devices = await request(`${pbx.url}/extensions/1/devices`, { headers: auth() });
    expect(devices.headers['content-length']).toBe(String(devices.body.length));
    expect(devices.headers.server).toMatch(/^Apache\/2\.4\.6 \(CentOS\)/);
    expect(devices.headers['x-powered-by']).toBe('PHP/5.4.16');
  });

  it('answers 404 for unknown paths and unknown extension ids', async () => {
    for (const path of [
      '/api/v2/nothing',
      '/api/v2/extensions/1/nothing',
      '/api/v2/extensions/abc',
      '/other',
    ]) {
      const res = await request(pbx.origin + path, { headers: auth() });
      expect(res.status, path).toBe(404);
    }
    const unknownId = await request(`${pbx.url}/extensions/999`, { headers: auth() });
    expect(unknownId.status).toBe(404);
    expect(jsonOf(unknownId)).toStrictEqual({ status: 'error', message: 'Extension not found' });
  });

  it('answers 501 Invalid Operation to an unsupported method on a known path', async () => {
    const res = await request(`${pbx.url}/extensions`, { method: 'PUT', headers: auth() });
    expect(res.status).toBe(501);
    expect(jsonOf(res)).toStrictEqual({ status: 'error', message: 'Invalid Operation' });
  });

  it('logs requests without the app key', async () => {
    const before = pbx.requests.length;
    await request(`${pbx.url}/extensions/1/cdr_summary`, { headers: auth() });
    const logged = pbx.requests.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'GET', path: '/api/v2/extensions/1/cdr_summary', tenant: '1' });
    expect(logged[0]?.headers['app-key']).toBeUndefined();
    expect(JSON.stringify(logged)).not.toContain(pbx.appKey);
  });
});

// The document lives in the shared folder beside the repository (../shared in CI and locally).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const docPath = join(root, '..', 'shared', 'reference', 'vitalpbx-api-v2.md');
const docPresent = existsSync(docPath);
if (!docPresent) {
  console.warn(`reference.spec: ${docPath} is absent, so reference.ts is not compared with the document.`);
}

describe('reference.ts against vitalpbx-api-v2.md', () => {
  it.skipIf(!docPresent)('holds the JSON code blocks of the document, in order', () => {
    const doc = readFileSync(docPath, 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? ''));
    expect(blocks).toHaveLength(REFERENCE_EXAMPLES.length);
    expect(blocks).toStrictEqual(REFERENCE_EXAMPLES.map((e) => e.body));
  });
});
