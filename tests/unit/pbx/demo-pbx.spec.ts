// The client against the embedded demo PBX: every endpoint on the reference dataset (parsed to
// exactly the documented domain objects), all voicemail shapes of the generated dataset, keys and
// tenants, planted secrets, and the demo's fault injection.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DemoPbx, type DemoPbxOptions, startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { PbxClient, type PbxClientOptions } from '../../../electron/core/pbx/client.js';
import { ExtensionSchema, VoicemailRecordSchema } from '../../../electron/core/shared/domain.js';
import { referenceExtensionDomain, referenceVoicemailDomain, failure } from './fixtures.js';

const open: DemoPbx[] = [];
const clients: PbxClient[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const c of clients.splice(0)) c.close();
  for (const d of open.splice(0)) await d.close();
});

async function demo(opts: DemoPbxOptions): Promise<DemoPbx> {
  const d = await startDemoPbx(opts);
  open.push(d);
  return d;
}

function clientFor(
  d: DemoPbx,
  over: { tenant?: string; appKey?: string; opts?: PbxClientOptions } = {},
): PbxClient {
  const c = new PbxClient(
    {
      baseUrl: d.url, // '.../api/v2' on purpose: the client normalises it away
      tenant: over.tenant ?? d.tenant,
      appKey: over.appKey ?? d.appKey,
      tlsPin: null,
      allowHttp: true,
    },
    { retryBaseMs: 1, ...over.opts },
  );
  clients.push(c);
  return c;
}

describe('reference dataset', () => {
  it('answers every endpoint with exactly the documented domain objects', async () => {
    const d = await demo({ dataset: 'reference' });
    const c = clientFor(d);
    expect(await c.listExtensions()).toEqual({ extensions: [referenceExtensionDomain()], skipped: 0 });
    expect(await c.getExtension('1')).toEqual(referenceExtensionDomain());
    expect(await c.getDevices('1')).toEqual([
      {
        id: '2',
        name: 'dev-101',
        user: 'dev-101',
        description: 'Agent 01',
        technology: 'sip',
        ring: true,
        assignedExtension: null,
      },
    ]);
    expect(await c.getQueues('1')).toEqual([
      { id: '1', name: 'Q500', penalty: 0 },
      { id: '2', name: 'Q501', penalty: 0 },
    ]);
    const cdr = await c.getCdrSummary('1');
    expect(cdr).toEqual({ local: 45, incoming: 29, outgoing: 4, transit: 0, asOf: cdr.asOf });
    expect(cdr.asOf).toBeGreaterThan(1_600_000_000_000);
    expect(await c.listVoicemail('1')).toEqual({ records: referenceVoicemailDomain(), skipped: 0 });
    expect(await c.checkConnection()).toEqual({ extensions: 1 });

    const paths = d.requests.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual([
      'GET /api/v2/extensions',
      'GET /api/v2/extensions/1',
      'GET /api/v2/extensions/1/devices',
      'GET /api/v2/extensions/1/queues',
      'GET /api/v2/extensions/1/cdr_summary',
      'GET /api/v2/extensions/1/voicemail_records',
      'GET /api/v2/extensions',
    ]);
    for (const r of d.requests) {
      expect(r.tenant).toBe('1');
      expect(r.headers.accept).toBe('application/json');
      expect(String(r.headers['user-agent'])).toMatch(/^VitalPBX-Directory\//);
    }
  });

  it('an unknown extension id → NOT_FOUND', async () => {
    const d = await demo({ dataset: 'reference' });
    expect((await failure(clientFor(d).getExtension('99'))).code).toBe('NOT_FOUND');
  });

  it('fetches audio, marks listened, deletes, and reports a stale static token as NOT_FOUND', async () => {
    const d = await demo({ dataset: 'reference' });
    const c = clientFor(d);
    const [inbox] = (await c.listVoicemail('1')).records;
    const audio = await c.fetchAudio(inbox!.recfile);
    expect(Buffer.from(audio.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    expect(Buffer.from(audio.subarray(8, 12)).toString('latin1')).toBe('WAVE');

    await c.markListened(inbox!.mailbox, inbox!.folder, inbox!.msg);
    const afterMark = (await c.listVoicemail('1')).records;
    expect(afterMark.every((r) => r.folder === 'Old')).toBe(true);
    expect(afterMark).toHaveLength(2);

    const victim = afterMark[0]!;
    await c.deleteMessage(victim.mailbox, victim.folder, victim.msg);
    expect((await c.listVoicemail('1')).records).toHaveLength(1);
    expect((await failure(c.deleteMessage('2000', 'INBOX', 'msg0042'))).code).toBe('NOT_FOUND');

    const { records } = await c.listVoicemail('1');
    d.rotateStaticToken();
    expect((await failure(c.fetchAudio(records[0]!.recfile))).code).toBe('NOT_FOUND');
    expect(d.requests.filter((r) => r.method !== 'GET').map((r) => r.method)).toEqual([
      'POST',
      'DELETE',
      'DELETE',
    ]);
  });

  it('never lets a planted secret into any result', async () => {
    const marker = 'PLANTED-7d1c9e';
    const d = await demo({ dataset: 'reference', secretMarker: marker });
    const c = clientFor(d);
    const results = [
      await c.listExtensions(),
      await c.getExtension('1'),
      await c.getDevices('1'),
      await c.listVoicemail('1'),
    ];
    const text = JSON.stringify(results);
    expect(text).toContain('Jhone Doe');
    expect(text).not.toContain(marker);
  });
});

describe('keys and tenants', () => {
  it.each([
    ['json401', 'AUTH_BAD_KEY'],
    ['html403', 'AUTH_FORBIDDEN'],
    ['status200', 'AUTH_BAD_KEY'],
  ] as const)('a wrong key in %s mode → %s', async (mode, code) => {
    const d = await demo({ dataset: 'reference', badKeyMode: mode });
    const err = await failure(clientFor(d, { appKey: 'not-the-key' }).listExtensions());
    expect(err.code).toBe(code);
    expect(JSON.stringify(err.toData())).not.toContain('not-the-key');
  });

  it('an unknown tenant → TENANT_EMPTY from checkConnection', async () => {
    const d = await demo({ dataset: 'reference' });
    expect((await failure(clientFor(d, { tenant: 'nobody' }).checkConnection())).code).toBe('TENANT_EMPTY');
  });

  it('a tenant-bound key reads its own tenant whatever the tenant header says', async () => {
    const d = await demo({ extensions: 7, tenants: 2 });
    const second = d.tenants[1]!;
    const c = clientFor(d, { appKey: second.boundKey, tenant: d.tenants[0]!.id });
    const { extensions } = await c.listExtensions();
    expect(extensions).toHaveLength(second.extensionCount);
    expect(new Set(extensions.map((e) => e.tenantId))).toEqual(new Set([second.id]));
    const byName = clientFor(d, { tenant: second.name.toUpperCase() });
    expect((await byName.listExtensions()).extensions).toHaveLength(second.extensionCount);
  });
});

/** Every object carrying a recfile, wherever it sits in a raw voicemail answer. */
function rawRecords(v: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(v)) for (const x of v) rawRecords(x, out);
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.recfile === 'string') out.push(o);
    else for (const x of Object.values(o)) rawRecords(x, out);
  }
  return out;
}

describe('generated dataset', () => {
  it.each(['folder-array', 'flat', 'folder-object'] as const)(
    'parses every extension and every %s voicemail record',
    async (shape) => {
      const d = await demo({ extensions: 12, tenants: 1, seed: 7, voicemailShape: shape });
      const c = clientFor(d);
      const { extensions, skipped } = await c.listExtensions();
      expect(skipped).toBe(0);
      expect(extensions).toHaveLength(12);
      for (const e of extensions) ExtensionSchema.parse(e);
      let total = 0;
      for (const e of extensions) {
        const raw = await fetch(`${d.url}/extensions/${e.id}/voicemail_records`, {
          headers: { 'app-key': d.appKey, tenant: d.tenant },
        }).then((r) => r.json() as Promise<{ data: unknown }>);
        const expected = rawRecords(raw.data);
        const vm = await c.listVoicemail(e.id);
        expect(vm.skipped).toBe(0);
        expect(vm.records).toHaveLength(expected.length);
        total += expected.length;
        for (const r of vm.records) {
          VoicemailRecordSchema.parse(r);
          const src = expected.find((x) => x.recfile === r.recfile)!;
          const m = /\/voicemail\/([^/]+)\/([^/]+)\/(msg\d{4})\.wav$/.exec(r.recfile)!;
          expect([r.mailbox, r.folder, r.msg]).toEqual([m[1], m[2], m[3]]);
          expect(r.key).toBe(typeof src.msg_id === 'string' ? src.msg_id : `${r.folder}/${r.msg}`);
          expect(r.date).toBe(Number(src.date ?? src.origtime));
          expect(r.durationSec).toBe(Number(src.duration));
          expect(r.caller.number).not.toBe('');
        }
      }
      expect(total).toBeGreaterThan(0);
    },
  );
});

describe('demo faults', () => {
  it('a reset mid-answer is retried and the GET succeeds', async () => {
    const d = await demo({
      extensions: 5,
      tenants: 1,
      faults: { kind: 'reset', paths: ['/extensions'], count: 1 },
    });
    expect((await clientFor(d).listExtensions()).extensions).toHaveLength(5);
    expect(d.requests).toHaveLength(2);
  });

  it('500s: retried, then PBX_ERROR', async () => {
    const d = await demo({ extensions: 5, tenants: 1, faults: { kind: 'error500-html', count: 10 } });
    const err = await failure(clientFor(d, { opts: { retries: 2 } }).listExtensions());
    expect(err.code).toBe('PBX_ERROR');
    expect(err.detail).toMatchObject({ status: 500 });
    expect(d.requests).toHaveLength(3);
  });

  it.each(['html200', 'truncated-json', 'invalid-json'] as const)('%s → INVALID_RESPONSE', async (kind) => {
    const d = await demo({ extensions: 5, tenants: 1, faults: { kind, count: 1 } });
    expect((await failure(clientFor(d).listExtensions())).code).toBe('INVALID_RESPONSE');
  });

  it('a huge body → BODY_TOO_LARGE', async () => {
    const d = await demo({
      extensions: 5,
      tenants: 1,
      faults: { kind: 'huge-body', hugeBodyBytes: 4_000_000 },
    });
    const err = await failure(clientFor(d, { opts: { maxBodyBytes: 1_000_000 } }).listExtensions());
    expect(err.code).toBe('BODY_TOO_LARGE');
  });

  it('latency beyond the idle limit (20 s, on a fake clock) → PBX_TIMEOUT; a drip reports progress', async () => {
    const d = await demo({ extensions: 3, tenants: 1, faults: { latencyMs: 25_000, count: 1 } });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const late = failure(clientFor(d).listExtensions());
    await vi.waitFor(() => expect(d.requests).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(20_000);
    expect((await late).code).toBe('PBX_TIMEOUT');
    vi.useRealTimers();
    d.setFaults({ drip: { bytes: 1000, intervalMs: 1 } });
    const seen: number[] = [];
    const { extensions } = await clientFor(d).listExtensions(undefined, (n) => seen.push(n));
    expect(extensions).toHaveLength(3);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });
});

describe('demo over HTTPS', () => {
  it('untrusted → pin → works → restarted with another certificate → TLS_CHANGED', async () => {
    const first = await startDemoPbx({ dataset: 'reference', https: true });
    const port = Number(new URL(first.origin).port);
    const conn = { baseUrl: first.origin, tenant: first.tenant, appKey: first.appKey, allowHttp: false };
    const bare = new PbxClient({ ...conn, tlsPin: null });
    const untrusted = await failure(bare.listExtensions());
    expect(untrusted.code).toBe('TLS_UNTRUSTED');
    expect(untrusted.detail?.fingerprint256).toBe(first.tls?.fingerprint256);

    const pinned = new PbxClient({ ...conn, tlsPin: first.tls!.fingerprint256 }, { retries: 0 });
    clients.push(bare, pinned);
    expect((await pinned.listExtensions()).extensions).toEqual([referenceExtensionDomain()]);
    await first.close();

    const second = await demo({ dataset: 'reference', https: true, port });
    expect(second.tls?.fingerprint256).not.toBe(first.tls?.fingerprint256);
    const changed = await failure(pinned.listExtensions());
    expect(changed.code).toBe('TLS_CHANGED');
    expect(changed.detail?.fingerprint256).toBe(second.tls?.fingerprint256);
    expect(second.requests).toHaveLength(0);
  });
});
