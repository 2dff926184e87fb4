// One JSON document on disk that survives crashes and damage: `name.json` is replaced atomically,
// the copy it replaces is kept as `name.prev.json`, and a current file that fails to parse or
// validate is moved aside as `name.corrupt-<time>.json` (for diagnosis) while the previous good
// copy is loaded and put back in place. Recovery is always REPORTED to the caller, never silent,
// and never turns into an empty result. Callers serialize their calls (see SerialQueue).
import { copyFile, link, mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../app-error.js';
import { type AppErrorData, errorData } from '../shared/errors.js';
import { fsyncDir, isAtomicTempFor, writeFileAtomic } from './atomic-file.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Recovered {
  from: 'previous';
  /** Why the current file was rejected, e.g. "invalid JSON" or a field path. Never file content. */
  reason: string;
  /** Where the rejected file was kept for diagnosis, or null when it was missing. */
  corruptFile: string | null;
  /** What to show the user (code CACHE_CORRUPT). */
  notice: AppErrorData;
}

export interface GuardedRead<T> {
  value: T;
  recovered?: Recovered;
}

const KEEP_CORRUPT = 3;
const STALE_TEMP_MS = 60_000;

type Attempt<T> =
  { state: 'ok'; value: T; stats: Stats } | { state: 'missing' } | { state: 'bad'; reason: string };

export class GuardedJsonFile<T> {
  readonly path: string;
  readonly prevPath: string;
  private readonly stem: string;
  /** Identity of the current file as last read valid or written by us: it can be promoted to
   *  the previous copy without being read again. */
  private known: { ino: number; size: number; mtimeMs: number } | null = null;

  constructor(
    path: string,
    private readonly parse: (value: unknown) => ParseResult<T>,
  ) {
    if (!path.endsWith('.json')) throw new Error('GuardedJsonFile needs a .json path');
    this.path = path;
    this.stem = path.slice(0, -'.json'.length);
    this.prevPath = `${this.stem}.prev.json`;
  }

  /** The document, the previous copy if the current one was bad, or null if neither exists.
   *  Throws CACHE_CORRUPT when both exist and neither is valid (both are moved aside). */
  async read(): Promise<GuardedRead<T> | null> {
    const cur = await this.attempt(this.path);
    if (cur.state === 'ok') {
      this.remember(cur.stats);
      await this.sweepTemps();
      return { value: cur.value };
    }
    const corruptFile = cur.state === 'bad' ? await this.quarantine(this.path) : null;
    const reason = cur.state === 'bad' ? cur.reason : 'current file missing';
    const prev = await this.attempt(this.prevPath);
    if (prev.state === 'ok') {
      await this.hardCopy(this.prevPath, this.path);
      this.remember(await io(() => stat(this.path)));
      return {
        value: prev.value,
        recovered: { from: 'previous', reason, corruptFile, notice: errorData('CACHE_CORRUPT') },
      };
    }
    if (prev.state === 'missing' && cur.state === 'missing') return null;
    if (prev.state === 'bad') await this.quarantine(this.prevPath);
    const prevReason = prev.state === 'bad' ? prev.reason : 'missing';
    throw new AppError('CACHE_CORRUPT', `${basename(this.path)} was damaged and no good copy is left.`, {
      detail: { file: basename(this.path), reason, previous: prevReason },
    });
  }

  /** Replaces the document with `json` (whole, or as chunks), keeping the current valid document
   *  as the previous copy. */
  async write(json: string | Iterable<string>): Promise<void> {
    await io(() => mkdir(dirname(this.path), { recursive: true, mode: 0o700 }));
    await this.promoteCurrent();
    await io(() => writeFileAtomic(this.path, json));
    this.remember(await io(() => stat(this.path)));
  }

  /** Deletes the document and its previous copy (diagnostic copies stay). */
  async remove(): Promise<boolean> {
    this.known = null;
    let removed = false;
    for (const p of [this.path, this.prevPath]) {
      try {
        await unlink(p);
        removed = true;
      } catch (err) {
        if (code(err) !== 'ENOENT') throw new AppError('CACHE_UNAVAILABLE', undefined, { cause: err });
      }
    }
    return removed;
  }

  private async promoteCurrent(): Promise<void> {
    let st: Stats;
    try {
      st = await stat(this.path);
    } catch (err) {
      if (code(err) === 'ENOENT') return;
      throw new AppError('CACHE_UNAVAILABLE', undefined, { cause: err });
    }
    const k = this.known;
    const verified = k !== null && k.ino === st.ino && k.size === st.size && k.mtimeMs === st.mtimeMs;
    // A file we have not seen valid (changed behind our back) must not overwrite a good previous copy.
    if (!verified && (await this.attempt(this.path)).state !== 'ok') {
      await this.quarantine(this.path);
      return;
    }
    // No folder fsync here: the write that follows syncs the same folder, covering this rename too.
    await this.hardCopy(this.path, this.prevPath, false);
  }

  /** Makes `to` a copy of `from` atomically (a hard link renamed into place: no data copied). */
  private async hardCopy(from: string, to: string, durable = true): Promise<void> {
    const tmp = join(dirname(to), `.${basename(to)}.link.tmp`);
    await io(async () => {
      await unlink(tmp).catch((err: unknown) => {
        if (code(err) !== 'ENOENT') throw err;
      });
      try {
        await link(from, tmp);
      } catch (err) {
        // Some file systems (FAT, some network shares) have no hard links.
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(code(err) ?? '')) throw err;
        await copyFile(from, tmp);
      }
      await rename(tmp, to);
      if (durable) await fsyncDir(dirname(to));
    });
  }

  private async attempt(path: string): Promise<Attempt<T>> {
    let text: string;
    let stats: Stats;
    try {
      const handle = await open(path, 'r');
      try {
        stats = await handle.stat();
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (err) {
      if (code(err) === 'ENOENT') return { state: 'missing' };
      throw new AppError('CACHE_UNAVAILABLE', undefined, { cause: err });
    }
    if (text.length === 0) return { state: 'bad', reason: 'empty file' };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return { state: 'bad', reason: 'invalid JSON' };
    }
    const parsed = this.parse(raw);
    return parsed.ok ? { state: 'ok', value: parsed.value, stats } : { state: 'bad', reason: parsed.reason };
  }

  private async quarantine(path: string): Promise<string> {
    // Names must sort by age (pruneCorrupt relies on it): on a clash, step the time forward.
    const name = (t: number) =>
      `${this.stem}.corrupt-${new Date(t).toISOString().replace(/[-:.]/g, '')}.json`;
    let t = Date.now();
    while (await exists(name(t))) t++;
    const target = name(t);
    await io(() => rename(path, target));
    if (path === this.path) this.known = null;
    await this.pruneCorrupt();
    return target;
  }

  private async pruneCorrupt(): Promise<void> {
    const dir = dirname(this.path);
    const prefix = `${basename(this.stem)}.corrupt-`;
    const names = (await io(() => readdir(dir))).filter((n) => n.startsWith(prefix)).sort();
    // Names sort by time; keep the newest few so repeated damage cannot fill the disk.
    for (const name of names.slice(0, Math.max(0, names.length - KEEP_CORRUPT))) {
      await unlink(join(dir, name)).catch(() => undefined);
    }
  }

  /** Removes temp files left by a process killed mid-write (old enough not to be in use). */
  private async sweepTemps(): Promise<void> {
    const dir = dirname(this.path);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!isAtomicTempFor(this.path, name) && !isAtomicTempFor(this.prevPath, name)) continue;
      const full = join(dir, name);
      const st = await stat(full).catch(() => null);
      if (st && Date.now() - st.mtimeMs > STALE_TEMP_MS) await unlink(full).catch(() => undefined);
    }
  }

  private remember(st: Stats): void {
    this.known = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
  }
}

function code(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** File-system failures other than "missing" mean the data folder itself is unusable. */
async function io<R>(fn: () => Promise<R>): Promise<R> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('CACHE_UNAVAILABLE', undefined, { cause: err });
  }
}
