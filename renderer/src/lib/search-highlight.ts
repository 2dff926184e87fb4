// Which characters of a row matched the query, for <mark>: computed only for rows on screen.
import type { Extension } from '../../../electron/core/shared/domain.js';
import { fuzzy, fuzzyNeedle, normalizeQuery, type Ranges } from './search.js';
import { fieldsOf, findTerm, fold, SEP, type SharedNumbers, type FieldKey } from './search-text.js';

export interface FieldMatch {
  label: FieldKey;
  text: string;
  ranges: Ranges;
}

export interface RowHighlight {
  number: Ranges;
  name: Ranges;
  /** The first other field that matched, when neither number nor name did. */
  other: FieldMatch | null;
}

function exactRanges(lower: string, terms: string[]): number[] | undefined {
  const out: number[] = [];
  let pos = 0;
  for (const t of terms) {
    const at = findTerm(lower, t, pos);
    if (at < 0) return undefined;
    out.push(at, at + t.length);
    pos = at + t.length;
  }
  return out;
}

function rangesWithin(all: number[], from: number, len: number): Ranges {
  const out: Ranges = [];
  for (let i = 0; i + 1 < all.length; i += 2) {
    const s = Math.max(all[i]!, from);
    const e = Math.min(all[i + 1]!, from + len);
    if (e > s) out.push(s - from, e - from);
  }
  return out;
}

/** Which characters of one row matched the query (computed only for rows on screen). */
export function highlight(ext: Extension, query: string, shared?: SharedNumbers | undefined): RowHighlight {
  const none: RowHighlight = { number: [], name: [], other: null };
  const needle = normalizeQuery(query);
  if (!needle) return none;
  const fields = fieldsOf(ext, shared);
  const joined = fields.map((f) => f.text).join(SEP);
  const folded = fold(joined);
  const lower = folded.toLowerCase();
  // The exact pass is plain indexOf, so its ranges are found the same way (cheap: this runs for
  // every row on screen at each keystroke); only typo matches need the fuzzy matcher.
  let ranges = lower.length === folded.length ? exactRanges(lower, needle.split(' ')) : undefined;
  const loose = fuzzyNeedle(needle);
  if (!ranges && loose) {
    const hay = [folded];
    const idxs = fuzzy.filter(hay, loose);
    if (idxs && idxs.length > 0) ranges = fuzzy.info(idxs, hay, loose).ranges[0];
  }
  if (!ranges) return none;
  let offset = 0;
  const found: FieldMatch[] = [];
  for (const f of fields) {
    const r = rangesWithin(ranges, offset, f.text.length);
    if (r.length > 0) found.push({ label: f.label, text: f.text, ranges: r });
    offset += f.text.length + SEP.length;
  }
  const num = found.find((f) => f.label === 'number');
  const name = found.find((f) => f.label === 'name');
  return {
    number: num?.ranges ?? [],
    name: name?.ranges ?? [],
    other: num || name ? null : (found[0] ?? null),
  };
}

/** Splits text into plain and matched parts, for rendering as text nodes and <mark>. */
export function splitByRanges(text: string, ranges: Ranges): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let pos = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    const s = ranges[i]!;
    const e = ranges[i + 1]!;
    if (s > pos) parts.push({ text: text.slice(pos, s), mark: false });
    if (e > s) parts.push({ text: text.slice(s, e), mark: true });
    pos = Math.max(pos, e);
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), mark: false });
  return parts;
}
