// Readers of the app's CSV and vCard exports, for tests only: they prove an export re-reads to
// the directory it was made from (the app itself never imports these formats).
import { CSV_COLUMNS, restoreFormula, splitList } from '../../electron/core/export/csv.js';
import type { DirectoryRow } from '../../electron/core/export/rows.js';
import { splitUnescaped } from '../../electron/core/export/vcard.js';

const BOM = '\uFEFF';

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsvRecords(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function parseCsv(text: string): DirectoryRow[] {
  const [header, ...rows] = parseCsvRecords(text);
  if (!header || header.join(',') !== CSV_COLUMNS.join(',')) throw new Error('not a directory CSV export');
  return rows.map((cells) => {
    const cell = (i: number) => restoreFormula(cells[i] ?? '');
    const names = splitList(cell(9));
    const queueNames = splitList(cell(7));
    const penalties = splitList(cell(8));
    const techs = splitList(cell(10));
    const users = splitList(cell(11));
    const descriptions = splitList(cell(12));
    const rings = splitList(cell(13));
    return {
      number: cell(0),
      name: cell(1),
      email: cell(2),
      language: cell(3),
      internalCid: cell(4),
      externalCid: cell(5),
      emergencyCid: cell(6),
      queues: queueNames.map((name, i) => ({ name, penalty: Number(penalties[i] ?? 0) })),
      devices: names.map((name, i) => ({
        name,
        technology: techs[i] ?? '',
        user: users[i] ?? '',
        description: descriptions[i] ?? '',
        ring: rings[i] === 'yes',
      })),
    };
  });
}

function unesc(text: string): string {
  return text.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
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
