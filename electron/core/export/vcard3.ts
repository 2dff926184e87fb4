// The directory as vCard 3.0 (RFC 2426), next to 4.0: Outlook and many desk phones import only
// 3.0, and 3.0 requires N (structured name) as well as FN. Same escaping and folding as 4.0;
// no LANG (not in 3.0), and the PBX details as the same X- properties so nothing is lost.
import type { Extension } from '../shared/domain.js';
import { toRow } from './rows.js';
import { esc, fold, uid } from './vcard.js';

/**
 * N's family and given names from a display name. The last word is taken as the family name, as
 * address books do on import; a name without spaces (CJK, or a role like "Reception") is all
 * family name, so it still sorts and displays as written.
 */
export function structuredName(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) return { family: words[0] ?? '', given: '' };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

export function toVcard3(extensions: readonly Extension[]): string {
  const lines: string[] = [];
  for (const ext of extensions) {
    const r = toRow(ext);
    const n = structuredName(r.name || r.number);
    lines.push('BEGIN:VCARD', 'VERSION:3.0', `UID:${uid(ext)}`);
    lines.push(`N:${esc(n.family)};${esc(n.given)};;;`, `FN:${esc(r.name || r.number)}`);
    if (r.number) lines.push(`TEL;TYPE=WORK,VOICE:${esc(r.number)}`);
    lines.push(`X-VPBX-EXTENSION:${esc(r.number)}`);
    if (r.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${esc(r.email)}`);
    if (r.internalCid) lines.push(`X-VPBX-CID-INTERNAL:${esc(r.internalCid)}`);
    if (r.externalCid) lines.push(`X-VPBX-CID-EXTERNAL:${esc(r.externalCid)}`);
    if (r.emergencyCid) lines.push(`X-VPBX-CID-EMERGENCY:${esc(r.emergencyCid)}`);
    if (r.queues.length) lines.push(`CATEGORIES:${r.queues.map((q) => esc(q.name)).join(',')}`);
    for (const q of r.queues) lines.push(`X-VPBX-QUEUE;X-PENALTY=${q.penalty}:${esc(q.name)}`);
    for (const d of r.devices) {
      const parts = [d.technology, d.name, d.user, d.description, d.ring ? 'yes' : 'no'];
      lines.push(`X-VPBX-DEVICE:${parts.map(esc).join(';')}`);
    }
    lines.push('END:VCARD');
  }
  return lines.map(fold).join('\r\n') + '\r\n';
}
