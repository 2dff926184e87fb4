// The browser host: serves the renderer's browser build and the core's dispatcher on 127.0.0.1,
// for tests, UI work and machines without an Electron binary. It is the same contract as the
// Electron IPC, over HTTP:
//   POST /api/session            body = { code }: a one-time launch code → { token }
//   POST /api/invoke/<channel>   body = request JSON, header x-vpbx-token = per-launch token
//   GET  /api/events?token=…     Server-Sent Events: { event, payload }
// Threats it closes: other local processes' pages (Origin must be ours and the random token is
// required, on the event stream too), DNS rebinding (Host must be our loopback address),
// oversized bodies (capped), and click-jacking or injected scripts (strict CSP,
// frame-ancestors 'none'). The token itself is never printed nor put in a URL others can read:
// launchUrl() gives a URL with a one-time code, which the page exchanges for the token over
// loopback; a code that leaked (a log, a process argument) is worthless once used.
// Binary results (voicemail audio) are sent as the raw body, their other fields in a header.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Dispatch } from '../dispatch/dispatcher.js';
import type { EventHub } from '../dispatch/events.js';
import { CSP } from '../shared/csp.js';
import type { Result } from '../shared/errors.js';

export { CSP };

const MAX_BODY = 8 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface BrowserHostOptions {
  dispatch: Dispatch;
  events: EventHub;
  staticDir: string;
  port?: number;
}

export interface BrowserHost {
  origin: string;
  /** The session token (in-process callers only; never printed). */
  token: string;
  /** A URL that opens the app once: its one-time code is exchanged for the token. */
  launchUrl(): string;
  close(): Promise<void>;
}

/** Channels whose results hold bytes (Uint8Array); every other result is plain JSON. */
const BINARY_CHANNELS = new Set<string>(['voicemail:audio']);
/** An unused launch code expires: one printed to a log should not open the app days later. */
const CODE_TTL_MS = 10 * 60_000;

/** The one top-level Uint8Array field of a successful result, sent as the raw body. */
function binaryField(result: Result<unknown>): { field: string; bytes: Uint8Array } | null {
  if (!result.ok || !result.data || typeof result.data !== 'object') return null;
  for (const [field, v] of Object.entries(result.data))
    if (v instanceof Uint8Array) return { field, bytes: v };
  return null;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  const codes = new Map<string, number>();
  const root = normalize(opts.staticDir);
  const clients = new Set<ServerResponse>();
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();

  function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': CSP,
    });
    res.end(body);
  }

  function sendBinary(
    res: ServerResponse,
    result: Result<unknown>,
    bin: { field: string; bytes: Uint8Array },
  ) {
    const { [bin.field]: _bytes, ...rest } = (result as { data: Record<string, unknown> }).data;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': bin.bytes.byteLength,
      'x-vpbx-result': encodeURIComponent(JSON.stringify({ field: bin.field, data: rest })),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
      'content-security-policy': CSP,
    });
    res.end(bin.bytes);
  }

  /** Another origin's page, judged by Origin or, where a browser omits it, Sec-Fetch-Site. */
  function foreign(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return true;
    const site = req.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden', 'text/plain');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'content-security-policy': CSP,
      });
      res.end(body);
    } catch {
      send(res, 404, 'not found', 'text/plain');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
      if (!hosts.has(req.headers.host ?? '')) return send(res, 421, '{"error":"wrong host"}');
      const url = new URL(req.url ?? '/', 'http://host');
      if (url.pathname === '/api/session') {
        if (req.method !== 'POST') return send(res, 405, '{"error":"POST only"}');
        if (!req.headers.origin || foreign(req)) return send(res, 403, '{"error":"wrong origin"}');
        let code: unknown;
        try {
          code = (JSON.parse(await readBody(req)) as { code?: unknown } | null)?.code;
        } catch {
          return send(res, 400, '{"error":"unreadable body"}');
        }
        const expires = typeof code === 'string' ? codes.get(code) : undefined;
        if (typeof code === 'string') codes.delete(code);
        if (expires === undefined || expires < Date.now())
          return send(res, 401, '{"error":"code used or expired"}');
        return send(res, 200, JSON.stringify({ token }));
      }
      if (url.pathname.startsWith('/api/invoke/')) {
        if (req.method !== 'POST') return send(res, 405, '{"error":"POST only"}');
        const origin = req.headers.origin;
        if (!origin || !origins.has(origin)) return send(res, 403, '{"error":"wrong origin"}');
        if (!sameToken(req.headers['x-vpbx-token'] as string | undefined, token)) {
          return send(res, 401, '{"error":"missing or wrong token"}');
        }
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return send(res, 415, '{"error":"JSON only"}');
        }
        let payload: unknown;
        try {
          const text = await readBody(req);
          payload = text ? JSON.parse(text) : undefined;
        } catch {
          return send(res, 400, '{"error":"unreadable body"}');
        }
        const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
        const result = await opts.dispatch(channel, payload ?? undefined, { host: 'browser' });
        const bin = BINARY_CHANNELS.has(channel) ? binaryField(result) : null;
        return bin ? sendBinary(res, result, bin) : send(res, 200, JSON.stringify(result));
      }
      if (url.pathname === '/api/events') {
        if (foreign(req)) return send(res, 403, '{"error":"wrong origin"}');
        if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return send(res, 401, '{}');
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-content-type-options': 'nosniff',
        });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{}');
      return serveStatic(url.pathname, res);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, '{"error":"internal"}');
      else res.destroy();
    });
  });

  const unsubscribe = opts.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const c of clients) c.write(frame);
  });
  const keepAlive = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 15_000);
  keepAlive.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    token,
    launchUrl() {
      const code = randomBytes(24).toString('base64url');
      codes.set(code, Date.now() + CODE_TTL_MS);
      return `${origin}/#code=${code}`;
    },
    close: async () => {
      unsubscribe();
      clearInterval(keepAlive);
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
