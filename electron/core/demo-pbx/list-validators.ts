// The demo PBX's cache validators for GET /extensions and the directory changes a test or the
// fleet benchmark makes during a run. Real PBXs differ: some send an ETag, some only
// Last-Modified (Apache over a generated file), a PHP endpoint usually neither. The demo can
// play each, so the client's conditional requests are tested against all of them.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Reply } from './faults.js';
import type { DemoTenant } from './model.js';

export type ListValidators = 'both' | 'etag' | 'last-modified' | 'none';
export const LIST_VALIDATORS: readonly ListValidators[] = ['both', 'etag', 'last-modified', 'none'];

/** Per tenant: when its list last changed (HTTP dates have whole seconds). */
export class ListVersions {
  readonly #changedAt = new Map<DemoTenant, number>();
  readonly #etags = new Map<DemoTenant, string>();

  constructor(
    readonly mode: ListValidators,
    private readonly now: () => number = Date.now,
  ) {}

  changed(t: DemoTenant): void {
    this.#changedAt.set(t, Math.floor(this.now() / 1000) * 1000);
    this.#etags.delete(t);
  }

  #lastModified(t: DemoTenant): number {
    let at = this.#changedAt.get(t);
    if (at === undefined) {
      at = Math.floor(this.now() / 1000) * 1000;
      this.#changedAt.set(t, at);
    }
    return at;
  }

  /** The list reply with its validators, or 304 when the client's copy is current. */
  reply(req: IncomingMessage, t: DemoTenant, body: Buffer): Reply {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    let etag: string | null = null;
    if (this.mode === 'both' || this.mode === 'etag') {
      etag = this.#etags.get(t) ?? `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      this.#etags.set(t, etag);
      headers.ETag = etag;
    }
    const lastModified = this.mode === 'both' || this.mode === 'last-modified' ? this.#lastModified(t) : null;
    if (lastModified !== null) headers['Last-Modified'] = new Date(lastModified).toUTCString();
    // RFC 9110 13.1.3: If-None-Match wins; If-Modified-Since counts only without it.
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    let notModified = false;
    if (inm !== undefined) notModified = etag !== null && inm.split(',').some((v) => v.trim() === etag);
    else if (ims !== undefined && lastModified !== null) notModified = Date.parse(ims) >= lastModified;
    if (notModified) return { status: 304, headers, body: Buffer.alloc(0) };
    return { status: 200, headers, body, chunked: true };
  }
}
