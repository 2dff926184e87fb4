// The searchable text of an extension: which fields, in which order, and accent folding that
// keeps string length (so match offsets in folded text are offsets in the displayed text).
import uFuzzy from '@leeoniya/ufuzzy';
import type { CallerId, Device, Extension } from '../../../electron/core/shared/domain.js';

/** Between fields in the haystack: no query term can span two fields. */
export const SEP = ' \u2022 ';

const EXTRA: Record<string, string> = {
  ß: 's',
  ø: 'o',
  Ø: 'O',
  æ: 'a',
  Æ: 'A',
  œ: 'o',
  Œ: 'O',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};
// Folding runs over every field of every extension when a directory loads, so each non-ASCII
// character is folded once and remembered (a directory uses a few thousand distinct ones).
const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let out = foldedChars.get(ch);
  if (out !== undefined) return out;
  const latin = uFuzzy.latinize(ch);
  out = latin.length === ch.length ? latin : ch;
  if (out.charCodeAt(0) >= 128) {
    const stripped = out.normalize('NFD').replace(/\p{M}/gu, '');
    out = EXTRA[out] ?? (stripped.length === out.length ? stripped : out);
  }
  foldedChars.set(ch, out);
  return out;
}

/**
 * Folds accents without changing the length, so match offsets in the folded text are offsets in
 * the displayed text: uFuzzy's latinize first, then NFD-stripping for what it does not know.
 * ASCII runs are copied as slices, and an all-ASCII string comes back as it is.
 */
export function fold(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    const width = c >= 0xd800 && c < 0xdc00 && i + 1 < text.length ? 2 : 1;
    const ch = text.slice(i, i + width);
    const folded = foldChar(ch);
    if (folded !== ch) {
      out += text.slice(from, i) + folded;
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Caller ID numbers too common to tell anyone apart (see sharedCallerIds). */
export type SharedNumbers = ReadonlySet<string>;
const NONE: SharedNumbers = new Set();

/**
 * Caller ID numbers shared by most of the tenant, such as the company's external caller ID.
 * Searching for one would list a fifth of the directory or more, each row claiming the number as
 * if it were that person's: they are left out of the haystack (the caller ID's name stays).
 * "Most" here: at least 3 extensions and more than a fifth of the directory.
 */
export function sharedCallerIds(exts: readonly Extension[]): SharedNumbers {
  const counts = new Map<string, number>();
  for (const ext of exts) {
    // Once per extension: a person whose internal and external caller ID agree counts once.
    const own = new Set<string>();
    for (const cid of [ext.internalCid, ext.externalCid, ext.emergencyCid]) {
      if (cid?.number && cid.number !== ext.number) own.add(cid.number);
    }
    for (const n of own) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const shared = new Set<string>();
  for (const [n, c] of counts) if (c >= 3 && c > exts.length / 5) shared.add(n);
  return shared;
}

/** Which field a text came from (the window names it from the catalogue's `fields.*`). */
export type FieldKey =
  'number' | 'name' | 'email' | 'internalCid' | 'externalCid' | 'emergencyCid' | 'device' | 'queue';

/** Visits the searchable fields of one extension, in haystack order (number and name first). */
function eachField(
  ext: Extension,
  shared: SharedNumbers,
  visit: (label: FieldKey, text: string) => void,
): void {
  visit('number', ext.number);
  visit('name', ext.name);
  if (ext.email) visit('email', ext.email);
  if (ext.internalCid) callerId('internalCid', ext.internalCid, shared, visit);
  if (ext.externalCid) callerId('externalCid', ext.externalCid, shared, visit);
  if (ext.emergencyCid) callerId('emergencyCid', ext.emergencyCid, shared, visit);
  for (const d of ext.devices) visit('device', deviceText(d));
  for (const q of ext.queues) visit('queue', q.name);
}

// The technology is searchable so "pjsip", "sip" or "iax2" find extensions (the search box's
// placeholder promises devices); it is left out when the device name already carries it.
function deviceText(d: Device): string {
  const parts = [d.name];
  if (d.user && d.user !== d.name) parts.push(d.user);
  if (d.technology && !d.name.toLowerCase().includes(d.technology.toLowerCase())) parts.unshift(d.technology);
  return parts.join(' ');
}

function callerId(
  label: FieldKey,
  cid: CallerId,
  shared: SharedNumbers,
  visit: (label: FieldKey, text: string) => void,
): void {
  const number = shared.has(cid.number) ? '' : cid.number;
  if (cid.name || number) visit(label, `${cid.name} ${number}`.trim());
}

/** The searchable fields of one extension, in haystack order (number and name first). */
export function fieldsOf(ext: Extension, shared: SharedNumbers = NONE): { label: FieldKey; text: string }[] {
  const fields: { label: FieldKey; text: string }[] = [];
  eachField(ext, shared, (label, text) => fields.push({ label, text }));
  return fields;
}

/**
 * The fields joined by SEP, each text once: caller IDs mostly repeat "name number", and every
 * character here is scanned at each keystroke. Number and name always come first.
 */
export function searchText(ext: Extension, shared: SharedNumbers = NONE): string {
  const seen: string[] = [];
  let out = '';
  eachField(ext, shared, (_label, text) => {
    if (seen.length >= 2 && seen.includes(text)) return;
    out = seen.length === 0 ? text : out + SEP + text;
    seen.push(text);
  });
  return out;
}

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}@.]/u;

/**
 * Where `term` occurs in `s` from `from` on, or -1. A term of one or two characters with a letter
 * in it must start a word ("jo" finds "John", not "majority" or "@jobs.com"): short terms are in
 * nearly every haystack otherwise. After "@" or "." is not a word start, so e-mail domains are
 * not matched. Longer terms and numbers match anywhere.
 */
export function findTerm(s: string, term: string, from = 0): number {
  let at = s.indexOf(term, from);
  if (term.length > 2 || !LETTER.test(term)) return at;
  while (at > 0 && WORD_CHAR.test(s[at - 1]!)) at = s.indexOf(term, at + 1);
  return at;
}

/** True when a term needs findTerm's word-start rule (a plain indexOf will not do). */
export function isShortTerm(term: string): boolean {
  return term.length <= 2 && LETTER.test(term);
}
