// Reads a page of `GET /cdr`: `data` as `{rows: <total>, result: [...]}` (VitalPBX 4), a bare
// array, or `{items: [...]}` (what other clients accept), and each row tolerantly: `calltype` as
// a number or a string, `calldate` as epoch seconds or as Asterisk's local "YYYY-MM-DD HH:MM:SS".
// A row that cannot be read is skipped and counted, never the whole page.
import { AppError } from '../app-error.js';
import type { CallType, CdrRow } from '../shared/agent-domain.js';
import { MalformedRecord, callerId, idOf, isObject, optNumber, optString, str } from './parse-values.js';
import { parseRows } from './parse.js';

export interface CdrPage {
  rows: CdrRow[];
  /** The total the server reported for the whole query, when it did. */
  total: number | null;
  /** Raw rows on this page, readable or not (for paging decisions). */
  received: number;
  skipped: number;
}

const CALL_TYPES: Record<string, CallType> = {
  '1': 'internal',
  '2': 'incoming',
  '3': 'outgoing',
  internal: 'internal',
  incoming: 'incoming',
  inbound: 'incoming',
  outgoing: 'outgoing',
  outbound: 'outgoing',
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Epoch seconds from epoch seconds or milliseconds, or from a local date-time string. */
export function parseCallDate(v: unknown): number | null {
  const n = optNumber(v);
  if (typeof n === 'number') return n > 1e12 ? Math.floor(n / 1000) : Math.floor(n);
  const s = optString(v)?.trim();
  const m = s ? DATE_RE.exec(s) : null;
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m.map(Number) as number[];
  // Asterisk writes calldate in the PBX's local time without a zone; the desktop's zone is the
  // best guess there is (an agent's PBX is almost always in their own time zone).
  const date = new Date(y!, mo! - 1, d!, h!, mi!, sec || 0);
  return Number.isNaN(date.getTime()) ? null : Math.floor(date.getTime() / 1000);
}

function seconds(v: unknown): number {
  const n = optNumber(v);
  return typeof n === 'number' && n >= 0 ? n : 0;
}

export function normalizeCdrRow(raw: unknown): CdrRow {
  if (!isObject(raw)) throw new MalformedRecord('cdr row is not an object');
  const type = optString(raw.calltype)?.trim().toLowerCase();
  return {
    uniqueid: idOf(raw.uniqueid, 'uniqueid'),
    calldate: parseCallDate(raw.calldate ?? raw.start ?? raw.start_date),
    src: str(raw.src).trim(),
    dst: str(raw.dst).trim(),
    clid: callerId(raw.clid),
    duration: seconds(raw.duration),
    billsec: seconds(raw.billsec),
    disposition: str(raw.disposition).trim().toUpperCase(),
    calltype: (type && CALL_TYPES[type]) || null,
    recordingUrl: optString(raw.recording_url)?.trim() ?? null,
    linkedid: optString(raw.linkedid)?.trim() ?? null,
  };
}

function total(v: unknown): number | null {
  const n = optNumber(v);
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

export function parseCdrPage(data: unknown): CdrPage {
  let list: unknown[];
  let count: number | null = null;
  if (Array.isArray(data)) list = data;
  else if (data === null || data === undefined) list = [];
  else if (isObject(data) && Array.isArray(data.result)) {
    list = data.result;
    count = total(data.rows);
  } else if (isObject(data) && Array.isArray(data.items)) {
    list = data.items;
    count = total(data.total ?? data.rows);
  } else if (isObject(data) && Object.keys(data).length === 0) list = [];
  else throw new AppError('INVALID_RESPONSE', undefined, { detail: { reason: 'cdr-not-a-list' } });
  const { items, skipped } = parseRows(list, normalizeCdrRow);
  return { rows: items, total: count, received: list.length, skipped };
}
