// A bare HTTP(S) client for the demo PBX tests: raw status, headers, body bytes and chunk count,
// so tests see exactly what went over the socket (fetch would hide resets and chunking).
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Sizes of the pieces the body arrived in, in order. */
  chunkSizes: number[];
  /** SHA-256 fingerprint of the server certificate (HTTPS only). */
  fingerprint256?: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Trusted CA for HTTPS (the demo PBX's own self-signed certificate). */
  ca?: string;
  /** Give up after this many ms (the request is aborted and the promise rejects). */
  timeoutMs?: number;
}

export function request(url: string, opts: RequestOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      u,
      { method: opts.method ?? 'GET', headers: opts.headers, ca: opts.ca, agent: false },
      (res) => {
        const socket = res.socket as TLSSocket;
        const fingerprint256 = socket.getPeerCertificate?.().fingerprint256;
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('aborted', () => reject(new Error('response aborted')));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(parts),
            chunkSizes: parts.map((p) => p.length),
            fingerprint256,
          }),
        );
      },
    );
    if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

export function jsonOf(res: RawResponse): Record<string, unknown> {
  return JSON.parse(res.body.toString('utf8')) as Record<string, unknown>;
}
