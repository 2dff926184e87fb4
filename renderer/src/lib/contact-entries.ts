// Phonebook contacts as rows of the directory list: each becomes an entry shaped like an
// extension (its telephone as the number), so the one search index searches both with the same
// typo and accent tolerance and the list, sort and selection need no second code path. The id
// `contact:<key>` keeps them apart from extension ids and is also their favourites/notes key.
import type { Contact } from '../../../electron/core/shared/agent-domain.js';
import type { Extension } from '../../../electron/core/shared/domain.js';

export const CONTACT_PREFIX = 'contact:';

export type EntryKind = 'both' | 'extensions' | 'contacts';

export function isContact(ext: Pick<Extension, 'id'>): boolean {
  return ext.id.startsWith(CONTACT_PREFIX);
}

export function contactKeyOf(ext: Pick<Extension, 'id'>): string | null {
  return isContact(ext) ? ext.id.slice(CONTACT_PREFIX.length) : null;
}

export function contactEntry(c: Contact): Extension {
  return {
    id: `${CONTACT_PREFIX}${c.key}`,
    number: c.telephone ?? '',
    name: c.name,
    email: c.email,
    language: null,
    internalCid: null,
    externalCid: null,
    emergencyCid: null,
    mailbox: null,
    tenantId: null,
    devices: [],
    queues: [],
    cdr: null,
  };
}
