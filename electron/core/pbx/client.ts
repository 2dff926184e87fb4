// The VitalPBX API v2 client: one instance per connection profile. Adds the app-key and tenant
// headers, refuses plain HTTP unless the profile allows it, retries idempotent GETs on network
// trouble and 5xx with jittered exponential backoff, and hands every answer to the envelope check
// and the tolerant parsers. The app key never appears in an error, a detail or a log line.
import { AppError } from '../app-error.js';
import { refTimers, type Timers } from '../timers.js';
import type { CdrSummary, Device, Extension, QueueMembership, VoicemailRecord } from '../shared/domain.js';
import { apiNotFound, httpFailure, readEnvelope } from './envelope.js';
import { readClickToCall } from './click-to-call.js';
import { HttpTransport, type HttpResult, type ProgressListener } from './http.js';
import { cancelled, isRetryable } from './net-errors.js';
import {
  parseCdrSummary,
  parseDevices,
  parseExtension,
  parseExtensionList,
  parseQueues,
  parseVoicemail,
} from './parse.js';
import { normalizeFingerprint } from './tls-trust.js';
import { type CdrLimits, type CdrQuery, type CdrResult, fetchCdr } from './cdr-fetch.js';
import { type CdrPage, parseCdrPage } from './parse-cdr.js';
import { parseContacts, parsePhonebooks } from './parse-phonebook.js';
import { isObject, optNumber, optString } from './parse-values.js';
import type { Contact, Phonebook } from '../shared/agent-domain.js';
import { apiUrl, audioUrl, normalizeBaseUrl, segment } from './url.js';

export { probeCertificate, type CertificateInfo } from './tls-trust.js';
export { normalizeBaseUrl } from './url.js';

export interface PbxConnection {
  /** Origin + optional prefix, WITHOUT /api/v2, e.g. https://10.0.0.5:3500 */
  baseUrl: string;
  tenant: string;
  appKey: string;
  /** 'AA:BB:..' SHA-256 fingerprint of the one certificate trusted for this PBX, or null. */
  tlsPin: string | null;
  allowHttp: boolean;
}

export interface PbxClientOptions {
  connectTimeoutMs?: number;
  /** Longest silence from the PBX (no byte) before a request is given up. */
  idleTimeoutMs?: number;
  maxBodyBytes?: number;
  maxAudioBytes?: number;
  retries?: number;
  retryBaseMs?: number;
  /** Where the waits between retries run (a virtual clock in the fleet benchmark). */
  timers?: Timers;
}

export const USER_AGENT = 'VitalPBX-Directory/0.1 (+node)';

type Method = 'GET' | 'POST' | 'DELETE';

interface CallOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ProgressListener | undefined;
  maxBytes?: number;
  /** Sent as JSON (with Content-Type: application/json). */
  json?: unknown;
  /** Extra request headers (conditional requests). */
  headers?: Record<string, string>;
}

/** What the PBX said identifies its directory answer (RFC 9110 cache validators). */
export interface ListValidators {
  etag: string | null;
  lastModified: string | null;
}

export type ConditionalList =
  | { notModified: true }
  | { notModified: false; extensions: Extension[]; skipped: number; validators: ListValidators };

function oneHeader(v: string | string[] | undefined): string | null {
  const text = Array.isArray(v) ? v[0] : v;
  return text ? text : null;
}

function sleep(ms: number, signal: AbortSignal | undefined, timers: Timers): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = (): void => {
      timers.clearTimeout(timer);
      reject(cancelled());
    };
    const timer = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class PbxClient {
  /** A client for a local demo PBX (plain HTTP on 127.0.0.1, its own key). */
  static forDemo(pbx: { origin: string; tenant: string; appKey: string }): PbxClient {
    return new PbxClient({
      baseUrl: pbx.origin,
      tenant: pbx.tenant,
      appKey: pbx.appKey,
      tlsPin: null,
      allowHttp: true,
    });
  }

  private readonly base: string | null;
  private readonly pin: string | null;
  private readonly setupError: AppError | null;
  private readonly transport: HttpTransport;
  private readonly opts: Required<PbxClientOptions>;

  constructor(
    private readonly conn: PbxConnection,
    opts: PbxClientOptions = {},
  ) {
    this.opts = {
      connectTimeoutMs: opts.connectTimeoutMs ?? 5000,
      // An idle limit, not a total one: a big tenant on a slow link takes minutes, and must.
      idleTimeoutMs: opts.idleTimeoutMs ?? 20_000,
      // A 100,000-extension tenant answers ~150 MB of JSON; more than this is not a directory.
      maxBodyBytes: opts.maxBodyBytes ?? 256 * 1024 * 1024,
      maxAudioBytes: opts.maxAudioBytes ?? 50 * 1024 * 1024,
      retries: opts.retries ?? 2,
      retryBaseMs: opts.retryBaseMs ?? 300,
      timers: opts.timers ?? refTimers,
    };
    // A bad address or pin is reported by the first call, so every failure arrives the same way.
    let base: string | null = null;
    let setupError: AppError | null = null;
    try {
      base = normalizeBaseUrl(conn.baseUrl);
    } catch (err) {
      setupError = err as AppError;
    }
    this.pin = conn.tlsPin === null ? null : normalizeFingerprint(conn.tlsPin);
    if (conn.tlsPin !== null && this.pin === null) {
      setupError ??= new AppError(
        'TLS_ERROR',
        'The trusted certificate fingerprint saved for this PBX is not valid. Check the certificate again and re-confirm it.',
      );
    }
    this.base = base;
    this.setupError = setupError;
    this.transport = new HttpTransport({
      tlsPin: this.pin,
      connectTimeoutMs: this.opts.connectTimeoutMs,
      idleTimeoutMs: this.opts.idleTimeoutMs,
    });
  }

  /** Drops idle keep-alive connections (the client stays usable). */
  close(): void {
    this.transport.close();
  }

  private secrets(): string[] {
    return [this.conn.appKey];
  }

  private async send(method: Method, url: URL, o: CallOptions & { maxBytes: number }): Promise<HttpResult> {
    if (url.protocol === 'http:' && !this.conn.allowHttp) throw new AppError('INSECURE_HTTP');
    const headers: Record<string, string> = {
      'app-key': this.conn.appKey,
      tenant: this.conn.tenant,
      accept: 'application/json',
      'user-agent': USER_AGENT,
      ...o.headers,
    };
    const body = o.json === undefined ? undefined : Buffer.from(JSON.stringify(o.json));
    if (body) headers['content-type'] = 'application/json';
    // Only GETs are retried: a POST or DELETE may have reached the PBX before the failure.
    const retries = method === 'GET' ? Math.max(0, this.opts.retries) : 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.transport.request({
          method,
          url,
          headers,
          body,
          maxBytes: o.maxBytes,
          signal: o.signal,
          onProgress: o.onProgress,
        });
        if (attempt < retries && res.status >= 500 && res.status !== 501) {
          await sleep(this.backoff(attempt), o.signal, this.opts.timers);
          continue;
        }
        return res;
      } catch (err) {
        if (attempt >= retries || !isRetryable(err)) throw err;
        await sleep(this.backoff(attempt), o.signal, this.opts.timers);
      }
    }
  }

  private backoff(attempt: number): number {
    // Full jitter around the exponential step spreads retries from many agents' apps.
    const step = this.opts.retryBaseMs * 2 ** attempt;
    return Math.round(step / 2 + Math.random() * step);
  }

  private baseOrThrow(): string {
    if (this.setupError || this.base === null) throw this.setupError ?? new AppError('INVALID_REQUEST');
    return this.base;
  }

  private async call(
    method: Method,
    path: string,
    o: CallOptions = {},
    dataOptional = false,
  ): Promise<unknown> {
    const url = apiUrl(this.baseOrThrow(), path);
    const res = await this.send(method, url, { ...o, maxBytes: o.maxBytes ?? this.opts.maxBodyBytes });
    return readEnvelope(res, this.secrets(), dataOptional);
  }

  async listExtensions(
    signal?: AbortSignal,
    onProgress?: ProgressListener,
  ): Promise<{ extensions: Extension[]; skipped: number }> {
    let data: unknown;
    try {
      data = await this.call('GET', '/extensions', { signal, onProgress });
    } catch (err) {
      // The list always exists on a VitalPBX: a 404 here means the address is not its API.
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        throw apiNotFound(apiUrl(this.baseOrThrow(), '/extensions'), err);
      }
      throw err;
    }
    return parseExtensionList(data);
  }

  /**
   * GET /extensions as a conditional request when the last answer carried validators: a PBX
   * that knows its directory is unchanged answers 304 without a body, which spares it building
   * its heaviest answer. PBXs that ignore the headers simply answer 200 as before.
   */
  async listExtensionsIfChanged(
    previous: ListValidators | null,
    signal?: AbortSignal,
    onProgress?: ProgressListener,
  ): Promise<ConditionalList> {
    const headers: Record<string, string> = {};
    if (previous?.etag) headers['if-none-match'] = previous.etag;
    if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
    const url = apiUrl(this.baseOrThrow(), '/extensions');
    const res = await this.send('GET', url, {
      signal,
      onProgress,
      headers,
      maxBytes: this.opts.maxBodyBytes,
    });
    // Only a request that asked conditionally may be answered "not modified".
    if (res.status === 304 && Object.keys(headers).length > 0) return { notModified: true };
    const validators = {
      etag: oneHeader(res.headers.etag),
      lastModified: oneHeader(res.headers['last-modified']),
    };
    let data: unknown;
    try {
      data = readEnvelope(res, this.secrets());
    } catch (err) {
      // As in listExtensions: a 404 on the list means the address is not a VitalPBX API.
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw apiNotFound(url, err);
      throw err;
    }
    return { notModified: false, ...parseExtensionList(data), validators };
  }

  /** Proves address, key and tenant in one call; zero extensions means the tenant is wrong. */
  async checkConnection(signal?: AbortSignal): Promise<{ extensions: number }> {
    const { extensions, skipped } = await this.listExtensions(signal);
    if (extensions.length === 0) {
      if (skipped > 0) {
        throw new AppError('INVALID_RESPONSE', undefined, {
          detail: { reason: 'all-rows-malformed', skipped },
        });
      }
      throw new AppError('TENANT_EMPTY', undefined, { detail: { tenant: this.conn.tenant } });
    }
    return { extensions: extensions.length };
  }

  async getExtension(id: string, signal?: AbortSignal): Promise<Extension> {
    return parseExtension(await this.call('GET', `/extensions/${segment(id)}`, { signal }), id);
  }

  async getDevices(id: string, signal?: AbortSignal): Promise<Device[]> {
    return parseDevices(await this.call('GET', `/extensions/${segment(id)}/devices`, { signal })).items;
  }

  async getQueues(id: string, signal?: AbortSignal): Promise<QueueMembership[]> {
    return parseQueues(await this.call('GET', `/extensions/${segment(id)}/queues`, { signal }));
  }

  async getCdrSummary(id: string, signal?: AbortSignal): Promise<CdrSummary> {
    const data = await this.call('GET', `/extensions/${segment(id)}/cdr_summary`, { signal });
    return parseCdrSummary(data, Date.now());
  }

  async listVoicemail(
    id: string,
    signal?: AbortSignal,
  ): Promise<{ records: VoicemailRecord[]; skipped: number }> {
    return parseVoicemail(await this.call('GET', `/extensions/${segment(id)}/voicemail_records`, { signal }));
  }

  /** Audio bytes of a voicemail; the format is for the caller to detect from the bytes. */
  async fetchAudio(recfile: string, signal?: AbortSignal): Promise<Uint8Array> {
    const url = audioUrl(this.baseOrThrow(), recfile);
    const res = await this.send('GET', url, { signal, maxBytes: this.opts.maxAudioBytes });
    if (res.status < 200 || res.status >= 300) throw httpFailure(res, this.secrets());
    const type = String(res.headers['content-type'] ?? '').toLowerCase();
    if (type.includes('html') || /^\s*<(!doctype|html)/i.test(res.body.subarray(0, 64).toString('latin1'))) {
      throw new AppError('INVALID_RESPONSE', undefined, { detail: { reason: 'html', status: res.status } });
    }
    const b = res.body;
    // A view is free, but only when the Buffer owns its whole memory (not a slice of Node's pool).
    if (b.byteOffset === 0 && b.buffer.byteLength === b.byteLength) return new Uint8Array(b.buffer);
    return new Uint8Array(b);
  }

  private voicemailPath(mailbox: string, folder: string, msg: string): string {
    return `/voicemail/${segment(mailbox)}/${segment(folder)}/${segment(msg)}`;
  }

  async markListened(mailbox: string, folder: string, msg: string, signal?: AbortSignal): Promise<void> {
    await this.call('POST', this.voicemailPath(mailbox, folder, msg), { signal }, true);
  }

  async deleteMessage(mailbox: string, folder: string, msg: string, signal?: AbortSignal): Promise<void> {
    await this.call('DELETE', this.voicemailPath(mailbox, folder, msg), { signal }, true);
  }

  /**
   * POST /core/click_to_call: rings `caller` first, then dials `callee`. Never retried (a repeat
   * would ring the agent's phone twice). A refusal from the PBX is CALL_REFUSED with its message.
   */
  async clickToCall(
    req: { caller: string; callee: string; cosId: number },
    signal?: AbortSignal,
  ): Promise<{ message: string | null }> {
    const url = apiUrl(this.baseOrThrow(), '/core/click_to_call');
    const json = { caller: req.caller, callee: req.callee, cos_id: req.cosId };
    const res = await this.send('POST', url, { signal, json, maxBytes: 1024 * 1024 });
    return readClickToCall(res, this.secrets());
  }

  /** The extension's class of service (`class_of_service_id`), or null when the PBX gives none. */
  async classOfService(id: string, signal?: AbortSignal): Promise<number | null> {
    const data = await this.call('GET', `/extensions/${segment(id)}`, { signal });
    const rows: unknown[] = Array.isArray(data) ? data : [data];
    const row = rows.find((r) => isObject(r) && optString(r.extension_id) === id) ?? rows[0];
    const cos = isObject(row) ? optNumber(row.class_of_service_id) : null;
    return typeof cos === 'number' && Number.isInteger(cos) && cos > 0 ? cos : null;
  }

  /** One page of GET /cdr (epoch-second dates, 1-based page, the extension filter sent). */
  async cdrPage(
    q: { start: number; end: number; extension: string; limit: number; page: number },
    signal?: AbortSignal,
  ): Promise<CdrPage> {
    const params = new URLSearchParams({
      start_date: String(Math.floor(q.start)),
      end_date: String(Math.floor(q.end)),
      extensions: q.extension,
      limit: String(q.limit),
      page: String(q.page),
    });
    return parseCdrPage(await this.call('GET', `/cdr?${params.toString()}`, { signal }));
  }

  /** One extension's calls in a time range: deduplicated, filtered, bounded (cdr-fetch.ts). */
  listCdr(q: CdrQuery, limits?: CdrLimits, signal?: AbortSignal): Promise<CdrResult> {
    return fetchCdr((p) => this.cdrPage(p, signal), q, limits);
  }

  /** The tenant's phonebooks; a PBX without them (404 or 501) has none. */
  async listPhonebooks(signal?: AbortSignal): Promise<Phonebook[] | null> {
    try {
      return parsePhonebooks(await this.call('GET', '/phonebooks', { signal })).items;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'NOT_SUPPORTED')) return null;
      throw err;
    }
  }

  async listContacts(book: Phonebook, signal?: AbortSignal): Promise<{ items: Contact[]; skipped: number }> {
    try {
      return parseContacts(
        await this.call('GET', `/phonebooks/${segment(book.id)}/contacts`, { signal }),
        book,
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === 'NOT_FOUND' || err.code === 'NOT_SUPPORTED'))
        return { items: [], skipped: 0 };
      throw err;
    }
  }
}
