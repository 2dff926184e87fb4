// Saved PBX connection profiles and which one is active, in <dataDir>/profiles.json. No secrets
// here: the app key lives in the OS keychain under the profile id, and ProfileSchema has no field
// for it, so an `appKey` passed in by mistake is stripped before anything is written. The file is
// guarded like the snapshots (atomic writes, previous copy, damage reported via onRecovered).
// Removing a profile here does not touch its keychain item or snapshot: the caller does that.
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error.js';
import { type Profile, ProfileSchema } from '../shared/domain.js';
import { GuardedJsonFile, type Recovered } from './guarded-json.js';
import { SerialQueue } from './serial-queue.js';

/** A profile as entered: no id yet for a new one (a slug is generated from the label). */
export type StoredProfileInput = Omit<z.input<typeof ProfileSchema>, 'id'> & { id?: string | undefined };

const FILE_VERSION = 1;
const ProfilesFileSchema = z.object({
  version: z.literal(FILE_VERSION),
  activeId: z.string().nullable(),
  profiles: z.array(ProfileSchema),
});
type ProfilesFile = z.infer<typeof ProfilesFileSchema>;

const EMPTY: ProfilesFile = { version: FILE_VERSION, activeId: null, profiles: [] };

export interface ProfileStoreOptions {
  /** Called when profiles.json was damaged and the previous copy was used instead. */
  onRecovered?: (recovered: Recovered) => void;
  /** Applied to every profile read: the administrator's policy overrides what is saved. */
  apply?: (profile: Profile) => Profile;
}

export class ProfileStore {
  private readonly file: GuardedJsonFile<ProfilesFile>;
  private readonly queue = new SerialQueue();
  /** The last recovery from a damaged profiles.json in this process, for the UI to show. */
  lastRecovery: Recovered | null = null;

  constructor(
    dataDir: string,
    private readonly opts: ProfileStoreOptions = {},
  ) {
    this.file = new GuardedJsonFile(join(dataDir, 'profiles.json'), parseFile);
  }

  async list(): Promise<Profile[]> {
    return (await this.read()).profiles.map((p) => this.effective(p));
  }

  private effective(profile: Profile): Profile {
    return this.opts.apply ? this.opts.apply(profile) : profile;
  }

  /** The profile, or null if there is none with that id. */
  async get(id: string): Promise<Profile | null> {
    const found = (await this.read()).profiles.find((p) => p.id === id);
    return found ? this.effective(found) : null;
  }

  /** Creates (no id, or an unknown id) or replaces (known id) a profile; returns it as saved.
   *  The first profile created becomes the active one. */
  upsert(input: StoredProfileInput): Promise<Profile> {
    return this.mutate((state) => {
      const id = input.id ?? uniqueSlug(input.label ?? '', state.profiles);
      const parsed = ProfileSchema.safeParse({ ...input, id });
      if (!parsed.success) {
        // Paths only: a value (a URL with credentials in it, say) must not land in a log.
        const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
        throw new AppError('INVALID_REQUEST', `Invalid profile: check ${fields.join(', ')}.`, {
          detail: { fields: fields.join(',') },
        });
      }
      const profile = parsed.data;
      const at = state.profiles.findIndex((p) => p.id === id);
      const profiles = state.profiles.slice();
      if (at >= 0) profiles[at] = profile;
      else profiles.push(profile);
      return { next: { ...state, profiles, activeId: state.activeId ?? profile.id }, result: profile };
    });
  }

  /** The id a new profile with this label would get (a readable slug, unique among the saved). */
  async nextId(label: string): Promise<string> {
    return uniqueSlug(label, await this.list());
  }

  /** Deletes a profile; if it was active, the first remaining one (or none) becomes active. */
  remove(id: string): Promise<boolean> {
    return this.mutate((state) => {
      const profiles = state.profiles.filter((p) => p.id !== id);
      if (profiles.length === state.profiles.length) return { next: null, result: false };
      const activeId = state.activeId === id ? (profiles[0]?.id ?? null) : state.activeId;
      return { next: { ...state, profiles, activeId }, result: true };
    });
  }

  async getActive(): Promise<Profile | null> {
    const state = await this.read();
    const found = state.profiles.find((p) => p.id === state.activeId);
    return found ? this.effective(found) : null;
  }

  /** Makes `id` the active profile (null: none). Throws PROFILE_NOT_FOUND for an unknown id. */
  setActive(id: string | null): Promise<void> {
    return this.mutate((state) => {
      if (id !== null && !state.profiles.some((p) => p.id === id)) throw new AppError('PROFILE_NOT_FOUND');
      return { next: state.activeId === id ? null : { ...state, activeId: id }, result: undefined };
    });
  }

  private read(): Promise<ProfilesFile> {
    return this.queue.run('profiles', () => this.readUnlocked());
  }

  private async readUnlocked(): Promise<ProfilesFile> {
    const got = await this.file.read();
    if (!got) return EMPTY;
    if (got.recovered) {
      this.lastRecovery = got.recovered;
      this.opts.onRecovered?.(got.recovered);
    }
    return got.value;
  }

  /** Read-modify-write under the queue; `next: null` means nothing changed. */
  private mutate<R>(fn: (state: ProfilesFile) => { next: ProfilesFile | null; result: R }): Promise<R> {
    return this.queue.run('profiles', async () => {
      const { next, result } = fn(await this.readUnlocked());
      if (next) await this.file.write(`${JSON.stringify(next, null, 2)}\n`);
      return result;
    });
  }
}

function parseFile(raw: unknown): { ok: true; value: ProfilesFile } | { ok: false; reason: string } {
  const parsed = ProfilesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `schema: ${issue ? issue.path.join('.') || '(root)' : 'invalid'}` };
  }
  const ids = new Set(parsed.data.profiles.map((p) => p.id));
  if (ids.size !== parsed.data.profiles.length) return { ok: false, reason: 'duplicate profile ids' };
  const value = parsed.data;
  // A dangling active id is harmless: no profile is active until the user picks one.
  if (value.activeId !== null && !ids.has(value.activeId)) value.activeId = null;
  return { ok: true, value };
}

/** A readable, path-safe id from the label ("Head office (PBX 2)" → "head-office-pbx-2"). */
export function slugify(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'pbx';
}

function uniqueSlug(label: string, existing: readonly Profile[]): string {
  const base = slugify(label);
  const taken = new Set(existing.map((p) => p.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
