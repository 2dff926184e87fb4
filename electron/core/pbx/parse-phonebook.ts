// Reads `GET /phonebooks` and `GET /phonebooks/{id}/contacts`. The evidence for these fields is
// weak (third-party code only), so every field is optional, alternative names are accepted, and
// whatever else a contact carries is kept as text rather than dropped.
import type { Contact, Phonebook } from '../shared/agent-domain.js';
import { MalformedRecord, idOf, isObject, listOf, optString } from './parse-values.js';
import { parseRows, type ParsedList } from './parse.js';

const KNOWN = new Set(['name', 'telephone', 'phone', 'number', 'email', 'id', 'contact_id']);
const MAX_EXTRA = 20;

export function parsePhonebooks(data: unknown): ParsedList<Phonebook> {
  const list = isObject(data) && ('id' in data || 'phonebook_id' in data) ? [data] : listOf(data);
  return parseRows(list, (raw): Phonebook => {
    if (!isObject(raw)) throw new MalformedRecord('phonebook is not an object');
    const id = idOf(raw.id ?? raw.phonebook_id, 'id');
    return {
      id,
      name: optString(raw.name)?.trim() ?? `Phonebook ${id}`,
      sourceType: optString(raw.source_type)?.trim() ?? null,
    };
  });
}

/** Other scalar fields, as text: the app cannot know what a PBX adds, so it keeps it. */
function extraOf(raw: Record<string, unknown>): Record<string, string> {
  const extra: Record<string, string> = {};
  let n = 0;
  for (const [k, v] of Object.entries(raw)) {
    if (KNOWN.has(k) || n >= MAX_EXTRA) continue;
    const text = typeof v === 'boolean' ? String(v) : optString(v);
    if (text === null) continue;
    extra[k.slice(0, 64)] = text.slice(0, 500);
    n++;
  }
  return extra;
}

export function parseContacts(data: unknown, book: Phonebook): ParsedList<Contact> {
  return parseRows(listOf(data), (raw): Contact => {
    if (!isObject(raw)) throw new MalformedRecord('contact is not an object');
    const telephone = optString(raw.telephone ?? raw.phone ?? raw.number)?.trim() ?? null;
    const email = optString(raw.email)?.trim() ?? null;
    const name = optString(raw.name)?.trim() ?? telephone ?? email;
    if (!name) throw new MalformedRecord('contact has neither name nor number');
    const id = optString(raw.contact_id ?? raw.id)?.trim();
    return {
      key: `${book.id}:${id ?? `${name}|${telephone ?? ''}`}`,
      phonebookId: book.id,
      phonebookName: book.name,
      name,
      telephone,
      email,
      extra: extraOf(raw),
    };
  });
}
