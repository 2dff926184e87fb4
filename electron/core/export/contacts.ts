// Exports the directory together with the phonebook contacts. A contact becomes a row with its
// number, name and e-mail (the other columns empty), so CSV and vCard stay the formats they are;
// JSON keeps the contacts apart, with their phonebook and extra fields.
import { type Contact, ContactSchema } from '../shared/agent-domain.js';
import { type Extension, ExtensionSchema } from '../shared/domain.js';
import { type ExportFile, type ExportFormat, exportDirectory } from './index.js';

export function contactAsExtension(c: Contact): Extension {
  return {
    id: `contact:${c.key}`,
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

export function exportWithContacts(
  extensions: readonly Extension[],
  contacts: readonly Contact[],
  format: ExportFormat,
  stem: string,
): ExportFile {
  if (format !== 'json')
    return exportDirectory([...extensions, ...contacts.map(contactAsExtension)], format, stem);
  const body = {
    extensions: ExtensionSchema.array().parse(extensions),
    contacts: ContactSchema.array().parse(contacts),
  };
  return {
    filename: `${stem}.json`,
    mime: 'application/json',
    content: `${JSON.stringify(body, null, 2)}\n`,
    count: extensions.length + contacts.length,
  };
}
