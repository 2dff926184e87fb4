// The directory as vCard 4.0 (RFC 6350): one card per extension, CRLF line ends, lines folded at
// 75 octets without splitting a UTF-8 character, text values escaped (\\ \, \; \n). Queues go in
// CATEGORIES (what address books show) and, with their penalties, in X-VPBX-QUEUE; devices in
// X-VPBX-DEVICE (technology;name;user;description;ring). Never secrets (no field for them).
import { createHash } from 'node:crypto';
import type { Extension } from '../shared/domain.js';
import { type DirectoryRow, toRow } from './rows.js';

export function esc(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

function unesc(text: string): string {
  return text.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
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
export function fold(line: string): string {
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
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** Index of the colon ending name and parameters: the first one outside a quoted parameter. */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ':' && !quoted) return i;
  }
  return -1;
}

/** Reads back what toVcard wrote (enough of RFC 6350 for that: unfolding, params, escapes). */
export function parseVcard(text: string): DirectoryRow[] {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const rows: DirectoryRow[] = [];
  let row: DirectoryRow | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VCARD') {
      row = {
        number: '',
        name: '',
        email: '',
        language: '',
        internalCid: '',
        externalCid: '',
        emergencyCid: '',
        queues: [],
        devices: [],
      };
      continue;
    }
    if (!row) continue;
    if (line === 'END:VCARD') {
      rows.push(row);
      row = null;
      continue;
    }
    const colon = valueStart(line);
    const [name = '', ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    switch (name.toUpperCase()) {
      case 'FN':
        row.name = unesc(value);
        break;
      case 'X-VPBX-EXTENSION':
        row.number = unesc(value);
        break;
      case 'EMAIL':
        row.email = unesc(value);
        break;
      case 'LANG':
        row.language = unesc(value);
        break;
      case 'X-VPBX-CID-INTERNAL':
        row.internalCid = unesc(value);
        break;
      case 'X-VPBX-CID-EXTERNAL':
        row.externalCid = unesc(value);
        break;
      case 'X-VPBX-CID-EMERGENCY':
        row.emergencyCid = unesc(value);
        break;
      case 'X-VPBX-QUEUE': {
        const penalty = params.find((p) => p.toUpperCase().startsWith('X-PENALTY='));
        row.queues.push({ name: unesc(value), penalty: Number(penalty?.split('=')[1] ?? 0) });
        break;
      }
      case 'X-VPBX-DEVICE': {
        const [technology = '', dname = '', user = '', description = '', ring = ''] = splitUnescaped(
          value,
          ';',
        ).map(unesc);
        row.devices.push({ technology, name: dname, user, description, ring: ring === 'yes' });
        break;
      }
    }
  }
  // FN (required) falls back to the number for a nameless extension: read that back as no name.
  for (const r of rows) if (r.name === r.number) r.name = '';
  return rows;
}
