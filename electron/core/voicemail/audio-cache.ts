// Voicemail audio kept on disk per profile, already converted to playable PCM/mu-law WAV, so a
// message played once plays again offline with no network and no decoding. Bounded in size
// (default 500 MB): after each write the least recently played files go first. Use is recorded
// in the file's mtime, and the format the PBX sent (GSM, PCM…) in the file name, so the cache
// needs no index that a crash could leave out of step.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file.js';

export const DEFAULT_AUDIO_CACHE_BYTES = 500 * 1024 * 1024;

/** What the PBX sent, before conversion: shown to the user ("GSM 6.10"), so it is kept. */
export const SOURCE_FORMATS = ['pcm16', 'gsm', 'mulaw', 'alaw'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface CachedAudio {
  wav: Uint8Array;
  format: SourceFormat;
}

export class AudioCache {
  constructor(
    readonly dir: string,
    readonly maxBytes = DEFAULT_AUDIO_CACHE_BYTES,
  ) {}

  /** File name from mailbox and message key: fixed-length, path-safe, no PBX text in it. */
  fileFor(mailbox: string, key: string, format: SourceFormat): string {
    const h = createHash('sha256').update(`${mailbox}\0${key}`).digest('hex').slice(0, 40);
    return join(this.dir, `${h}.${format}.wav`);
  }

  /** The cached file of a message, whatever its source format. */
  private async find(mailbox: string, key: string): Promise<{ file: string; format: SourceFormat } | null> {
    for (const format of SOURCE_FORMATS) {
      const file = this.fileFor(mailbox, key, format);
      if (
        await stat(file).then(
          () => true,
          () => false,
        )
      )
        return { file, format };
    }
    return null;
  }

  async get(mailbox: string, key: string): Promise<CachedAudio | null> {
    const found = await this.find(mailbox, key);
    if (!found) return null;
    try {
      const bytes = await readFile(found.file);
      const now = new Date();
      await utimes(found.file, now, now).catch(() => {});
      return { wav: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), format: found.format };
    } catch {
      return null;
    }
  }

  async has(mailbox: string, key: string): Promise<boolean> {
    return (await this.find(mailbox, key)) !== null;
  }

  async put(mailbox: string, key: string, audio: CachedAudio): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileFor(mailbox, key, audio.format);
    await writeFileAtomic(file, audio.wav, { mode: 0o600 });
    await this.evict(file);
  }

  async remove(mailbox: string, key: string): Promise<void> {
    for (const format of SOURCE_FORMATS) await unlink(this.fileFor(mailbox, key, format)).catch(() => {});
  }

  /** Total bytes cached (for the UI and tests). */
  async size(): Promise<number> {
    return (await this.entries()).reduce((sum, e) => sum + e.size, 0);
  }

  private async entries(): Promise<{ file: string; size: number; used: number }[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: { file: string; size: number; used: number }[] = [];
    for (const name of names) {
      if (!name.endsWith('.wav')) continue;
      const file = join(this.dir, name);
      const s = await stat(file).catch(() => null);
      if (s?.isFile()) out.push({ file, size: s.size, used: s.mtimeMs });
    }
    return out;
  }

  /** Oldest-used first until under the bound; the file just written is never evicted. */
  private async evict(keep: string): Promise<void> {
    const entries = await this.entries();
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    if (total <= this.maxBytes) return;
    entries.sort((a, b) => a.used - b.used);
    for (const e of entries) {
      if (total <= this.maxBytes) break;
      if (e.file === keep) continue;
      await unlink(e.file).catch(() => {});
      total -= e.size;
    }
  }
}
