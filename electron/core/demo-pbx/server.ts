// The embedded demo PBX: a real HTTP(S) server on 127.0.0.1 speaking VitalPBX API v2
// (Extensions, voicemail audio and message actions). It is the app's "try it without a PBX"
// mode and what every test and benchmark talks to, with fault injection, secret planting,
// static-token rotation and a request log for tests.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { AudioLibrary } from './audio.js';
import { type FaultConfig, FaultState, jsonReply, type Reply, sendReply } from './faults.js';
import { generateDataset } from './generate.js';
import type { VoicemailShape } from './model.js';
import { referenceDataset } from './reference-dataset.js';
import { type ListValidators, ListVersions } from './list-validators.js';
import { type BadKeyMode, route, type RouterContext } from './router.js';
import { DemoState } from './state.js';
import type { AgentOptions, OriginatedCall } from './routes-agent.js';
import { tlsIdentity } from './tls.js';

export type { FaultConfig, FaultKind } from './faults.js';
export type { BadKeyMode } from './router.js';
export type { AgentOptions, OriginatedCall } from './routes-agent.js';

export interface DemoPbxOptions {
  dataset?: 'reference' | 'generated' | undefined; // default 'generated'
  extensions?: number | undefined; // per tenant, default 50
  tenants?: number | undefined; // default 2
  seed?: number | undefined; // default 1
  https?: boolean | undefined; // default false
  port?: number | undefined; // default 0
  tls?: { key: string; cert: string } | undefined; // PEM; generated if absent and https
  badKeyMode?: BadKeyMode | undefined; // default 'json401'
  voicemailShape?: VoicemailShape | 'mixed' | undefined; // default 'mixed'; the reference dataset keeps its own
  secretMarker?: string | undefined;
  faults?: FaultConfig | undefined;
  /** Where the committed audio files are (default: assets/ beside this module). */
  assetsDir?: string | undefined;
  /** Click-to-call, CDR and phonebook variants (routes-agent.ts). */
  agent?: AgentOptions | undefined;
  /** Cache validators on GET /extensions (default 'none', as a PHP endpoint sends). */
  validators?: ListValidators | undefined;
  /** The clock of Last-Modified (the fleet benchmark runs the day on a virtual one). */
  now?: (() => number) | undefined;
}

export interface DemoRequest {
  method: string;
  path: string;
  tenant: string | undefined;
  /** Every request header except `app-key`, which is a secret. */
  headers: Record<string, string | string[] | undefined>;
  /** The request body as text, when there was one (click-to-call's JSON). */
  body?: string;
  /** When it arrived (the `now` option's clock) and from which client port (one per connection). */
  at: number;
  port: number;
  /** Once answered: the status sent and the bytes on the wire (headers included). */
  status?: number;
  bytes?: number;
}

export interface DemoPbx {
  url: string; // base URL of the API, e.g. http://127.0.0.1:41234/api/v2
  origin: string; // e.g. http://127.0.0.1:41234
  tenant: string; // first tenant's header value (e.g. '1')
  appKey: string; // a global key
  tenants: { id: string; name: string; boundKey: string; extensionCount: number }[];
  tls?: { key: string; cert: string; fingerprint256: string } | undefined;
  requests: DemoRequest[];
  /** Requests received and not yet answered (the PBX's concurrency, for the fleet benchmark). */
  inFlight(): number;
  /** Every call accepted by POST /core/click_to_call, oldest first. */
  originated: OriginatedCall[];
  setFaults(f: FaultConfig | null): void;
  setBadKeyMode(m: BadKeyMode): void;
  rotateStaticToken(): void;
  /** Changes the first tenant's directory (one renamed, one removed), as an administrator would. */
  changeDirectory(): void;
  close(): Promise<void>;
}

const SERVER_HEADERS = {
  Server: 'Apache/2.4.6 (CentOS) OpenSSL/1.0.2k-fips PHP/5.4.16',
  'X-Powered-By': 'PHP/5.4.16',
};

export async function startDemoPbx(opts: DemoPbxOptions = {}): Promise<DemoPbx> {
  const seed = opts.seed ?? 1;
  const dataset =
    opts.dataset === 'reference'
      ? referenceDataset({ secretMarker: opts.secretMarker })
      : generateDataset({
          extensions: opts.extensions,
          tenants: opts.tenants,
          seed,
          voicemailShape: opts.voicemailShape,
          secretMarker: opts.secretMarker,
        });
  const state = new DemoState(dataset, seed);
  // Serialise the lists now, so a benchmark's first request measures the client, not this.
  for (const t of state.tenants) state.listBody(t);
  const ctx: RouterContext = {
    state,
    audio: new AudioLibrary(opts.assetsDir),
    badKeyMode: opts.badKeyMode ?? 'json401',
    versions: new ListVersions(opts.validators ?? 'none', opts.now),
    agent: {
      state,
      seed,
      options: opts.agent ?? {},
      now: Math.floor(Date.now() / 60_000) * 60,
      data: new Map(),
      originated: [],
    },
  };
  const faults = new FaultState();
  faults.set(opts.faults ?? null);
  const requests: DemoRequest[] = [];
  let inFlight = 0;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? '/';
    const { 'app-key': _secret, ...headers } = req.headers;
    const tenant = req.headers.tenant;
    const entry: DemoRequest = {
      method: req.method ?? 'GET',
      path: rawUrl,
      tenant: Array.isArray(tenant) ? tenant[0] : tenant,
      headers,
      at: (opts.now ?? Date.now)(),
      port: req.socket.remotePort ?? 0,
    };
    requests.push(entry);
    inFlight++;
    // One request at a time per connection (no pipelining), so the socket's count says it.
    const sentBefore = req.socket.bytesWritten;
    res.once('close', () => {
      inFlight--;
      entry.status = res.statusCode;
      entry.bytes = req.socket.bytesWritten - sentBefore;
    });
    let path = rawUrl.split('?')[0] ?? '/';
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    for (const [name, value] of Object.entries(SERVER_HEADERS)) res.setHeader(name, value);
    // Read the whole body (click-to-call carries JSON) before answering; this also drains it, so
    // keep-alive connections stay usable. More than 64 KiB is not a request this API takes.
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 65_536) chunks.push(c);
    });
    req.on('end', () => {
      if (size > 0) entry.body = Buffer.concat(chunks).toString('utf8');
      let reply: Reply;
      try {
        reply = route(ctx, req, path, Buffer.concat(chunks));
      } catch (err) {
        console.error('demo-pbx: request failed', err);
        reply = jsonReply(500, '{"status":"error","message":"Internal Server Error"}');
      }
      sendReply(req, res, reply, faults.take(path));
    });
  };

  const tls = opts.https ? await tlsIdentity(opts.tls) : undefined;
  const server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler)
    : createHttpServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const first = state.tenants[0];

  return {
    url: `${origin}/api/v2`,
    origin,
    tenant: first ? String(first.id) : '',
    appKey: state.globalKey,
    tenants: state.tenants.map((t) => ({
      id: String(t.id),
      name: t.name,
      boundKey: state.boundKeyFor(t),
      extensionCount: t.extensions.length,
    })),
    tls,
    requests,
    inFlight: () => inFlight,
    originated: ctx.agent.originated,
    setFaults: (f) => faults.set(f),
    setBadKeyMode: (m) => {
      ctx.badKeyMode = m;
    },
    rotateStaticToken: () => state.rotateStaticToken(),
    changeDirectory: () => {
      if (!first) return;
      state.changeDirectory(first);
      ctx.versions.changed(first);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Dripping and keep-alive connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
