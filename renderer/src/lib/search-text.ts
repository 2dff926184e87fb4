// The searchable text of an extension: which fields, in which order, and accent folding that
// keeps string length (so match offsets in folded text are offsets in the displayed text).
import uFuzzy from '@leeoniya/ufuzzy';
import type { CallerId, Extension } from '../../../electron/core/shared/domain.js';

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

/** Visits the searchable fields of one extension, in haystack order (number and name first). */
function eachField(ext: Extension, visit: (label: string, text: string) => void): void {
  visit('Number', ext.number);
  visit('Name', ext.name);
  if (ext.email) visit('Email', ext.email);
  if (ext.internalCid) callerId('Internal caller ID', ext.internalCid, visit);
  if (ext.externalCid) callerId('External caller ID', ext.externalCid, visit);
  if (ext.emergencyCid) callerId('Emergency caller ID', ext.emergencyCid, visit);
  for (const d of ext.devices) visit('Device', d.user && d.user !== d.name ? `${d.name} ${d.user}` : d.name);
  for (const q of ext.queues) visit('Queue', q.name);
}

function callerId(label: string, cid: CallerId, visit: (label: string, text: string) => void): void {
  if (cid.name || cid.number) visit(label, `${cid.name} ${cid.number}`.trim());
}

/** The searchable fields of one extension, in haystack order (number and name first). */
export function fieldsOf(ext: Extension): { label: string; text: string }[] {
  const fields: { label: string; text: string }[] = [];
  eachField(ext, (label, text) => fields.push({ label, text }));
  return fields;
}

/**
 * The fields joined by SEP, each text once: caller IDs mostly repeat "name number", and every
 * character here is scanned at each keystroke. Number and name always come first.
 */
export function searchText(ext: Extension): string {
  const seen: string[] = [];
  let out = '';
  eachField(ext, (_label, text) => {
    if (seen.length >= 2 && seen.includes(text)) return;
    out = seen.length === 0 ? text : out + SEP + text;
    seen.push(text);
  });
  return out;
}
