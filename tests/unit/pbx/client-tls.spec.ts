// Trust on first use against real self-signed HTTPS servers: untrusted → probe → pin → works →
// the PBX comes back with another certificate → TLS_CHANGED, with no request bytes sent to it.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PbxClient, probeCertificate } from '../../../electron/core/pbx/client.js';
import { type Fixture, type TlsMaterial, makeCert, ok, sendJson, startFixture } from './fixture-server.js';
import { referenceExtension, failure } from './fixtures.js';

const APP_KEY = 'tls-app-key-8b1e0c55';
let certA: TlsMaterial;
let certB: TlsMaterial;
const cleanup: Array<() => unknown> = [];

beforeAll(async () => {
  [certA, certB] = await Promise.all([makeCert(), makeCert()]);
});

afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function client(origin: string, tlsPin: string | null, retries = 0): PbxClient {
  const c = new PbxClient(
    { baseUrl: origin, tenant: '1', appKey: APP_KEY, tlsPin, allowHttp: false },
    { retries, retryBaseMs: 1, connectTimeoutMs: 500 },
  );
  cleanup.push(() => c.close());
  return c;
}

const answer = (_q: unknown, res: Parameters<typeof sendJson>[0]): void =>
  sendJson(res, 200, ok([referenceExtension()]));

describe('TLS trust on first use', () => {
  it('untrusted → probe → pin → works → new certificate → TLS_CHANGED', async () => {
    expect(certA.fingerprint256).not.toBe(certB.fingerprint256);
    const first: Fixture = await startFixture(answer, { tls: certA });
    const port = first.port;

    // 1. No pin: the normal CA path refuses the self-signed certificate and shows its fingerprint.
    const untrusted = await failure(client(first.origin, null).listExtensions());
    expect(untrusted.code).toBe('TLS_UNTRUSTED');
    expect(untrusted.detail?.fingerprint256).toBe(certA.fingerprint256);
    expect(first.requests).toHaveLength(0);

    // 2. The probe shows the same certificate for the user to compare.
    const info = await probeCertificate(`127.0.0.1:${port}`);
    expect(info).toMatchObject({
      fingerprint256: certA.fingerprint256,
      selfSigned: true,
      trustedByCa: false,
    });
    expect(info.subject).toContain('CN=localhost');
    expect(Number.isNaN(Date.parse(info.validTo))).toBe(false);

    // 3. Pinned (in any letter case), the same client keeps working over keep-alive. No retries:
    // the keep-alive socket the restart below leaves stale must not turn into PBX_UNREACHABLE.
    const pinned = client(first.origin, certA.fingerprint256.toLowerCase(), 0);
    expect((await pinned.listExtensions()).extensions).toHaveLength(1);
    expect((await pinned.listExtensions()).extensions).toHaveLength(1);
    expect(first.requests).toHaveLength(2);
    expect(first.requests[0]?.headers['app-key']).toBe(APP_KEY);
    await first.close();

    // 4. Same address, another certificate: hard stop, and the server never sees a request.
    const second = await startFixture(answer, { tls: certB, port });
    cleanup.push(() => second.close());
    const changed = await failure(pinned.listExtensions());
    expect(changed.code).toBe('TLS_CHANGED');
    expect(changed.detail).toMatchObject({
      fingerprint256: certB.fingerprint256,
      expectedFingerprint256: certA.fingerprint256,
    });
    expect(second.connections).toBeGreaterThan(0);
    expect(second.requests).toHaveLength(0);
  });

  it('a pin for another certificate refuses the server even on first contact', async () => {
    const f = await startFixture(answer, { tls: certA });
    cleanup.push(() => f.close());
    const err = await failure(client(f.origin, certB.fingerprint256, 2).listExtensions());
    expect(err.code).toBe('TLS_CHANGED');
    expect(f.requests).toHaveLength(0);
    expect(f.connections).toBe(1); // a certificate change is not retried
  });

  it('a malformed saved pin → TLS_ERROR without connecting', async () => {
    const f = await startFixture(answer, { tls: certA });
    cleanup.push(() => f.close());
    const err = await failure(client(f.origin, 'AA:BB').listExtensions());
    expect(err.code).toBe('TLS_ERROR');
    expect(f.connections).toBe(0);
  });

  it('https:// to a plain HTTP server → TLS_ERROR', async () => {
    const f = await startFixture(answer);
    cleanup.push(() => f.close());
    const err = await failure(client(`https://127.0.0.1:${f.port}`, null).listExtensions());
    expect(err.code).toBe('TLS_ERROR');
  });

  it('a server that accepts but never finishes the handshake → PBX_TIMEOUT (connect), retried', async () => {
    let accepted = 0;
    const silent = net.createServer((s) => {
      accepted++;
      s.resume(); // read, so the client's close is noticed and the server can shut down
      s.on('error', () => {});
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => silent.close(r)));
    const port = (silent.address() as net.AddressInfo).port;
    const err = await failure(client(`https://127.0.0.1:${port}`, null, 1).listExtensions());
    expect(err.code).toBe('PBX_TIMEOUT');
    expect(err.detail).toMatchObject({ phase: 'connect' });
    expect(accepted).toBe(2);
  });

  it('probeCertificate refuses http:// and reports an unreachable host', async () => {
    expect((await failure(probeCertificate('http://127.0.0.1:1'))).code).toBe('INVALID_REQUEST');
    const f = await startFixture(answer, { tls: certA });
    const port = f.port;
    await f.close();
    expect((await failure(probeCertificate(`https://127.0.0.1:${port}`))).code).toBe('PBX_UNREACHABLE');
    expect(
      (await failure(probeCertificate(`https://127.0.0.1:${port}`, { signal: AbortSignal.abort() }))).code,
    ).toBe('CANCELLED');
  });
});
