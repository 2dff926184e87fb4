// Small programmable HTTP(S) servers on 127.0.0.1 for the client tests: each test swaps in the
// handler that plays the server behaviour it needs, and reads back what the client sent.
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { X509Certificate } from 'node:crypto';
import selfsigned from 'selfsigned';

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

export interface Fixture {
  origin: string;
  port: number;
  requests: SeenRequest[];
  /** TCP connections accepted (TLS handshakes included), whether or not a request followed. */
  connections: number;
  handler: Handler;
  close(): Promise<void>;
}

export interface TlsMaterial {
  key: string;
  cert: string;
  fingerprint256: string;
}

export async function makeCert(commonName = 'localhost'): Promise<TlsMaterial> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return {
    key: pems.private,
    cert: pems.cert,
    fingerprint256: new X509Certificate(pems.cert).fingerprint256,
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function ok(data: unknown): unknown {
  return { status: 'success', message: null, data };
}

export async function startFixture(
  handler: Handler,
  opts: { tls?: TlsMaterial; port?: number } = {},
): Promise<Fixture> {
  const sockets = new Set<net.Socket>();
  const fixture: Fixture = {
    origin: '',
    port: 0,
    requests: [],
    connections: 0,
    handler,
    close: async () => {},
  };
  const listener: http.RequestListener = (req, res) => {
    fixture.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    req.resume();
    fixture.handler(req, res, fixture.requests.length);
  };
  const server = opts.tls
    ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener)
    : http.createServer(listener);
  server.on('connection', (s: net.Socket) => {
    fixture.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  fixture.port = port;
  fixture.origin = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  fixture.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return fixture;
}
