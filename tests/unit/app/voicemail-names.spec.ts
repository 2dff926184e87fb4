// A voicemail message whose caller is in the directory or in the phonebook contacts carries that
// name (and where it was found), so the window shows who called rather than a bare number.
import { afterEach, expect, it } from 'vitest';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { makeHarness, removeDir } from '../../support/core-harness.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length)
    await cleanups
      .pop()?.()
      .catch(() => {});
});

it('names callers from the directory and the contacts; others stay unknown', async () => {
  const p = await startDemoPbx({ extensions: 30, tenants: 1 });
  cleanups.push(() => p.close());
  const h = await makeHarness();
  cleanups.push(() => removeDir(h.dataDir));
  cleanups.push(() => h.close());
  const profile = await h.ok('profiles:save', {
    label: 'VM',
    baseUrl: p.origin,
    tenant: p.tenant,
    tlsPin: null,
    myExtension: null,
    allowHttp: true,
    showOthersVoicemail: true,
    dialScheme: 'tel',
    appKey: p.appKey,
  });
  await h.ok('profiles:activate', { id: profile.id });
  await h.ok('sync:now');
  const contacts = await h.ok('contacts:sync');
  const dir = (await h.ok('directory:get'))!;
  const byNumber = new Map(dir.extensions.map((e) => [e.number, e]));
  const contactByPhone = new Map(contacts.contacts.map((c) => [c.telephone?.replace(/\D/g, ''), c]));
  const seen = { directory: 0, contact: 0, unknown: 0 };
  for (const e of dir.extensions) {
    const list = await h.ok('voicemail:list', { extensionId: e.id });
    for (const r of list.records) {
      const ext = byNumber.get(r.caller.number);
      const contact = contactByPhone.get(r.caller.number.replace(/\D/g, ''));
      if (ext) {
        expect(r.known).toEqual({
          name: ext.name,
          source: 'directory',
          extensionId: ext.id,
          contactKey: null,
        });
        seen.directory++;
      } else if (contact) {
        expect(r.known).toMatchObject({ name: contact.name, source: 'contact', contactKey: contact.key });
        seen.contact++;
      } else if (!r.known) seen.unknown++;
    }
  }
  expect(seen.directory).toBeGreaterThan(0);
  expect(seen.unknown).toBeGreaterThan(0);
});
