// The search fixes a trial asked for: device technologies find extensions, one- and two-letter
// terms match at word starts only (never inside e-mail domains), and a caller ID shared by most
// of the tenant is neither matched nor reported as one person's number.
import { describe, expect, it } from 'vitest';
import { DirectorySearch, buildIndex } from '../../../renderer/src/lib/search.js';
import { highlight } from '../../../renderer/src/lib/search-highlight.js';
import { findTerm, sharedCallerIds } from '../../../renderer/src/lib/search-text.js';
import type { Extension } from '../../../electron/core/shared/domain.js';
import { makeExtension } from './make-extensions.js';

const numbers = (s: DirectorySearch, q: string) => (s.run(q) ?? []).map((i) => s.index.extensions[i]!.number);

function withDevice(i: number, technology: string, over: Partial<Extension> = {}): Extension {
  const base = makeExtension(i, over);
  const device = { ...base.devices[0]!, name: `desk-${base.number}`, technology };
  return { ...base, devices: [device] };
}

describe('device technology', () => {
  const s = new DirectorySearch(
    buildIndex([withDevice(0, 'pjsip'), withDevice(1, 'sip'), withDevice(2, 'iax2'), withDevice(3, 'pjsip')]),
  );
  it('finds extensions by pjsip, sip and iax2', () => {
    expect(numbers(s, 'iax2')).toEqual(['102']);
    expect(numbers(s, 'pjsip').sort()).toEqual(['100', '103']);
    // "sip" is in "pjsip" too: an agent typing it means SIP devices of either kind.
    expect(numbers(s, 'sip').sort()).toEqual(['100', '101', '103']);
  });
  it('reports the device as the reason for the match', () => {
    const h = highlight(s.index.extensions[2]!, 'iax2');
    expect(h.other?.label).toBe('device');
    expect(h.other?.text).toBe('iax2 desk-102 dev102');
  });
});

describe('short terms', () => {
  const s = new DirectorySearch(
    buildIndex([
      makeExtension(0, { number: '100', name: 'Ana Lopez', email: 'ana@contoso.com', internalCid: null }),
      makeExtension(1, { number: '101', name: 'Colin Hart', email: 'colin@example.com', internalCid: null }),
      makeExtension(2, { number: '102', name: 'Majority Bot', email: 'bot@example.com', internalCid: null }),
      makeExtension(3, { number: '103', name: 'Jo Park', email: 'jo@example.com', internalCid: null }),
    ]),
  );
  it('matches one or two letters at word starts only, not in e-mail domains', () => {
    expect(numbers(s, 'co')).toEqual(['101']);
    expect(numbers(s, 'jo')).toEqual(['103']);
    expect(numbers(s, 'c')).toEqual(['101']);
    expect(findTerm('ana@contoso.com', 'co')).toBe(-1);
    expect(findTerm('x • contoso', 'co')).toBe(4);
  });
  it('still matches digits and longer terms anywhere', () => {
    expect(numbers(s, '01')).toEqual(['101']);
    expect(numbers(s, 'jori').sort()).toEqual(['102']);
  });
  it('widens again when a short term grows past two letters', () => {
    // "co" matched one row at a word start; "con" matches inside "contoso" as well.
    expect(numbers(s, 'co')).toEqual(['101']);
    expect(numbers(s, 'con').sort()).toEqual(['100']);
    expect(numbers(s, 'col')).toEqual(['101']);
  });
  it('marks the word-start occurrence', () => {
    expect(highlight(s.index.extensions[3]!, 'jo').name).toEqual([0, 2]);
  });
});

describe('shared caller IDs', () => {
  const company = { name: 'Acme', number: '+15550000' };
  const exts = Array.from({ length: 10 }, (_, i) =>
    makeExtension(
      i,
      i < 6 ? { externalCid: company } : { externalCid: { name: 'Own', number: `+1555100${i}` } },
    ),
  );
  const s = new DirectorySearch(buildIndex(exts));
  it('finds the numbers most of the tenant shares', () => {
    expect([...sharedCallerIds(exts)]).toEqual(['+15550000']);
    expect([...sharedCallerIds(exts.slice(6))]).toEqual([]);
  });
  it('does not match the shared number, but does match a personal one', () => {
    expect(numbers(s, '15550000')).toEqual([]);
    expect(numbers(s, '+15551007')).toEqual(['107']);
  });
  it('keeps the caller ID name searchable and never names the shared number as the reason', () => {
    expect(numbers(s, 'acme')).toHaveLength(6);
    const h = highlight(exts[0]!, 'acme', s.index.shared);
    expect(h.other).toEqual({ label: 'externalCid', text: 'Acme', ranges: [0, 4] });
  });
});

describe('international numbers', () => {
  it('searches a number typed with its leading + (uFuzzy took it for a regex operator)', () => {
    const s = new DirectorySearch(
      buildIndex([makeExtension(0, { externalCid: { name: 'Me', number: '+34911' } })]),
    );
    expect(numbers(s, '+34911')).toEqual(['100']);
    expect(highlight(s.index.extensions[0]!, '+34911').other?.label).toBe('externalCid');
  });
});
