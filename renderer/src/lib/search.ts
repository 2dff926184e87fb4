// Directory search: typo-tolerant, case- and accent-insensitive matching over every field an
// agent may remember (number, name, e-mail, caller IDs, device names and users, queue names).
// The haystack is folded once per directory load (after the list is painted, see DirectoryIndex)
// so a keystroke only runs the matcher; sort orders are kept as index arrays for the same
// reason. Plain TS, no Svelte, unit-tested.
import uFuzzy from '@leeoniya/ufuzzy';
import type { Extension } from '../../../electron/core/shared/domain.js';
import {
  findTerm,
  fold,
  isShortTerm,
  searchText,
  SEP,
  sharedCallerIds,
  type SharedNumbers,
} from './search-text.js';

/** Half-open [start, end) ranges of matched characters in a displayed string. */
export type Ranges = number[];

export interface SearchIndex {
  /** The directory ordered by number (then the contacts by number), so unranked matches come out
   *  in that order for free. */
  readonly extensions: readonly Extension[];
  /** The folded, lower-cased searchable fields per extension: the exact pass scans these. */
  readonly lower: string[];
  /** Folded "number name" per extension: the typo-tolerant pass scans only this, being costlier. */
  readonly short: string[];
  /** Extension indexes ordered by name (collated for `locale`), and each index's position in it. */
  readonly byName: Int32Array;
  readonly nameRank: Int32Array;
  /** Caller ID numbers shared by most of the tenant, left out of the search (see search-text). */
  readonly shared: SharedNumbers;
  /** Name order for this language from now on; true when that changed it (a new order is due). */
  setLocale(locale: string): boolean;
  /** The index of the extension with this number (the first, should a number repeat). */
  numberAt(number: string): number | undefined;
  /**
   * Builds the next part of the search strings in about `budgetMs`; true once all are built.
   * Reading `lower` or `short` before that builds the rest at once.
   */
  warm(budgetMs: number): boolean;
}

// Unicode letters so CJK, Hangul and Arabic names are searchable too (the default is a-z only).
export const fuzzy = new uFuzzy({
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

function compareNumbers(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The directory in number order at once (what the first paint needs); the search strings and the
 * name order when first needed, or ahead of that in slices through warm(). At 100,000
 * extensions the strings take a few hundred milliseconds: building them before the list shows
 * would delay the first paint by that much.
 */
class DirectoryIndex implements SearchIndex {
  readonly extensions: readonly Extension[];
  #lower: string[];
  #short: string[];
  #built = 0;
  #byName: Int32Array | null = null;
  #nameRank: Int32Array | null = null;
  #locale: string | undefined;
  // Filled with the search strings: built on the first keystroke instead, it cost that keystroke
  // ~100 ms at 100,000 extensions.
  #numbers = new Map<string, number>();
  #shared: SharedNumbers | null = null;

  constructor(input: readonly Extension[], after: readonly Extension[] = [], locale?: string) {
    this.#locale = locale;
    let sorted = true;
    for (let i = 1; i < input.length && sorted; i++) {
      sorted = compareNumbers(input[i - 1]!.number, input[i]!.number) <= 0;
    }
    const byNumber = (list: readonly Extension[]) =>
      list.slice().sort((a, b) => compareNumbers(a.number, b.number));
    const main = sorted ? input : byNumber(input);
    this.extensions = after.length ? [...main, ...byNumber(after)] : main;
    const n = this.extensions.length;
    this.#lower = new Array<string>(n);
    this.#short = new Array<string>(n);
  }

  warm(budgetMs: number): boolean {
    const n = this.extensions.length;
    const end = performance.now() + budgetMs;
    while (this.#built < n) {
      const stop = Math.min(n, this.#built + 256);
      for (let i = this.#built; i < stop; i++) this.#add(i);
      this.#built = stop;
      if (performance.now() >= end) break;
    }
    return this.#built === n;
  }

  get shared(): SharedNumbers {
    return (this.#shared ??= sharedCallerIds(this.extensions));
  }

  #add(i: number): void {
    const ext = this.extensions[i]!;
    if (!this.#numbers.has(ext.number)) this.#numbers.set(ext.number, i);
    const folded = fold(searchText(ext, this.shared));
    const lower = folded.toLowerCase();
    this.#lower[i] = lower;
    // "number • name" is the start of the haystack: a slice shares its characters, no copy.
    const nameEnd = ext.number.length + SEP.length + ext.name.length;
    this.#short[i] =
      lower.length === folded.length
        ? lower.slice(0, nameEnd)
        : `${ext.number}${SEP}${fold(ext.name).toLowerCase()}`;
  }

  setLocale(locale: string): boolean {
    if (locale === this.#locale) return false;
    this.#locale = locale;
    this.#byName = null;
    this.#nameRank = null;
    return true;
  }

  numberAt(number: string): number | undefined {
    this.warm(Infinity);
    return this.#numbers.get(number);
  }

  get lower(): string[] {
    this.warm(Infinity);
    return this.#lower;
  }

  get short(): string[] {
    this.warm(Infinity);
    return this.#short;
  }

  get byName(): Int32Array {
    if (!this.#byName) {
      // Name keys from the lower-cased haystack: the collator ignores case and accents anyway.
      const names = this.short.map((s, i) => s.slice(this.extensions[i]!.number.length + SEP.length));
      const collator = new Intl.Collator(this.#locale, { sensitivity: 'base', numeric: true });
      this.#byName = Int32Array.from({ length: names.length }, (_, i) => i).sort(
        (a, b) => collator.compare(names[a]!, names[b]!) || a - b,
      );
    }
    return this.#byName;
  }

  get nameRank(): Int32Array {
    if (!this.#nameRank) {
      const byName = this.byName;
      this.#nameRank = new Int32Array(byName.length);
      for (let r = 0; r < byName.length; r++) this.#nameRank[byName[r]!] = r;
    }
    return this.#nameRank;
  }
}

/**
 * An index over the directory; its search strings are built lazily (see DirectoryIndex).
 * `after` (phonebook contacts) is searched alike but listed after every extension in number
 * order, so an agent's colleagues never sink below the phonebook. `locale` orders names.
 */
export function buildIndex(
  input: readonly Extension[],
  after: readonly Extension[] = [],
  locale?: string,
): SearchIndex {
  return new DirectoryIndex(input, after, locale);
}

const DIGITS = /^[\d+]+$/;
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
  const n = within ? within.length : lower.length;
  // One term (most keystrokes) is a bare indexOf per entry: the first key scans all 100,000.
  const only = terms.length === 1 && !isShortTerm(terms[0]!) ? terms[0]! : null;
  for (let k = 0; k < n; k++) {
    const i = within ? within[k]! : k;
    const s = lower[i]!;
    if (only !== null ? s.includes(only) : containsInOrder(s, terms)) out.push(i);
  }
  return out;
}

function containsInOrder(s: string, terms: string[]): boolean {
  let pos = 0;
  for (const t of terms) {
    const at = findTerm(s, t, pos);
    if (at < 0) return false;
    pos = at + t.length;
  }
  return true;
}

/**
 * The needle as uFuzzy may take it: it builds regular expressions from the terms unescaped, and a
 * "+" (kept in terms for international numbers) threw "Nothing to repeat".
 */
export function fuzzyNeedle(needle: string): string {
  return needle.replace(/\+/g, '').trim();
}

function ranked(matcher: uFuzzy, hay: string[], idxs: number[], query: string): number[] {
  const needle = fuzzyNeedle(query);
  if (idxs.length > RANK_LIMIT || !needle) return idxs.slice();
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
    const { lower, short } = this.index;
    // A longer query can only match a subset of what the shorter one matched; not so after a
    // short term (matched at word starts only) grows into one matched anywhere.
    const prev =
      this.last && needle.startsWith(this.last.needle) && !this.last.needle.split(' ').some(isShortTerm)
        ? this.last.idxs
        : undefined;
    const terms = needle.split(' ');
    const found = prev?.length === 0 ? [] : exactFilter(lower, terms, prev);
    this.last = { needle, idxs: found };
    let out = ranked(exact, lower, found, needle);
    // uFuzzy matches digits and terms of one or two letters exactly: the exact pass has them all.
    if (found.length < FUZZY_BELOW && terms.some((t) => t.length >= 3 && !DIGITS.test(t))) {
      const typos = fuzzy.filter(short, fuzzyNeedle(needle)) ?? [];
      if (typos.length > 0) {
        const seen = new Set(found);
        const extra = typos.filter((i) => !seen.has(i));
        out = out.concat(ranked(fuzzy, short, extra, needle));
      }
    }
    // A whole-number hit goes first: an agent typing "101" means extension 101. Looked up, not
    // searched for: `out` can hold the whole directory.
    const exactNumber = this.index.numberAt(needle);
    const hit = exactNumber === undefined ? -1 : out.indexOf(exactNumber);
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
