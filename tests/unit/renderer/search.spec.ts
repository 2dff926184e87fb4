// The directory search: accent folding, typo tolerance, every searchable field, ranking, narrowing
// while typing, and highlight ranges that point at the displayed text.
import { describe, expect, it } from 'vitest';
import { DirectorySearch, buildIndex, normalizeQuery, sortSubset } from '../../../renderer/src/lib/search.js';
import { highlight, splitByRanges } from '../../../renderer/src/lib/search-highlight.js';
import { fieldsOf, fold, searchText } from '../../../renderer/src/lib/search-text.js';
import { makeDirectory, makeExtension } from './make-extensions.js';

const names = (s: DirectorySearch, q: string) => (s.run(q) ?? []).map((i) => s.index.extensions[i]!.name);
const numbers = (s: DirectorySearch, q: string) => (s.run(q) ?? []).map((i) => s.index.extensions[i]!.number);

function small() {
  return new DirectorySearch(
    buildIndex([
      makeExtension(0, { number: '205', name: 'José Núñez', email: 'jose@example.com' }),
      makeExtension(1, { number: '101', name: 'John Smith', email: 'jsmith@example.com' }),
      makeExtension(2, { number: '1010', name: 'Zoë Weiß', email: null }),
      makeExtension(3, { number: '300', name: 'Søren Müller', email: 'soren@example.com' }),
      makeExtension(4, { number: '401', name: '王伟', email: null, queues: [] }),
      makeExtension(5, {
        number: '500',
        name: 'Reception',
        email: 'frontdesk@example.com',
        externalCid: { name: 'Main Line', number: '+34911234567' },
        devices: [
          {
            id: 'd',
            name: 'lobby-phone',
            user: 'rx500',
            description: '',
            technology: 'pjsip',
            ring: true,
            assignedExtension: '500',
          },
        ],
        queues: [{ id: 'q9', name: 'Front Desk Overflow', penalty: 0 }],
      }),
    ]),
  );
}

describe('fold', () => {
  it('removes accents without changing the length', () => {
    for (const s of ['José Núñez', 'Zoë Weiß', 'Søren Łukasz', 'Dvořák', '王伟', '민준', 'محمد']) {
      expect(fold(s)).toHaveLength(s.length);
    }
    expect(fold('José Núñez')).toBe('Jose Nunez');
    expect(fold('Søren Dvořák Łukasz')).toBe('Soren Dvorak Lukasz');
  });
  it('keeps characters outside the BMP and unknown letters as they are', () => {
    expect(fold('Ana 😀 Ōta')).toBe('Ana 😀 Ota');
    expect(fold('😀é')).toBe('😀e');
    expect(fold('Ωμέγα')).toHaveLength('Ωμέγα'.length);
  });
  it('normalises a query to folded lower-case terms', () => {
    expect(normalizeQuery('  JOSÉ   Núñez ')).toBe('jose nunez');
    expect(normalizeQuery('   ')).toBe('');
  });
});

describe('DirectorySearch', () => {
  it('returns null for an empty query (show everything)', () => {
    expect(small().run('  ')).toBeNull();
  });
  it('is case- and accent-insensitive in both directions', () => {
    const s = small();
    expect(names(s, 'jose')).toContain('José Núñez');
    expect(names(s, 'NUNEZ')).toContain('José Núñez');
    expect(names(s, 'núñez')).toContain('José Núñez');
    expect(names(s, 'muller')).toEqual(['Søren Müller']);
    expect(names(s, 'soren')).toContain('Søren Müller');
  });
  it('tolerates a single typo', () => {
    const s = small();
    expect(names(s, 'jhon')).toContain('John Smith');
    expect(names(s, 'smiht')).toContain('John Smith');
    expect(names(s, 'recpetion')).toContain('Reception');
  });
  it('searches e-mail, caller IDs, devices, device users and queue names', () => {
    const s = small();
    expect(names(s, 'frontdesk@')).toEqual(['Reception']);
    expect(names(s, '911234')).toEqual(['Reception']);
    expect(names(s, 'main line')).toEqual(['Reception']);
    expect(names(s, 'lobby-phone')).toEqual(['Reception']);
    expect(names(s, 'rx500')).toEqual(['Reception']);
    expect(names(s, 'overflow')).toEqual(['Reception']);
  });
  it('finds non-Latin names', () => {
    expect(names(small(), '王')).toEqual(['王伟']);
  });
  it('puts the exact number first', () => {
    const s = small();
    expect(numbers(s, '101')[0]).toBe('101');
    expect(numbers(s, '1010')[0]).toBe('1010');
  });
  it('returns nothing for a query that matches nothing', () => {
    expect(small().run('qqqxyz')).toEqual([]);
  });
  it('gives the same results when typed one key at a time as when pasted', () => {
    const index = buildIndex(makeDirectory(3000));
    for (const word of ['jose nunez', 'user12', 'helene lef', 'zzz', 'sales']) {
      const typed = new DirectorySearch(index);
      let last: number[] | null = null;
      for (let k = 1; k <= word.length; k++) last = typed.run(word.slice(0, k));
      const pasted = new DirectorySearch(index).run(word);
      expect(new Set(last)).toEqual(new Set(pasted));
    }
    // Deleting characters widens the results again.
    const s = new DirectorySearch(index);
    const narrow = s.run('user123')!.length;
    expect(s.run('user1')!.length).toBeGreaterThan(narrow);
  });
});

describe('index', () => {
  it('joins the same fields that highlighting reports, each text once', () => {
    for (const ext of [...makeDirectory(40), ...small().index.extensions]) {
      const texts = fieldsOf(ext).map((f) => f.text);
      const unique = [
        ...texts.slice(0, 2),
        ...new Set(texts.slice(2).filter((t) => !texts.slice(0, 2).includes(t))),
      ];
      expect(searchText(ext)).toBe(unique.join(' \u2022 '));
    }
    const cid = { name: 'Ana', number: '7' };
    const ext = makeExtension(7, {
      number: '7',
      name: 'Ana',
      internalCid: cid,
      externalCid: cid,
      emergencyCid: cid,
    });
    expect(fieldsOf(ext)).toHaveLength(7);
    expect(searchText(ext).split(' \u2022 ')).toEqual([
      '7',
      'Ana',
      'user7@example.com',
      'Ana 7',
      'PJSIP/107 dev107',
    ]);
  });
  it('answers the same whether it was warmed in slices, fully, or not at all', () => {
    const exts = makeDirectory(2000).reverse();
    const sliced = buildIndex(exts);
    let slices = 0;
    while (!sliced.warm(0)) slices++;
    expect(slices).toBeGreaterThan(1);
    const lazy = buildIndex(exts);
    for (const q of ['jose', 'smiht', '1234', 'night shift']) {
      const a = new DirectorySearch(sliced).run(q);
      expect(a!.length).toBeGreaterThan(0);
      expect(new DirectorySearch(lazy).run(q)).toEqual(a);
    }
    expect(Array.from(lazy.byName)).toEqual(Array.from(sliced.byName));
  });
});

describe('ordering', () => {
  it('orders the index by number and sorts subsets by name or number', () => {
    const s = small();
    expect(s.index.extensions.map((e) => e.number)).toEqual(['101', '205', '300', '401', '500', '1010']);
    const all = s.index.extensions.map((_, i) => i);
    const byName = sortSubset(s.index, all.slice().reverse(), 'name').map((i) => s.index.extensions[i]!.name);
    expect(byName.slice(0, 3)).toEqual(['John Smith', 'José Núñez', 'Reception']);
    const byNumber = sortSubset(s.index, all.slice().reverse(), 'number');
    expect(byNumber).toEqual(all);
  });
});

describe('highlight', () => {
  it('marks the matched characters of the displayed name, accents included', () => {
    const ext = makeExtension(0, { number: '205', name: 'José Núñez' });
    const h = highlight(ext, 'jose')!;
    expect(splitByRanges(ext.name, h.name)).toEqual([
      { text: 'José', mark: true },
      { text: ' Núñez', mark: false },
    ]);
    expect(h.other).toBeNull();
  });
  it('marks the number', () => {
    const h = highlight(makeExtension(0, { number: '205', name: 'A' }), '20');
    expect(h.number).toEqual([0, 2]);
  });
  it('names the other field that matched', () => {
    const ext = makeExtension(0, { number: '9', name: 'Reception', email: 'frontdesk@example.com' });
    const h = highlight(ext, 'frontdesk');
    expect(h.other?.label).toBe('email');
    expect(splitByRanges(h.other!.text, h.other!.ranges)[0]).toEqual({ text: 'frontdesk', mark: true });
  });
  it('returns no ranges for an empty query', () => {
    expect(highlight(makeExtension(0), '')).toEqual({ number: [], name: [], other: null });
  });
});
