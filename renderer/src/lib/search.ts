// Directory search: typo-tolerant, case- and accent-insensitive matching over every field an
// agent may remember (number, name, e-mail, caller IDs, device names and users, queue names).
// The haystack is folded once per directory load so a keystroke only runs the matcher; sort
// orders are precomputed as index arrays for the same reason. Plain TS, no Svelte, unit-tested.
import uFuzzy from '@leeoniya/ufuzzy';
import type { Extension } from '../../../electron/core/shared/domain.js';

/** Half-open [start, end) ranges of matched characters in a displayed string. */
export type Ranges = number[];

export interface SearchIndex {
  /** The directory ordered by number, so unranked matches come out in number order for free. */
  readonly extensions: readonly Extension[];
  /** One folded string of every searchable field per extension (exact matching). */
  readonly haystack: string[];
  /** The same, lower-cased: the exact pass is a plain indexOf scan over these. */
  readonly lower: string[];
  /** Folded "number name" per extension: the typo-tolerant pass scans only this, being costlier. */
  readonly short: string[];
  /** Extension indexes ordered by name (locale-aware), and each index's position in it. */
  readonly byName: Int32Array;
  readonly nameRank: Int32Array;
}

export interface FieldMatch {
  label: string;
  text: string;
  ranges: Ranges;
}

export interface RowHighlight {
  number: Ranges;
  name: Ranges;
  /** The first other field that matched, when neither number nor name did. */
  other: FieldMatch | null;
}

const SEP = ' \u2022 ';

// Unicode letters so CJK, Hangul and Arabic names are searchable too (the default is a-z only).
const fuzzy = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d'@.+]+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d'@.]",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 1,
  intraIns: 1,
  intraSub: 1,
  intraTrn: 1,
  intraDel: 1,
});
// Exact (substring-per-term) matcher tried first: fast, and typo matching only runs when it
// finds little, so "101" never drowns in fuzzy noise.
const exact = new uFuzzy({
  unicode: true,
  interSplit: "[^\\p{L}\\d'@.+]+",
  intraSplit: '\\p{Ll}\\p{Lu}',
  intraBound: '\\p{Ll}\\p{Lu}',
  intraChars: "[\\p{L}\\d'@.]",
  intraContr: "'\\p{L}{1,2}\\b",
  intraMode: 0,
  intraIns: 0,
});

/** Rank at most this many matches; beyond it the (number-ordered) filter order is kept. */
const RANK_LIMIT = 500;
/** When the exact pass finds fewer than this, the typo-tolerant pass adds its matches. */
const FUZZY_BELOW = 20;

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
const NON_ASCII = /[^ -~\t\n\r]/;

/**
 * Folds accents without changing the length, so match offsets in the folded text are offsets in
 * the displayed text: uFuzzy's latinize first, then NFD-stripping for what it does not know.
 */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const latin = uFuzzy.latinize(text);
  if (!NON_ASCII.test(latin)) return latin;
  let out = '';
  for (const ch of latin) {
    if (ch.charCodeAt(0) < 128) {
      out += ch;
      continue;
    }
    const extra = EXTRA[ch];
    if (extra) {
      out += extra;
      continue;
    }
    const stripped = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += stripped.length === ch.length ? stripped : ch;
  }
  return out;
}

/** The searchable fields of one extension, in haystack order (number and name first). */
export function fieldsOf(ext: Extension): { label: string; text: string }[] {
  const fields = [
    { label: 'Number', text: ext.number },
    { label: 'Name', text: ext.name },
  ];
  if (ext.email) fields.push({ label: 'Email', text: ext.email });
  for (const [label, cid] of [
    ['Internal caller ID', ext.internalCid],
    ['External caller ID', ext.externalCid],
    ['Emergency caller ID', ext.emergencyCid],
  ] as const) {
    if (cid && (cid.name || cid.number)) fields.push({ label, text: `${cid.name} ${cid.number}`.trim() });
  }
  for (const d of ext.devices) {
    fields.push({ label: 'Device', text: d.user && d.user !== d.name ? `${d.name} ${d.user}` : d.name });
  }
  for (const q of ext.queues) fields.push({ label: 'Queue', text: q.name });
  return fields;
}

function compareNumbers(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildIndex(input: readonly Extension[]): SearchIndex {
  const extensions = input.slice().sort((a, b) => compareNumbers(a.number, b.number));
  const n = extensions.length;
  const haystack = new Array<string>(n);
  const lower = new Array<string>(n);
  const short = new Array<string>(n);
  const nameKeys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const ext = extensions[i] as Extension;
    haystack[i] = fold(
      fieldsOf(ext)
        .map((f) => f.text)
        .join(SEP),
    );
    lower[i] = haystack[i]!.toLowerCase();
    nameKeys[i] = fold(ext.name);
    short[i] = `${ext.number}${SEP}${nameKeys[i]}`;
  }
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const byName = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => collator.compare(nameKeys[a]!, nameKeys[b]!) || a - b,
  );
  const nameRank = new Int32Array(n);
  for (let r = 0; r < n; r++) nameRank[byName[r]!] = r;
  return { extensions, haystack, lower, short, byName, nameRank };
}

const TERM_SPLIT = /[^\p{L}\d'@.+]+/u;

/** The query as folded, lower-cased terms, joined by single spaces (what both passes match). */
export function normalizeQuery(query: string): string {
  return fold(query)
    .toLowerCase()
    .split(TERM_SPLIT)
    .filter((t) => t.length > 0)
    .join(' ');
}

/** Entries containing every term, in order, as plain substrings. */
function exactFilter(lower: string[], terms: string[], within?: number[]): number[] {
  const out: number[] = [];
  const test = (s: string): boolean => {
    let pos = 0;
    for (const t of terms) {
      const at = s.indexOf(t, pos);
      if (at < 0) return false;
      pos = at + t.length;
    }
    return true;
  };
  if (within) {
    for (const i of within) if (test(lower[i]!)) out.push(i);
  } else {
    for (let i = 0; i < lower.length; i++) if (test(lower[i]!)) out.push(i);
  }
  return out;
}

function ranked(matcher: uFuzzy, hay: string[], idxs: number[], needle: string): number[] {
  if (idxs.length > RANK_LIMIT) return idxs.slice();
  const info = matcher.info(idxs, hay, needle);
  const order = matcher.sort(info, hay, needle);
  const out = new Array<number>(order.length);
  for (let i = 0; i < order.length; i++) out[i] = info.idx[order[i]!]!;
  return out;
}

/**
 * Runs queries against one directory. Keeps the previous exact matches so that typing one more
 * character only re-tests the entries that matched before (the common case while typing).
 */
export class DirectorySearch {
  private last: { needle: string; idxs: number[] } | null = null;

  constructor(readonly index: SearchIndex) {}

  /** Matching indexes into index.extensions, best first; null for an empty query (show all). */
  run(query: string): number[] | null {
    const needle = normalizeQuery(query);
    if (!needle) {
      this.last = null;
      return null;
    }
    const { haystack, lower, short, extensions } = this.index;
    // A longer query can only match a subset of what the shorter one matched.
    const prev = this.last && needle.startsWith(this.last.needle) ? this.last.idxs : undefined;
    const found = prev?.length === 0 ? [] : exactFilter(lower, needle.split(' '), prev);
    this.last = { needle, idxs: found };
    let out = ranked(exact, haystack, found, needle);
    if (found.length < FUZZY_BELOW) {
      const typos = fuzzy.filter(short, needle) ?? [];
      if (typos.length > 0) {
        const seen = new Set(found);
        const extra = typos.filter((i) => !seen.has(i));
        out = out.concat(ranked(fuzzy, short, extra, needle));
      }
    }
    // A whole-number hit goes first: an agent typing "101" means extension 101.
    const hit = out.findIndex((i) => extensions[i]!.number === needle);
    if (hit > 0) out.unshift(...out.splice(hit, 1));
    return out;
  }
}

/** Sorts a result subset in place by name or number (number order is index order). */
export function sortSubset(index: SearchIndex, idxs: number[], by: 'name' | 'number'): number[] {
  if (by === 'number') return idxs.sort((a, b) => a - b);
  const rank = index.nameRank;
  return idxs.sort((a, b) => rank[a]! - rank[b]!);
}

function exactRanges(lower: string, terms: string[]): number[] | undefined {
  const out: number[] = [];
  let pos = 0;
  for (const t of terms) {
    const at = lower.indexOf(t, pos);
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
export function highlight(ext: Extension, query: string): RowHighlight {
  const none: RowHighlight = { number: [], name: [], other: null };
  const needle = normalizeQuery(query);
  if (!needle) return none;
  const fields = fieldsOf(ext);
  const joined = fields.map((f) => f.text).join(SEP);
  const folded = fold(joined);
  const lower = folded.toLowerCase();
  // The exact pass is plain indexOf, so its ranges are found the same way (cheap: this runs for
  // every row on screen at each keystroke); only typo matches need the fuzzy matcher.
  let ranges = lower.length === folded.length ? exactRanges(lower, needle.split(' ')) : undefined;
  if (!ranges) {
    const hay = [folded];
    const idxs = fuzzy.filter(hay, needle);
    if (idxs && idxs.length > 0) ranges = fuzzy.info(idxs, hay, needle).ranges[0];
  }
  if (!ranges) return none;
  let offset = 0;
  const found: FieldMatch[] = [];
  for (const f of fields) {
    const r = rangesWithin(ranges, offset, f.text.length);
    if (r.length > 0) found.push({ label: f.label, text: f.text, ranges: r });
    offset += f.text.length + SEP.length;
  }
  const num = found.find((f) => f.label === 'Number');
  const name = found.find((f) => f.label === 'Name');
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
