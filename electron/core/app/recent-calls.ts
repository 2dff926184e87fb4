// Turns an extension's call records into the Recent calls list: which way each call went, the
// other party's number and name (from the directory first, then the phonebook contacts, then
// the caller ID the PBX recorded), and whether it was missed.
import type { CdrResult } from '../pbx/cdr-fetch.js';
import type { Contact } from '../shared/agent-domain.js';
import type { RecentCall, RecentCalls } from '../shared/agent-contract.js';
import type { Extension } from '../shared/domain.js';

/** Spaces, dashes, dots and brackets dropped, a leading + kept; nothing else is invented. */
export function normalizeNumber(raw: string): string {
  return raw.trim().replace(/[\s().-]/g, '');
}

/** Digits only, for matching a number written one way against the same number written another. */
function digits(n: string): string {
  return n.replace(/\D/g, '');
}

export class NameBook {
  readonly #extensions = new Map<string, Extension>();
  readonly #contacts = new Map<string, Contact>();

  constructor(extensions: readonly Extension[], contacts: readonly Contact[]) {
    for (const e of extensions) this.#extensions.set(e.number, e);
    for (const c of contacts) {
      const d = c.telephone ? digits(c.telephone) : '';
      if (d.length >= 3 && !this.#contacts.has(d)) this.#contacts.set(d, c);
    }
  }

  lookup(number: string): {
    name: string;
    source: 'directory' | 'contact';
    extensionId: string | null;
    contactKey: string | null;
  } | null {
    const ext = this.#extensions.get(number);
    if (ext) return { name: ext.name, source: 'directory', extensionId: ext.id, contactKey: null };
    const d = digits(number);
    // A national number in the CDR and an international one in the phonebook: the longer ends
    // with the shorter (at least 7 digits, so short extensions never match a phone number).
    let contact = this.#contacts.get(d);
    if (!contact && d.length >= 7) {
      for (const [k, c] of this.#contacts) {
        if (k.length >= 7 && (k.endsWith(d) || d.endsWith(k))) {
          contact = c;
          break;
        }
      }
    }
    return contact
      ? { name: contact.name, source: 'contact', extensionId: null, contactKey: contact.key }
      : null;
  }
}

export function toRecentCalls(
  extension: string,
  range: { since: number; until: number },
  result: CdrResult,
  names: NameBook,
  fetchedAt: number,
): RecentCalls {
  const calls: RecentCall[] = result.rows.map((r) => {
    const out = r.src === extension || (r.src === '' && r.clid.number === extension);
    const number = out ? r.dst : r.src || r.clid.number;
    const found = names.lookup(number);
    const cidName = !out && r.clid.name ? r.clid.name : null;
    return {
      uniqueid: r.uniqueid,
      at: r.calldate,
      direction: out ? 'out' : 'in',
      calltype: r.calltype,
      number,
      name: found?.name ?? cidName,
      nameSource: found?.source ?? (cidName ? 'callerid' : null),
      extensionId: found?.extensionId ?? null,
      contactKey: found?.contactKey ?? null,
      disposition: r.disposition,
      missed: !out && r.disposition !== 'ANSWERED',
      talkSec: r.billsec,
      recordingUrl: r.recordingUrl,
    };
  });
  return {
    extension,
    since: range.since,
    until: range.until,
    calls,
    missed: calls.filter((c) => c.missed).length,
    fetchedAt,
    fromCache: false,
    error: null,
    filter: result.filter,
    complete: result.complete,
    coveredFrom: result.coveredFrom,
    limitReached: result.limitReached,
  };
}
