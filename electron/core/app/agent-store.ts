// What the agent keeps per profile, on disk beside the directory snapshot: the private
// favourites, notes and call mode (local only: nothing here is ever sent to the PBX), the synced
// phonebook contacts and the last recent-calls list (both for offline use). Each is one guarded
// JSON file (atomic writes, the previous copy kept), written one change at a time.
import { join } from 'node:path';
import {
  type Contact,
  ContactSchema,
  type Personal,
  PersonalSchema,
  type Phonebook,
  PhonebookSchema,
} from '../shared/agent-domain.js';
import type { RecentCalls } from '../shared/agent-contract.js';
import { GuardedJsonFile, type ParseResult } from '../store/guarded-json.js';
import { SerialQueue } from '../store/serial-queue.js';
import { z } from 'zod';

export const DEFAULT_PERSONAL: Personal = { favourites: [], notes: {}, callMode: 'softphone' };

export interface CachedContacts {
  phonebooks: Phonebook[];
  contacts: Contact[];
  syncedAt: number;
  supported: boolean;
}

const CachedContactsSchema = z.object({
  phonebooks: z.array(PhonebookSchema),
  contacts: z.array(ContactSchema),
  syncedAt: z.number(),
  supported: z.boolean(),
});

/** The cached list is our own output: checked for shape, not re-validated row by row. */
function parseRecent(raw: unknown): ParseResult<RecentCalls> {
  const v = raw as Partial<RecentCalls> | null;
  if (!v || typeof v.extension !== 'string' || !Array.isArray(v.calls) || typeof v.fetchedAt !== 'number')
    return { ok: false, reason: 'not a recent-calls list' };
  return { ok: true, value: v as RecentCalls };
}

function zodParser<T>(schema: z.ZodType<T>): (raw: unknown) => ParseResult<T> {
  return (raw) => {
    const r = schema.safeParse(raw);
    return r.success
      ? { ok: true, value: r.data }
      : { ok: false, reason: r.error.issues[0]?.path.join('.') ?? 'invalid' };
  };
}

export class AgentStore {
  readonly #queue = new SerialQueue();

  constructor(private readonly profileDir: (profileId: string) => string) {}

  #file<T>(profileId: string, name: string, parse: (raw: unknown) => ParseResult<T>): GuardedJsonFile<T> {
    return new GuardedJsonFile(join(this.profileDir(profileId), name), parse);
  }

  #personal(profileId: string) {
    return this.#file(profileId, 'personal.json', (raw) =>
      // Fields added later fall back to their defaults instead of failing the file.
      zodParser(PersonalSchema)({ ...DEFAULT_PERSONAL, ...(raw as object) }),
    );
  }

  personal(profileId: string): Promise<Personal> {
    return this.#queue.run(`${profileId}:personal`, async () => {
      return (await this.#personal(profileId).read())?.value ?? DEFAULT_PERSONAL;
    });
  }

  updatePersonal(profileId: string, change: (p: Personal) => Personal): Promise<Personal> {
    return this.#queue.run(`${profileId}:personal`, async () => {
      const file = this.#personal(profileId);
      const next = PersonalSchema.parse(change((await file.read())?.value ?? DEFAULT_PERSONAL));
      await file.write(`${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
  }

  async contacts(profileId: string): Promise<CachedContacts | null> {
    const file = this.#file(profileId, 'contacts.json', zodParser(CachedContactsSchema));
    return this.#queue.run(`${profileId}:contacts`, async () => (await file.read())?.value ?? null);
  }

  saveContacts(profileId: string, value: CachedContacts): Promise<void> {
    const file = this.#file(profileId, 'contacts.json', zodParser(CachedContactsSchema));
    return this.#queue.run(`${profileId}:contacts`, () => file.write(JSON.stringify(value)));
  }

  recent(profileId: string): Promise<RecentCalls | null> {
    const file = this.#file(profileId, 'recent-calls.json', parseRecent);
    return this.#queue.run(`${profileId}:recent`, async () => (await file.read())?.value ?? null);
  }

  saveRecent(profileId: string, value: RecentCalls): Promise<void> {
    const file = this.#file(profileId, 'recent-calls.json', parseRecent);
    return this.#queue.run(`${profileId}:recent`, () => file.write(JSON.stringify(value)));
  }
}
