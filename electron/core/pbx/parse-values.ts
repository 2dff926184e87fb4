// Tolerant coercion of the loose scalar values the VitalPBX API sends (ids as numbers or strings,
// "yes"/"no"/1/0 booleans, nulls, caller-ID strings). Hand-written rather than zod because the
// extension list runs these ~20 times per row over 10,000+ rows and zod's per-field unions cost
// several times the JSON.parse itself (measured: ~280 ms vs ~70 ms for 10k rows).
import type { CallerId } from '../shared/domain.js';

/** Thrown inside a record normaliser: the record is skipped and counted, not the whole list. */
export class MalformedRecord extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'MalformedRecord';
  }
}

export type RawObject = Record<string, unknown>;

export function isObject(v: unknown): v is RawObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A required identifier: non-empty string or finite number, returned as a trimmed string. */
export function idOf(v: unknown, field: string): string {
  if (typeof v === 'string') {
    const s = v.trim();
    if (s !== '') return s;
  } else if (typeof v === 'number' && Number.isFinite(v)) {
    return String(v);
  }
  throw new MalformedRecord(`missing or invalid ${field}`);
}

/** An optional string: null/undefined/blank → null; numbers become strings; other types → null. */
export function optString(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

export function str(v: unknown): string {
  return optString(v) ?? '';
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'on']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'off', '']);

/** "yes"/"no", booleans, 1/0 (number or string); anything unreadable or absent → `fallback`. */
export function bool(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE_WORDS.has(s)) return true;
    if (FALSE_WORDS.has(s)) return false;
  }
  return fallback;
}

const INT_RE = /^[+-]?\d+$/;
const NUM_RE = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A number from a number or numeric string; null/undefined/blank → null; garbage → undefined. */
export function optNumber(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    return NUM_RE.test(s) ? Number(s) : undefined;
  }
  return undefined;
}

/** An integer count or penalty: absent → `fallback`; unreadable → MalformedRecord. */
export function int(v: unknown, field: string, fallback: number): number {
  if (typeof v === 'string' && INT_RE.test(v.trim())) return Number.parseInt(v, 10);
  const n = optNumber(v);
  if (n === null) return fallback;
  if (n === undefined || !Number.isInteger(n)) throw new MalformedRecord(`invalid ${field}`);
  return n;
}

/**
 * A list the PHP backend may encode as an array, as an object with numeric keys (a sparse PHP
 * array), as null, or as a single bare value. Always returns an array.
 */
export function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  if (isObject(v)) return Object.values(v);
  return [v];
}

// `"Name" <number>`, `Name <number>`, `Demo<1519>`, `<1519>`: a display name then an address in angle brackets.
const CID_RE = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<]*?))\s*<([^>]*)>\s*$/;
const DIALABLE_RE = /^[+\d*#\s().-]+$/;

/** Splits a caller-ID string into name and number; returns null for null/blank input. */
export function optCallerId(v: unknown): CallerId | null {
  if (typeof v === 'number' && Number.isFinite(v)) return { name: '', number: String(v) };
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (s === '') return null;
  const m = CID_RE.exec(s);
  if (m) {
    const name = (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? '')).trim();
    return { name, number: (m[3] ?? '').trim() };
  }
  if (DIALABLE_RE.test(s)) return { name: '', number: s.replace(/\s+/g, '') };
  // A bare quoted or plain name without any number.
  return { name: s.replace(/^"(.*)"$/, '$1').trim(), number: '' };
}

export function callerId(v: unknown): CallerId {
  return optCallerId(v) ?? { name: '', number: '' };
}
