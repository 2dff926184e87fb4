// The HTTP transport under the PBX client, on node:http/node:https directly because global fetch
// can neither show the peer certificate nor take per-request TLS options. One keep-alive agent per
// client (a sync is one big list, detail views are many small calls), sockets handed to HTTP only
// after the TLS trust decision, cancellation and a body size cap. Time limits: connecting, an idle
// limit (no byte for a while) that governs the answer however long it takes to arrive, and an
// overall cap sized from the body limit as a safety bound only.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { AppError } from '../app-error.js';
import { bodyTooLarge, cancelled, connectError, droppedError, timeoutError } from './net-errors.js';
import { connectSecure } from './tls-trust.js';

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: URL;
  headers: Record<string, string>;
  /** A request body (click-to-call's JSON); POST and DELETE send an empty one otherwise. */
  body?: Buffer | undefined;
  maxBytes: number;
  signal?: AbortSignal | undefined;
  onProgress?: ProgressListener | undefined;
}

/** Bytes received so far, and the size the server declared (Content-Length), when it did. */
export type ProgressListener = (bytes: number, totalBytes: number | null) => void;

export interface TransportOptions {
  /** Normalised 'AA:BB:..' SHA-256 fingerprint, or null for CA verification. */
  tlsPin: string | null;
  connectTimeoutMs: number;
  /** Longest silence (no header or body byte) before the request is given up. */
  idleTimeoutMs: number;
}

/**
 * The slowest link the overall cap still allows for a body at the size limit. A big tenant on a
 * slow link takes minutes and must finish; only a server that trickles without end is stopped.
 */
const SLOWEST_BYTES_PER_SECOND = 64 * 1024;
const MIN_OVERALL_MS = 120_000;

/** The overall cap of one request whose body may be up to `maxBytes`. */
export function overallCapMs(maxBytes: number): number {
  return Math.max(MIN_OVERALL_MS, Math.ceil((maxBytes / SLOWEST_BYTES_PER_SECOND) * 1000));
}

type CreateCallback = (err: Error | null, stream: Duplex) => void;

function targetOf(options: http.ClientRequestArgs): { host: string; port: number } {
  const host = String(options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
  return { host, port: Number(options.port) };
}

/** Keep-alive HTTPS agent whose sockets reach HTTP only after `connectSecure` accepted the peer. */
class TrustingHttpsAgent extends https.Agent {
  constructor(
    private readonly trust: TransportOptions,
    keepAlive: boolean,
  ) {
    // No TLS session cache: every new connection does a full handshake, so the pin is checked
    // against a certificate the server actually presented on that connection.
    super({ keepAlive, maxSockets: 8, maxCachedSessions: 0 });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: CreateCallback): undefined {
    const { host, port } = targetOf(options);
    connectSecure({ host, port }, this.trust.tlsPin, this.trust.connectTimeoutMs, (err, socket) =>
      callback?.(err, socket as Duplex),
    );
    return undefined;
  }
}

class TimedHttpAgent extends http.Agent {
  constructor(
    private readonly connectTimeoutMs: number,
    keepAlive: boolean,
  ) {
    super({ keepAlive, maxSockets: 8 });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: CreateCallback): undefined {
    const { host, port } = targetOf(options);
    const socket = net.connect({ host, port });
    const finish = (err: Error | null): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('connect', onConnect);
      if (err) socket.destroy();
      callback?.(err, socket);
    };
    const onError = (err: Error): void => finish(connectError(err));
    const onConnect = (): void => finish(null);
    const timer = setTimeout(() => finish(timeoutError('connect')), this.connectTimeoutMs);
    socket.once('error', onError);
    socket.once('connect', onConnect);
    return undefined;
  }
}

/** Errors from a pooled keep-alive socket the server had already closed, before any response. */
const staleSocketErrors = new WeakSet<AppError>();
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

export class HttpTransport {
  private readonly agents = new Map<string, http.Agent>();

  constructor(private readonly opts: TransportOptions) {}

  /**
   * GETs share keep-alive sockets. POST and DELETE always get a fresh connection: they are never
   * retried, so they must not land on a pooled socket the server closed a moment ago.
   */
  private agentFor(url: URL, method: HttpRequest['method']): http.Agent {
    const keepAlive = method === 'GET';
    const name = `${url.protocol}${keepAlive ? 'keep' : 'fresh'}`;
    let agent = this.agents.get(name);
    if (!agent) {
      agent =
        url.protocol === 'https:'
          ? new TrustingHttpsAgent(this.opts, keepAlive)
          : new TimedHttpAgent(this.opts.connectTimeoutMs, keepAlive);
      this.agents.set(name, agent);
    }
    return agent;
  }

  /** Closes idle keep-alive sockets; later requests open new ones. */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  async request(r: HttpRequest): Promise<HttpResult> {
    try {
      return await this.requestOnce(r);
    } catch (err) {
      // Node's documented keep-alive race: the server closed an idle socket just as it was reused.
      // The request never reached the server, so one fresh attempt is not a retry of the GET.
      if (err instanceof AppError && staleSocketErrors.has(err)) return this.requestOnce(r);
      throw err;
    }
  }

  private requestOnce(r: HttpRequest): Promise<HttpResult> {
    return new Promise<HttpResult>((resolve, reject) => {
      if (r.signal?.aborted) return reject(cancelled());
      let settled = false;
      let req: http.ClientRequest | null = null;
      let responded = false;
      const settle = (err: AppError | null, result?: HttpResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        clearTimeout(cap);
        r.signal?.removeEventListener('abort', onAbort);
        if (err) {
          req?.destroy();
          reject(err);
        } else {
          resolve(result!);
        }
      };
      const onAbort = (): void => settle(cancelled());
      const onIdle = (): void => settle(timeoutError(responded ? 'body' : 'response'));
      let idle = setTimeout(onIdle, this.opts.idleTimeoutMs);
      // Every byte proves the PBX is still sending: the idle limit starts again from it.
      const alive = (): void => {
        clearTimeout(idle);
        idle = setTimeout(onIdle, this.opts.idleTimeoutMs);
      };
      const cap = setTimeout(() => settle(timeoutError('total')), overallCapMs(r.maxBytes));
      r.signal?.addEventListener('abort', onAbort, { once: true });

      const lib = r.url.protocol === 'https:' ? https : http;
      const headers = { ...r.headers };
      if (r.method !== 'GET') headers['content-length'] = String(r.body?.length ?? 0);
      try {
        req = lib.request({
          method: r.method,
          hostname: r.url.hostname.replace(/^\[|\]$/g, ''),
          port: r.url.port || (r.url.protocol === 'https:' ? 443 : 80),
          path: `${r.url.pathname}${r.url.search}`,
          headers,
          agent: this.agentFor(r.url, r.method),
        });
      } catch (err) {
        return settle(connectError(err));
      }
      req.on('error', (err) => {
        const mapped = connectError(err);
        const code = (err as { code?: string }).code ?? '';
        if (!responded && req?.reusedSocket && STALE_CODES.has(code)) staleSocketErrors.add(mapped);
        settle(mapped);
      });
      req.on('response', (res) => {
        responded = true;
        alive();
        this.readBody(res, r, settle, alive);
      });
      req.end(r.method === 'GET' ? undefined : r.body);
    });
  }

  private readBody(
    res: http.IncomingMessage,
    r: HttpRequest,
    settle: (err: AppError | null, result?: HttpResult) => void,
    alive: () => void,
  ): void {
    const header = res.headers['content-length'];
    const declared = header === undefined ? NaN : Number(header);
    const totalBytes = Number.isSafeInteger(declared) && declared >= 0 ? declared : null;
    if (totalBytes !== null && totalBytes > r.maxBytes) {
      res.destroy();
      return settle(bodyTooLarge(r.maxBytes));
    }
    const chunks: Buffer[] = [];
    let total = 0;
    res.on('data', (chunk: Buffer) => {
      alive();
      total += chunk.length;
      if (total > r.maxBytes) {
        res.destroy();
        return settle(bodyTooLarge(r.maxBytes));
      }
      chunks.push(chunk);
      r.onProgress?.(total, totalBytes);
    });
    res.on('error', (err) => settle(droppedError(err)));
    res.on('close', () => {
      if (!res.complete) settle(droppedError());
    });
    res.on('end', () => {
      settle(null, {
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total),
      });
    });
  }
}
