// The agent's day, as contract handlers: placing a call through the PBX (click-to-call), recent
// calls of "my extension", the phonebook contacts, and the private favourites, notes and call
// mode of the profile. Rules kept here:
// - click-to-call is a POST that makes a phone ring: never retried, one in flight at a time;
// - recent calls and contacts keep the last good list for offline use, with its age;
// - favourites and notes stay on this computer: no handler here sends them anywhere.
import { AppError, toAppError } from '../app-error.js';
import type { Handlers } from '../dispatch/dispatcher.js';
import type { EventHub } from '../dispatch/events.js';
import type { PbxClient } from '../pbx/client.js';
import { exportWithContacts } from '../export/contacts.js';
import type { ContactsData, RecentCalls } from '../shared/agent-contract.js';
import type { Contact, Phonebook } from '../shared/agent-domain.js';
import type { Profile } from '../shared/domain.js';
import { type AgentStore } from './agent-store.js';
import { NameBook, normalizeNumber, toRecentCalls } from './recent-calls.js';
import type { SyncService } from './sync-service.js';

export interface AgentDeps {
  sync: SyncService;
  clientFor: (profile: Profile) => Promise<PbxClient>;
  events: EventHub;
  store: AgentStore;
}

type Channels =
  | 'calls:place'
  | 'calls:recent'
  | 'contacts:list'
  | 'contacts:sync'
  | 'contacts:export'
  | 'personal:get'
  | 'personal:favourite'
  | 'personal:note'
  | 'personal:call-mode';

const DAY = 86_400;
const CALLABLE = /^\+?[0-9*#]{1,32}$/;
const MAX_FAVOURITES = 5000;

export function agentHandlers(d: AgentDeps): Pick<Handlers, Channels> & { dispose(): void } {
  let placing = false;
  let contactsRun: Promise<ContactsData> | null = null;

  function profile(): Profile {
    const p = d.sync.profile;
    if (!p) throw new AppError('PROFILE_NOT_FOUND');
    return p;
  }

  function myExtension(p: Profile): string {
    if (!p.myExtension) throw new AppError('NO_MY_EXTENSION');
    return p.myExtension;
  }

  async function fetchContacts(p: Profile): Promise<ContactsData> {
    try {
      const client = await d.clientFor(p);
      const books = await client.listPhonebooks();
      const phonebooks: Phonebook[] = books ?? [];
      const contacts: Contact[] = [];
      for (const book of phonebooks) contacts.push(...(await client.listContacts(book)).items);
      const cached = { phonebooks, contacts, syncedAt: Date.now(), supported: books !== null };
      if (d.sync.profile?.id === p.id) await d.store.saveContacts(p.id, cached);
      return { ...cached, fromCache: false, error: null };
    } catch (err) {
      const error = toAppError(err).toData();
      const cached = await d.store.contacts(p.id).catch(() => null);
      if (cached) return { ...cached, fromCache: true, error };
      return { phonebooks: [], contacts: [], syncedAt: null, supported: true, fromCache: true, error };
    }
  }

  function syncContacts(p: Profile): Promise<ContactsData> {
    contactsRun ??= fetchContacts(p).finally(() => {
      contactsRun = null;
    });
    return contactsRun;
  }

  // Contacts are synced like the directory: after each directory sync that reached the PBX.
  let lastStatus = '';
  const unsubscribe = d.events.subscribe((event, payload) => {
    if (event !== 'sync:state') return;
    const status = (payload as { status: string }).status;
    const p = d.sync.profile;
    if (status === 'online' && lastStatus !== 'online' && p) void syncContacts(p).catch(() => {});
    lastStatus = status;
  });

  async function cosFor(client: PbxClient, number: string): Promise<number> {
    const id = d.sync.snapshot?.extensions.find((e) => e.number === number)?.id;
    if (!id) return 1;
    // Only a failed look-up falls back to 1: the POST decides whether the call can be placed.
    return (await client.classOfService(id).catch(() => null)) ?? 1;
  }

  async function recent(req: {
    extension?: string | undefined;
    days?: number | undefined;
  }): Promise<RecentCalls> {
    const p = profile();
    const extension = req.extension ?? myExtension(p);
    const until = Math.floor(Date.now() / 1000);
    const since = until - (req.days ?? 7) * DAY;
    try {
      const client = await d.clientFor(p);
      const result = await client.listCdr({ extension, since, until });
      const contacts = (await d.store.contacts(p.id).catch(() => null))?.contacts ?? [];
      const names = new NameBook(d.sync.snapshot?.extensions ?? [], contacts);
      const list = toRecentCalls(extension, { since, until }, result, names, Date.now());
      if (d.sync.profile?.id === p.id) await d.store.saveRecent(p.id, list);
      return list;
    } catch (err) {
      const error = toAppError(err);
      const cached = await d.store.recent(p.id).catch(() => null);
      if (cached && cached.extension === extension)
        return { ...cached, fromCache: true, error: error.toData() };
      throw error;
    }
  }

  return {
    'calls:place': async ({ number }) => {
      const p = profile();
      const caller = myExtension(p);
      const callee = normalizeNumber(number);
      if (!CALLABLE.test(callee)) throw new AppError('INVALID_NUMBER');
      if (placing) throw new AppError('CALL_IN_PROGRESS');
      placing = true;
      try {
        const client = await d.clientFor(p);
        const cosId = await cosFor(client, caller);
        const { message } = await client.clickToCall({ caller, callee, cosId });
        return { caller, callee, cosId, message, at: Date.now() };
      } catch (err) {
        // The time goes with the failure, so the agent can tell their PBX administrator when.
        const e = toAppError(err);
        throw new AppError(e.code, e.message, { cause: e, detail: { ...e.detail, at: Date.now() } });
      } finally {
        placing = false;
      }
    },
    'calls:recent': (req) => recent(req ?? {}),
    'contacts:list': async () => {
      const p = profile();
      const cached = await d.store.contacts(p.id);
      if (cached) return { ...cached, fromCache: true, error: null };
      return syncContacts(p);
    },
    'contacts:sync': () => syncContacts(profile()),
    'contacts:export': async ({ format }) => {
      const p = profile();
      const snap = d.sync.snapshot;
      if (!snap) throw new AppError('NO_SNAPSHOT');
      const contacts = (await d.store.contacts(p.id))?.contacts ?? [];
      return exportWithContacts(snap.extensions, contacts, format, `directory-${p.id}`);
    },
    'personal:get': () => d.store.personal(profile().id),
    'personal:favourite': ({ key, on }) =>
      d.store.updatePersonal(profile().id, (cur) => {
        const rest = cur.favourites.filter((k) => k !== key);
        return { ...cur, favourites: on ? [key, ...rest].slice(0, MAX_FAVOURITES) : rest };
      }),
    'personal:note': ({ key, text }) =>
      d.store.updatePersonal(profile().id, (cur) => {
        const notes = { ...cur.notes };
        if (text.trim() === '') delete notes[key];
        else notes[key] = text;
        return { ...cur, notes };
      }),
    'personal:call-mode': ({ mode }) =>
      d.store.updatePersonal(profile().id, (cur) => ({ ...cur, callMode: mode })),
    dispose: unsubscribe,
  };
}
