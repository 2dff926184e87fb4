// Whether a freshly synced directory differs from the one on disk, and how. Compared on the
// normalised extensions (secrets already dropped, the CDR figures left out: the list never
// carries them), one digest per extension, so an unchanged directory is recognised without
// keeping two copies of it and a changed one can be told as "3 added, 1 changed".
import { createHash } from 'node:crypto';
import type { DirectoryChanges } from '../shared/contract.js';
import type { Extension } from '../shared/domain.js';

export interface Fingerprint {
  /** id → digest of the extension without its CDR figures. */
  byId: Map<string, string>;
  /** Digest of the whole list, in the PBX's order. */
  all: string;
}

export function fingerprint(extensions: readonly Extension[]): Fingerprint {
  const byId = new Map<string, string>();
  const all = createHash('sha256');
  for (const e of extensions) {
    const { cdr: _cdr, ...rest } = e;
    const digest = createHash('sha1').update(JSON.stringify(rest)).digest('base64');
    byId.set(e.id, digest);
    all.update(digest);
  }
  return { byId, all: all.digest('base64') };
}

export function diffDirectories(before: Fingerprint, after: Fingerprint): DirectoryChanges {
  let added = 0;
  let changed = 0;
  for (const [id, digest] of after.byId) {
    const old = before.byId.get(id);
    if (old === undefined) added++;
    else if (old !== digest) changed++;
  }
  let removed = 0;
  for (const id of before.byId.keys()) if (!after.byId.has(id)) removed++;
  return { added, changed, removed };
}
