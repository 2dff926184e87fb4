// The directory as vCard 4.0 (RFC 6350): one card per extension, CRLF line ends, lines folded at
// 75 octets without splitting a UTF-8 character, text values escaped (\\ \, \; \n). Queues go in
// CATEGORIES (what address books show) and, with their penalties, in X-VPBX-QUEUE; devices in
// X-VPBX-DEVICE (technology;name;user;description;ring). Never secrets (no field for them).
import { createHash } from 'node:crypto';
import type { Extension } from '../shared/domain.js';
import { toRow } from './rows.js';

export function esc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/** Splits on an unescaped separator. */
export function splitUnescaped(value: string, sep: ',' | ';'): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) cur += c + value[++i];
    else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 6350 §3.2), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let cur = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      out.push(cur);
      cur = '';
      size = 0;
      limit = 74; // continuation lines start with one space
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export function uid(ext: Extension): string {
  const h = createHash('sha1')
    .update(`vitalpbx:${ext.tenantId ?? ''}:${ext.id}`)
    .digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function toVcard(extensions: readonly Extension[]): string {
  const lines: string[] = [];
  for (const ext of extensions) {
    const r = toRow(ext);
    lines.push('BEGIN:VCARD', 'VERSION:4.0', `UID:${uid(ext)}`, `FN:${esc(r.name || r.number)}`);
    lines.push(`TEL;VALUE=uri;TYPE="work,voice":tel:${r.number}`);
    lines.push(`X-VPBX-EXTENSION:${esc(r.number)}`);
    if (r.email) lines.push(`EMAIL;TYPE=work:${esc(r.email)}`);
    if (r.language) lines.push(`LANG:${esc(r.language)}`);
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
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
