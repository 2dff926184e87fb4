// Crash-safe file replacement: a reader sees the old bytes or the new bytes, never a mix, an
// empty file or a torn write, even if the process is killed or the machine loses power mid-write.
// Our own ~40 lines rather than the `write-file-atomic` package: that one never fsyncs the folder
// (so after a power cut the rename itself can be lost) and its current major needs Node 22.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** File mode for the new file. Default 0o600: most of what we store is user data. */
  mode?: number;
}

/** The temp-file names writeFileAtomic uses for `target`, so callers can sweep leftovers. */
export function isAtomicTempFor(target: string, candidate: string): boolean {
  const prefix = `.${basename(target)}.`;
  return candidate.startsWith(prefix) && candidate.endsWith('.tmp');
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(target);
  // Same folder as the target: rename(2) is only atomic within one file system.
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', opts.mode ?? 0o600);
  try {
    await handle.writeFile(data);
    // Without this the rename can reach the disk before the data does: a power cut then leaves
    // the target pointing at an empty or partial file.
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  await fsyncDir(dir);
}

/** Makes a rename or link in `dir` durable. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for syncing, and NTFS journals the rename anyway.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
