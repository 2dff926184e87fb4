// Fault injection for the demo PBX: the ways real PBXs and the networks in front of them fail
// (slow, dripping, reset, 500s, HTML where JSON was due, cut or broken JSON, endless bodies), on
// chosen paths, for the next N requests or until cleared, so retry and error handling can be
// tested against a real socket rather than a mock.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apachePage } from './pages.js';

export type FaultKind =
  | 'reset'
  | 'error500-json'
  | 'error500-html'
  | 'error501'
  | 'html200'
  | 'truncated-json'
  | 'invalid-json'
  | 'huge-body';

export const FAULT_KINDS: readonly FaultKind[] = [
  'reset',
  'error500-json',
  'error500-html',
  'error501',
  'html200',
  'truncated-json',
  'invalid-json',
  'huge-body',
];

export interface FaultConfig {
  /** Wait this long before answering. */
  latencyMs?: number;
  /** Send the body `bytes` at a time, one piece every `intervalMs`. */
  drip?: { bytes: number; intervalMs: number };
  /**
   * Declare the length (Content-Length) even of answers the PBX streams chunked, as a buffering
   * proxy in front of it does: the client can then show a percentage.
   */
  contentLength?: boolean;
  /** Replace or break the answer. */
  kind?: FaultKind;
  /** Size of the 'huge-body' answer (default 50 MiB). */
  hugeBodyBytes?: number;
  /**
   * Only requests to these paths: a string matches the path exactly, with or without the
   * `/api/v2` prefix (`'/extensions'`); a trailing `*` makes it a prefix (`'/static/*'`).
   */
  paths?: (string | RegExp)[];
  /** Fault only the next N matching requests, then recover. */
  count?: number;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Send without Content-Length (Transfer-Encoding: chunked), as the PBX does for lists. */
  chunked?: boolean;
}

function matchesPath(pattern: string | RegExp, path: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(path);
  const candidates = [pattern, `/api/v2${pattern}`];
  if (pattern.endsWith('*')) return candidates.some((c) => path.startsWith(c.slice(0, -1)));
  return candidates.includes(path);
}

/** Holds the current faults and decides, request by request, whether they apply. */
export class FaultState {
  private config: FaultConfig | null = null;
  private remaining = Infinity;

  set(config: FaultConfig | null): void {
    this.config = config ? { ...config } : null;
    this.remaining = config?.count ?? Infinity;
  }

  /** The faults for this request, counting it against `count`. */
  take(path: string): FaultConfig | null {
    const c = this.config;
    if (!c || this.remaining <= 0) return null;
    if (c.paths && !c.paths.some((p) => matchesPath(p, path))) return null;
    this.remaining -= 1;
    if (this.remaining <= 0) this.config = null;
    return c;
  }
}

const JSON_TYPE = 'application/json';

function replace(kind: FaultKind, reply: Reply): Reply {
  switch (kind) {
    case 'error500-json':
      return jsonReply(500, '{"status":"error","message":"Internal Server Error"}');
    case 'error500-html':
      return htmlReply(500, apachePage(500));
    case 'error501':
      // What a PBX build without an endpoint answers (seen on the voicemail actions).
      return jsonReply(501, '{"status":"error","message":"Invalid Operation"}');
    case 'html200':
      return htmlReply(
        200,
        '<html><head><title>VitalPBX</title></head><body>\n<br />\n<b>Fatal error</b>:  ' +
          'Uncaught exception in /usr/share/vitalpbx/www/api/v2/index.php:42<br />\n</body></html>\n',
      );
    case 'truncated-json':
      return { ...reply, chunked: false, body: reply.body.subarray(0, Math.floor(reply.body.length / 2)) };
    case 'invalid-json': {
      // A PHP notice printed before the JSON: the classic way a PHP API breaks its own output.
      const notice =
        '<br />\n<b>Notice</b>:  Undefined index: tenant in /usr/share/vitalpbx/www/api/v2/index.php on line 17<br />\n';
      return { ...reply, body: Buffer.concat([Buffer.from(notice), reply.body]) };
    }
    default:
      return reply;
  }
}

export function jsonReply(status: number, body: string, chunked = false): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: Buffer.from(body), chunked };
}

export function htmlReply(status: number, html: string): Reply {
  return { status, headers: { 'Content-Type': 'text/html; charset=iso-8859-1' }, body: Buffer.from(html) };
}

/** Writes `reply`, or the broken version of it that `fault` asks for. */
export function sendReply(
  req: IncomingMessage,
  res: ServerResponse,
  reply: Reply,
  fault: FaultConfig | null,
): void {
  const go = () => {
    if (res.destroyed) return;
    const kind = fault?.kind;
    if (kind === 'huge-body') return sendHuge(res, fault?.hugeBodyBytes ?? 50 * 1024 * 1024);
    const replaced = kind ? replace(kind, reply) : reply;
    const final = fault?.contentLength ? { ...replaced, chunked: false } : replaced;
    writeHead(res, final);
    if (req.method === 'HEAD') return void res.end();
    if (kind === 'reset') {
      // Headers and part of the body, then the connection dies: a proxy or PBX crash mid-answer.
      res.write(final.body.subarray(0, Math.max(1, Math.floor(final.body.length / 2))), () =>
        res.socket?.destroy(),
      );
      return;
    }
    if (fault?.drip) return drip(res, final.body, fault.drip.bytes, fault.drip.intervalMs);
    res.end(final.body);
  };
  const latency = fault?.latencyMs ?? 0;
  if (latency > 0) {
    const timer = setTimeout(go, latency);
    res.once('close', () => clearTimeout(timer));
  } else go();
}

function writeHead(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (!reply.chunked) headers['Content-Length'] = String(reply.body.length);
  res.writeHead(reply.status, headers);
}

function drip(res: ServerResponse, body: Buffer, bytes: number, intervalMs: number): void {
  const step = Math.max(1, Math.floor(bytes));
  let off = 0;
  const timer = setInterval(
    () => {
      if (res.destroyed) return clearInterval(timer);
      const piece = body.subarray(off, off + step);
      off += step;
      if (off >= body.length) {
        clearInterval(timer);
        res.end(piece);
      } else res.write(piece);
    },
    Math.max(1, intervalMs),
  );
  res.once('close', () => clearInterval(timer));
}

/** A valid-looking JSON list streamed until `total` bytes, with backpressure. */
function sendHuge(res: ServerResponse, total: number): void {
  res.writeHead(200, { 'Content-Type': JSON_TYPE });
  const record = (i: number) =>
    `{"extension_id":${i},"extension":"${100000 + i}","name":"Bulk User ${i}","devices":[],` +
    `"queues_info":{"queues":[],"queues_name":[],"queues_penalty":[]},"filler":"${'x'.repeat(200)}"}`;
  let sent = 0;
  let i = 1;
  const head = '{"status":"success","data":[';
  res.write(head);
  sent += head.length;
  const pump = () => {
    while (!res.destroyed) {
      if (sent >= total) return void res.end(`${record(i)}]}`);
      const parts: string[] = [];
      let size = 0;
      while (size < 64 * 1024) {
        const r = `${record(i++)},`;
        parts.push(r);
        size += r.length;
      }
      sent += size;
      if (!res.write(parts.join(''))) return void res.once('drain', pump);
    }
  };
  pump();
}
