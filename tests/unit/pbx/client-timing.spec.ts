// The client's time limits as shipped (no timeout passed in): silence ends a request, a body that
// keeps arriving does not, however long it takes; the overall cap is only a bound sized from the
// body limit. The clock is fake (timers only, still moving with real time) so the real limits of
// 20 s and more are tested without waiting for them; the sockets are real.
import type http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PbxClient, type PbxClientOptions } from '../../../electron/core/pbx/client.js';
import { overallCapMs } from '../../../electron/core/pbx/http.js';
import { type Fixture, ok, startFixture } from './fixture-server.js';
import { failure, referenceExtension } from './fixtures.js';

const IDLE_MS = 20_000;
let fixture: Fixture | null = null;
const clients: PbxClient[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const c of clients.splice(0)) c.close();
  await fixture?.close();
  fixture = null;
});

function client(origin: string, opts: PbxClientOptions = {}): PbxClient {
  const c = new PbxClient(
    { baseUrl: origin, tenant: '1', appKey: 'k-123456', tlsPin: null, allowHttp: true },
    opts,
  );
  clients.push(c);
  return c;
}

/** Serves one answer the test writes piece by piece, through `res()`. */
async function manualServer(headers: http.OutgoingHttpHeaders = {}): Promise<() => http.ServerResponse> {
  let current: http.ServerResponse | null = null;
  fixture = await startFixture((_q, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.flushHeaders();
    current = res;
  });
  return () => {
    if (!current) throw new Error('no request yet');
    return current;
  };
}

/** Tracks a call so a test can ask whether it has settled yet, without waiting for it. */
function track<T>(p: Promise<T>): { p: Promise<T>; settled: () => boolean } {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { p, settled: () => settled };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setImmediate(r));
  await vi.waitFor(() => expect(cond()).toBe(true), { timeout: 3_000, interval: 10 });
}

function fakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
}

describe('time limits as shipped', () => {
  it('a PBX that accepts but never answers: PBX_TIMEOUT after 20 s of silence, not before, sent once', async () => {
    fixture = await startFixture(() => {});
    fakeClock();
    const call = track(client(fixture.origin).listExtensions());
    await until(() => fixture!.requests.length === 1);
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1_000);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    const err = await failure(call.p);
    expect(err.code).toBe('PBX_TIMEOUT');
    expect(err.detail).toMatchObject({ phase: 'response' });
    expect(fixture.requests).toHaveLength(1);
  });

  it('an answer that keeps arriving is never cut, even after many times the idle limit', async () => {
    const res = await manualServer();
    fakeClock();
    const seen: number[] = [];
    const call = track(client(fixture!.origin).listExtensions(undefined, (n) => seen.push(n)));
    await until(() => fixture!.requests.length === 1);
    const body = JSON.stringify(ok([referenceExtension()]));
    // Ten pieces, 15 s apart: 150 s in all, each gap under the idle limit.
    const pieces = 10;
    const size = Math.ceil(body.length / pieces);
    for (let i = 0; i < pieces; i++) {
      await vi.advanceTimersByTimeAsync(15_000);
      expect(call.settled()).toBe(false);
      const before = seen.length;
      res().write(body.slice(i * size, (i + 1) * size));
      await until(() => seen.length > before);
    }
    res().end();
    expect((await call.p).extensions).toHaveLength(1);
  });

  it('an answer that stalls half-way: PBX_TIMEOUT 20 s after the last byte, saying it stopped', async () => {
    const res = await manualServer();
    fakeClock();
    const seen: number[] = [];
    const call = track(client(fixture!.origin).listExtensions(undefined, (n) => seen.push(n)));
    await until(() => fixture!.requests.length === 1);
    res().write('{"status":"success","data":[');
    await until(() => seen.length === 1);
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1_000);
    res().write(' ');
    await until(() => seen.length === 2);
    await vi.advanceTimersByTimeAsync(IDLE_MS - 1_000);
    expect(call.settled()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    const err = await failure(call.p);
    expect(err.code).toBe('PBX_TIMEOUT');
    expect(err.detail).toMatchObject({ phase: 'body' });
    expect(err.message).toMatch(/stopped sending in the middle of its answer/);
  });

  it('the overall cap is a safety bound sized from the body limit', async () => {
    // At the directory limit (256 MiB) it allows over an hour: no real directory comes near it.
    expect(overallCapMs(256 * 1024 * 1024)).toBeGreaterThanOrEqual(60 * 60_000);
    expect(overallCapMs(1024)).toBe(120_000);
    // A server that trickles a byte every 10 s never trips the idle limit; the cap still ends it.
    const res = await manualServer();
    fakeClock();
    const call = track(client(fixture!.origin, { maxBodyBytes: 4096 }).listExtensions());
    await until(() => fixture!.requests.length === 1);
    let waited = 0;
    while (!call.settled() && waited < 200_000) {
      res().write(' ');
      await vi.advanceTimersByTimeAsync(10_000);
      waited += 10_000;
    }
    const err = await failure(call.p);
    expect(err.code).toBe('PBX_TIMEOUT');
    expect(err.detail).toMatchObject({ phase: 'total' });
    expect(waited).toBe(overallCapMs(4096));
  });
});

describe('progress', () => {
  it('reports bytes so far and the declared size when the PBX sends Content-Length', async () => {
    const body = JSON.stringify(ok(Array.from({ length: 40 }, () => referenceExtension())));
    const res = await manualServer({ 'content-length': Buffer.byteLength(body) });
    const seen: [number, number | null][] = [];
    const p = client(fixture!.origin).listExtensions(undefined, (n, total) => seen.push([n, total]));
    await until(() => fixture!.requests.length === 1);
    const half = Math.floor(body.length / 2);
    res().write(body.slice(0, half));
    await until(() => seen.length > 0);
    res().end(body.slice(half));
    expect((await p).extensions).toHaveLength(40);
    expect(seen.at(-1)).toEqual([Buffer.byteLength(body), Buffer.byteLength(body)]);
    expect(seen.every(([, total]) => total === Buffer.byteLength(body))).toBe(true);
  });

  it('reports bytes and no size for a chunked answer, as the PBX sends its lists', async () => {
    const res = await manualServer();
    const seen: [number, number | null][] = [];
    const p = client(fixture!.origin).listExtensions(undefined, (n, total) => seen.push([n, total]));
    await until(() => fixture!.requests.length === 1);
    res().end(JSON.stringify(ok([referenceExtension()])));
    await p;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(([, total]) => total === null)).toBe(true);
  });
});
