// connection:probe-certificate as the window sees it: one answer for every address that has no
// TLS certificate (closed, open but not TLS, silent), whatever the reason, and a rate limit, so
// the core cannot be used to scan ports.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardedProbe } from '../../../electron/core/pbx/probe-guard.js';
import { AppError } from '../../../electron/core/app-error.js';
import { makeHarness, removeDir, type Harness } from '../../support/core-harness.js';
import { makeCert, ok, sendJson, startFixture } from './fixture-server.js';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function harness(): Promise<Harness> {
  const h = await makeHarness();
  cleanups.push(() => removeDir(h.dataDir));
  cleanups.push(() => h.close());
  return h;
}

async function tcpServer(onSocket: (s: net.Socket) => void): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    onSocket(s);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise((r) => server.close(r));
  });
  return (server.address() as net.AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe('connection:probe-certificate', () => {
  it('gives one uniform answer for closed, plain-HTTP and non-TLS ports, and the certificate of a TLS one', async () => {
    const h = await harness();
    const http = await startFixture((_q, res) => sendJson(res, 200, ok([])));
    cleanups.push(() => http.close());
    const garbage = await tcpServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n'));
    const tls = await startFixture((_q, res) => sendJson(res, 200, ok([])), { tls: await makeCert() });
    cleanups.push(() => tls.close());

    const answers = [];
    for (const port of [await closedPort(), http.port, garbage]) {
      const r = await h.call('connection:probe-certificate', { baseUrl: `https://127.0.0.1:${port}` });
      answers.push(r.ok ? 'ok' : JSON.stringify(r.error));
    }
    expect(new Set(answers).size).toBe(1);
    expect(JSON.parse(answers[0]!)).toEqual({
      code: 'NO_TLS_CERTIFICATE',
      message: expect.stringMatching(/no TLS certificate/i),
    });
    const good = await h.call('connection:probe-certificate', { baseUrl: `https://127.0.0.1:${tls.port}` });
    expect(good.ok && good.data.selfSigned).toBe(true);
  });

  it('refuses a burst of probes with PROBE_RATE_LIMITED', async () => {
    const h = await harness();
    const port = await closedPort();
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await h.call('connection:probe-certificate', { baseUrl: `https://127.0.0.1:${port}` });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('NO_TLS_CERTIFICATE'));
    expect(codes.slice(5)).toEqual(Array(7).fill('PROBE_RATE_LIMITED'));
  });
});

describe('guardedProbe', () => {
  it('refills one probe per interval, and passes on a cancellation and a bad address as they are', async () => {
    let now = 0;
    let calls = 0;
    const probe = guardedProbe({
      now: () => now,
      probe: async (url) => {
        calls++;
        if (url.includes('cancel')) throw new AppError('CANCELLED');
        if (url.startsWith('http:')) throw new AppError('INVALID_REQUEST');
        throw new AppError('PBX_TIMEOUT');
      },
    });
    const code = (baseUrl: string) =>
      probe({ baseUrl }).then(
        () => 'ok',
        (e: unknown) => (e instanceof AppError ? e.code : 'other'),
      );
    expect(await code('https://cancel.example')).toBe('CANCELLED');
    expect(await code('http://a.example')).toBe('INVALID_REQUEST');
    for (let i = 0; i < 3; i++) expect(await code('https://a.example')).toBe('NO_TLS_CERTIFICATE');
    expect(await code('https://a.example')).toBe('PROBE_RATE_LIMITED');
    expect(calls).toBe(5);
    now += 12_000;
    expect(await code('https://a.example')).toBe('NO_TLS_CERTIFICATE');
    expect(await code('https://a.example')).toBe('PROBE_RATE_LIMITED');
  });
});
