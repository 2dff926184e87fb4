// The demo PBX's live state: tenants and keys, lookups by id, number and static token, the
// cached serialised extension list per tenant (so 100k extensions are stringified once, not on
// every request), and the voicemail changes (mark listened, delete, token rotation).
import { createHash } from 'node:crypto';
import type { DemoDataset, DemoExtension, DemoTenant } from './model.js';

export type AuthResult = { ok: false } | { ok: true; tenant: DemoTenant | null; bound: boolean };

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export class DemoState {
  readonly tenants: DemoTenant[];
  readonly globalKey: string;
  private readonly boundKeys = new Map<string, DemoTenant>();
  private readonly listCache = new Map<DemoTenant, Buffer>();
  private readonly byId = new Map<DemoTenant, Map<number, DemoExtension>>();
  private readonly byMailbox = new Map<DemoTenant, Map<string, DemoExtension>>();

  constructor(dataset: DemoDataset, seed: number) {
    this.tenants = dataset.tenants;
    // Keys derive from the seed so a CLI user can keep the same key across restarts.
    this.globalKey = digest(`demo-pbx:global:${seed}`, 32);
    for (const t of this.tenants) this.boundKeys.set(this.boundKeyOf(t, seed), t);
  }

  private boundKeyOf(t: DemoTenant, seed: number): string {
    return digest(`demo-pbx:tenant:${seed}:${t.id}`, 32);
  }

  boundKeyFor(t: DemoTenant): string {
    for (const [key, tenant] of this.boundKeys) if (tenant === t) return key;
    throw new Error(`no bound key for tenant ${t.id}`);
  }

  /** By id (`1`) or by name (`vitalpbx`, any case), as the `tenant` header may carry either. */
  resolveTenant(value: string | undefined): DemoTenant | null {
    const v = value?.trim().toLowerCase();
    if (!v) return null;
    return this.tenants.find((t) => String(t.id) === v || t.name.toLowerCase() === v) ?? null;
  }

  authorize(key: string | undefined, tenantHeader: string | undefined): AuthResult {
    if (key === undefined) return { ok: false };
    if (key === this.globalKey) return { ok: true, tenant: this.resolveTenant(tenantHeader), bound: false };
    const bound = this.boundKeys.get(key);
    return bound ? { ok: true, tenant: bound, bound: true } : { ok: false };
  }

  /**
   * A directory change as an administrator makes one: the first extension renamed and the last
   * one removed (so a client sees "1 changed, 1 removed"). The list is serialised again.
   */
  changeDirectory(t: DemoTenant): void {
    const first = t.extensions[0];
    if (first) first.record = { ...first.record, name: `${String(first.record.name)} (moved)` };
    const last = t.extensions.pop();
    if (last) this.byId.get(t)?.delete(last.id);
    this.byMailbox.delete(t);
    this.listCache.delete(t);
  }

  /** The whole /extensions body for a tenant, serialised once and kept. */
  listBody(t: DemoTenant): Buffer {
    const hit = this.listCache.get(t);
    if (hit) return hit;
    // Built in pieces: one string of a 100k-extension list would near V8's string size limit.
    const parts: Buffer[] = [Buffer.from('{"status":"success","data":[')];
    let batch: string[] = [];
    t.extensions.forEach((e, i) => {
      batch.push((i > 0 ? ',' : '') + JSON.stringify(e.record));
      if (batch.length === 2000) {
        parts.push(Buffer.from(batch.join('')));
        batch = [];
      }
    });
    parts.push(Buffer.from(batch.join('') + ']}'));
    const body = Buffer.concat(parts);
    this.listCache.set(t, body);
    return body;
  }

  extension(t: DemoTenant, id: number): DemoExtension | undefined {
    let index = this.byId.get(t);
    if (!index) {
      index = new Map(t.extensions.map((e) => [e.id, e]));
      this.byId.set(t, index);
    }
    return index.get(id);
  }

  /** By mailbox or extension number (they differ in the published example: 2000 vs 100). */
  mailbox(t: DemoTenant, mailbox: string): DemoExtension | undefined {
    let index = this.byMailbox.get(t);
    if (!index) {
      index = new Map();
      for (const e of t.extensions) {
        index.set(e.number, e);
        index.set(e.mailbox, e);
      }
      this.byMailbox.set(t, index);
    }
    return index.get(mailbox);
  }

  tenantByToken(token: string): DemoTenant | undefined {
    return this.tenants.find((t) => t.staticToken === token);
  }

  rotateStaticToken(): void {
    for (const t of this.tenants) t.staticToken = digest(`${t.staticToken}:rotated`, 16);
  }

  /** Moves a message to Old under the next free number there, as Asterisk does on listen. */
  markListened(ext: DemoExtension, folder: string, msgNum: number): boolean {
    const msg = ext.voicemail.find((m) => m.folder === folder && m.msgNum === msgNum);
    if (!msg) return false;
    if (msg.folder === 'Old') return true;
    const old = ext.voicemail.filter((m) => m.folder === 'Old').map((m) => m.msgNum);
    msg.folder = 'Old';
    msg.msgNum = old.length === 0 ? 0 : Math.max(...old) + 1;
    return true;
  }

  deleteMessage(ext: DemoExtension, folder: string, msgNum: number): boolean {
    const i = ext.voicemail.findIndex((m) => m.folder === folder && m.msgNum === msgNum);
    if (i < 0) return false;
    ext.voicemail.splice(i, 1);
    return true;
  }
}
