// Normalises the three voicemail_records shapes seen in the field into one list of records tagged
// with their folder: folder → one record (the published example), folder → array (VitalPBX 4) and
// a flat array (older builds, with origtime/callerid/msg_num). Malformed records are counted.
import { AppError } from '../app-error.js';
import type { VoicemailRecord } from '../shared/domain.js';
import {
  MalformedRecord,
  callerId,
  isObject,
  listOf,
  optNumber,
  optString,
  type RawObject,
} from './parse-values.js';

// /voicemail/<mailbox>/<folder>/msgNNNN — the query or fragment of an absolute URL is ignored.
const RECFILE_RE = /\/voicemail\/([^/?#]+)\/([^/?#]+)\/(msg\d+)[^/]*$/i;
const MSG_RE = /(?:^|[^a-z])msg(\d+)/i;
const RECORD_KEYS = ['recfile', 'filename', 'msg_id', 'msg_num', 'origtime', 'clid', 'callerid'];

function looksLikeRecord(v: RawObject): boolean {
  return RECORD_KEYS.some((k) => k in v);
}

function msgName(digits: string): string {
  return `msg${digits.padStart(4, '0')}`;
}

function msgFrom(raw: RawObject, recfilePath: string): string {
  for (const source of [raw.filename, recfilePath]) {
    if (typeof source !== 'string') continue;
    const m = MSG_RE.exec(source.slice(source.lastIndexOf('/') + 1));
    if (m) return msgName(m[1]!);
  }
  const num = raw.msg_num;
  if (typeof num === 'number' && Number.isInteger(num) && num >= 0) return msgName(String(num));
  if (typeof num === 'string') {
    const m = /^\s*(?:msg)?(\d+)\s*$/i.exec(num);
    if (m) return msgName(m[1]!);
  }
  throw new MalformedRecord('voicemail record without a message number');
}

function pathOf(recfile: string): string {
  if (!/^https?:\/\//i.test(recfile)) return recfile.split(/[?#]/)[0]!;
  try {
    return new URL(recfile).pathname;
  } catch {
    return recfile;
  }
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function safeNumber(v: unknown): number | null {
  return optNumber(v) ?? null;
}

export function normalizeVoicemailRecord(raw: unknown, folderKey: string | null): VoicemailRecord {
  if (!isObject(raw)) throw new MalformedRecord('voicemail record is not an object');
  const recfile = optString(raw.recfile)?.trim();
  if (!recfile) throw new MalformedRecord('voicemail record without recfile');
  const path = pathOf(recfile);
  const fromPath = RECFILE_RE.exec(path);
  const msg = msgFrom(raw, path);
  const folder = folderKey ?? (fromPath ? decoded(fromPath[2]!) : null) ?? optString(raw.folder) ?? 'INBOX';
  const mailbox =
    (fromPath ? decoded(fromPath[1]!) : null) ??
    optString(raw.mailbox)?.split('@')[0] ??
    optString(raw.vmorig) ??
    '';
  return {
    key: optString(raw.msg_id)?.trim() ?? `${folder}/${msg}`,
    folder,
    msg,
    date: safeNumber(raw.date ?? raw.origtime),
    caller: callerId(raw.clid ?? raw.callerid),
    durationSec: safeNumber(raw.duration),
    priority: optString(raw.priority),
    recfile,
    mailbox,
  };
}

/** Pairs of (folder from the key or null, raw record) from any of the three shapes. */
function entries(data: unknown): Array<[string | null, unknown]> {
  if (data === null || data === undefined) return [];
  if (Array.isArray(data)) return data.map((r) => [null, r]);
  if (!isObject(data)) {
    throw new AppError('INVALID_RESPONSE', undefined, { detail: { reason: 'voicemail-not-a-list' } });
  }
  if (looksLikeRecord(data)) return [[null, data]];
  const out: Array<[string | null, unknown]> = [];
  for (const [folder, value] of Object.entries(data)) {
    // A PHP array with numeric keys arrives as an object: those keys are indexes, not folders.
    const key = /^\d+$/.test(folder) ? null : folder;
    if (isObject(value) && (looksLikeRecord(value) || key === null)) out.push([key, value]);
    else for (const r of listOf(value)) out.push([key, r]);
  }
  return out;
}

export function parseVoicemail(data: unknown): { records: VoicemailRecord[]; skipped: number } {
  const records: VoicemailRecord[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const [folder, raw] of entries(data)) {
    let rec: VoicemailRecord;
    try {
      rec = normalizeVoicemailRecord(raw, folder);
    } catch (err) {
      if (!(err instanceof MalformedRecord)) throw err;
      skipped++;
      continue;
    }
    // The same message listed twice would break keyed lists in the UI; keep the first.
    if (seen.has(rec.key)) continue;
    seen.add(rec.key);
    records.push(rec);
  }
  return { records, skipped };
}
