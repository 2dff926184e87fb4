// Crash-safe file replacement: a reader sees the old bytes or the new bytes, never a mix, an
// empty file or a torn write, even if the process is killed or the machine loses power mid-write.
// Our own few dozen lines rather than the `write-file-atomic` package: that one never fsyncs the folder
// (so after a power cut the rename itself can be lost) and its current major needs Node 22.
import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
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

/** Whole contents, or chunks produced lazily (written as they come: no full copy in memory). */
export type FileData = string | Uint8Array | Iterable<string | Uint8Array>;

export async function writeFileAtomic(
  target: string,
  data: FileData,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(target);
  // Same folder as the target: rename(2) is only atomic within one file system.
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', opts.mode ?? 0o600);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else await writeChunks(handle, data);
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

/** Writes each chunk while the next one is being produced: the write runs on libuv's thread pool,
 *  the producing (e.g. JSON.stringify of the next slice) on ours. */
const SCRATCH_BYTES = 1 << 20;

async function writeChunks(handle: FileHandle, chunks: Iterable<string | Uint8Array>): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  // Two scratch buffers in turn: one is being written while the next chunk is encoded into the
  // other, and no 60 MB of short-lived buffers are left for the garbage collector.
  const scratch = [Buffer.allocUnsafe(SCRATCH_BYTES), Buffer.allocUnsafe(SCRATCH_BYTES)] as const;
  let turn = 0;
  try {
    for (const chunk of chunks) {
      let bytes: Uint8Array;
      if (typeof chunk !== 'string') bytes = chunk;
      else if (chunk.length * 3 > SCRATCH_BYTES)
        bytes = Buffer.from(chunk, 'utf8'); // 3 bytes per UTF-16 unit at most
      else {
        const buf = scratch[turn++ & 1]!;
        bytes = buf.subarray(0, buf.write(chunk, 0, 'utf8'));
      }
      await pending;
      pending = writeAll(handle, bytes);
    }
  } catch (err) {
    await pending.catch(() => undefined); // the handle must not close under a write in flight
    throw err;
  }
  await pending;
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let off = 0; off < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, off, bytes.length - off);
    off += bytesWritten;
  }
}
