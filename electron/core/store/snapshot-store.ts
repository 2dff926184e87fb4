// The offline directory: one snapshot per profile at <dataDir>/profiles/<id>/snapshot.json, so the
// app starts and searches without the PBX. Written atomically with the previous good copy kept;
// a damaged file falls back to that copy and says so (LoadedSnapshot.recovered). Validation on the
// hot path is the hand-written checkSnapshot (zod is too slow for 100k extensions, see there).
//
// Outcomes of load(): a snapshot (maybe `recovered`); null when the profile has never been synced
// (callers that need one turn that into NO_SNAPSHOT); AppError CACHE_CORRUPT when the file and its
// previous copy are both unusable (both are moved aside, so the next load returns null);
// AppError CACHE_UNAVAILABLE when the data folder cannot be read or written.
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../app-error.js';
import { type Extension, ProfileSchema, type Snapshot } from '../shared/domain.js';
import { GuardedJsonFile, type ParseResult, type Recovered } from './guarded-json.js';
import { SerialQueue } from './serial-queue.js';
import { checkExtension, checkSnapshot } from './snapshot-validate.js';

export interface LoadedSnapshot {
  snapshot: Snapshot;
  /** Present when the current file was damaged or missing and the previous copy was used. */
  recovered?: Recovered;
}

export class SnapshotStore {
  private readonly files = new Map<string, GuardedJsonFile<Snapshot>>();
  private readonly queue = new SerialQueue();

  constructor(private readonly dataDir: string) {}

  /** Folder holding everything cached for one profile. */
  profileDir(profileId: string): string {
    assertProfileId(profileId);
    return join(this.dataDir, 'profiles', profileId);
  }

  async load(profileId: string): Promise<LoadedSnapshot | null> {
    const file = this.file(profileId);
    return this.queue.run(profileId, async () => {
      const got = await file.read();
      if (!got) return null;
      return got.recovered ? { snapshot: got.value, recovered: got.recovered } : { snapshot: got.value };
    });
  }

  async save(snapshot: Snapshot): Promise<void> {
    const bad = checkSnapshot(snapshot);
    if (bad) throw new AppError('INVALID_REQUEST', `Refusing to save an invalid snapshot (${bad}).`);
    const file = this.file(snapshot.profileId);
    return this.queue.run(snapshot.profileId, () => file.write(serializeSnapshot(snapshot)));
  }

  /**
   * Replaces one extension (matched by id) after a detail refresh, e.g. new CDR figures; an
   * extension the snapshot does not have yet is appended. Throws NO_SNAPSHOT before a first sync.
   */
  async updateExtension(profileId: string, ext: Extension): Promise<Snapshot> {
    const bad = checkExtension(ext);
    if (bad) throw new AppError('INVALID_REQUEST', `Refusing to save an invalid extension (${bad}).`);
    const file = this.file(profileId);
    return this.queue.run(profileId, async () => {
      const got = await file.read();
      if (!got) throw new AppError('NO_SNAPSHOT');
      const extensions = got.value.extensions.slice();
      const at = extensions.findIndex((e) => e.id === ext.id);
      if (at >= 0) extensions[at] = ext;
      else extensions.push(ext);
      const next: Snapshot = { ...got.value, extensions };
      await file.write(serializeSnapshot(next));
      return next;
    });
  }

  /** Deletes the profile's snapshot, its previous copy and diagnostic copies. */
  async remove(profileId: string): Promise<boolean> {
    const file = this.file(profileId);
    const dir = this.profileDir(profileId);
    return this.queue.run(profileId, async () => {
      const removed = await file.remove();
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names.filter((n) => /^snapshot\.corrupt-.*\.json$/.test(n))) {
        await unlink(join(dir, name)).catch(() => undefined);
      }
      // Other modules may keep files here (voicemail cache): only an empty folder goes.
      await rmdir(dir).catch(() => undefined);
      this.files.delete(profileId);
      return removed;
    });
  }

  private file(profileId: string): GuardedJsonFile<Snapshot> {
    let file = this.files.get(profileId);
    if (!file) {
      file = new GuardedJsonFile(join(this.profileDir(profileId), 'snapshot.json'), (raw) =>
        parseSnapshot(raw, profileId),
      );
      this.files.set(profileId, file);
    }
    return file;
  }
}

const EXTENSIONS_PER_CHUNK = 128;

/**
 * The snapshot's JSON in slices of ~128 extensions. Peak memory stays small (no 60 MB string plus
 * a 60 MB copy of it as bytes) and the disk write of one slice overlaps the serializing of the
 * next. Measured on 100k extensions (tests/bench/snapshot.ts): the whole save (check, serialize,
 * encode, write, fsyncs) costs 1.35-1.5x a bare JSON.stringify; one big stringify + write, ~1.75x.
 * Same text as JSON.stringify(snapshot) except that `extensions` is always the last key.
 */
export function* serializeSnapshot(snapshot: Snapshot): Generator<string> {
  const { extensions, ...rest } = snapshot;
  const head = JSON.stringify({ ...rest, extensions: [] });
  yield head.slice(0, -'[]}'.length + 1); // up to and including the opening [
  for (let i = 0; i < extensions.length; i += EXTENSIONS_PER_CHUNK) {
    const part = JSON.stringify(extensions.slice(i, i + EXTENSIONS_PER_CHUNK));
    yield (i === 0 ? '' : ',') + part.slice(1, -1);
  }
  yield ']}';
}

function parseSnapshot(raw: unknown, profileId: string): ParseResult<Snapshot> {
  const bad = checkSnapshot(raw);
  if (bad) return { ok: false, reason: `schema: ${bad}` };
  const snapshot = raw as Snapshot;
  // A file copied between profile folders would show one PBX's people under another's name.
  if (snapshot.profileId !== profileId) return { ok: false, reason: 'belongs to another profile' };
  return { ok: true, value: snapshot };
}

/** Profile ids become folder names: anything but the generated slug form could escape dataDir. */
function assertProfileId(profileId: string): void {
  if (!ProfileSchema.shape.id.safeParse(profileId).success) {
    throw new AppError('INVALID_REQUEST', 'Invalid profile id.');
  }
}
