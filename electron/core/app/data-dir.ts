// The data folder holds the directory (names, numbers, emails), cached voicemail audio and
// profiles: private to the user. A folder we create is 0700, but one that already existed (an
// older version, a restored backup, a umask of 022) keeps whatever mode it had, and other users
// of the machine could list and read it. So both hosts call this at start-up: create or tighten
// to 0700, and say so when that is not possible (another owner, a read-only or foreign file
// system) instead of running with the data exposed silently.
import { chmod, mkdir, stat } from 'node:fs/promises';

export interface DataDirFs {
  mkdir: typeof mkdir;
  chmod: typeof chmod;
  stat: typeof stat;
}

/** True when the folder is private (0700) afterwards; otherwise warns through `log`. */
export async function secureDataDir(
  dir: string,
  log: (msg: string, err: unknown) => void,
  platform: NodeJS.Platform = process.platform,
  fs: DataDirFs = { mkdir, chmod, stat },
): Promise<boolean> {
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    // Windows has no mode bits to tighten: the profile folder's ACLs already keep it private.
    if (platform === 'win32') return true;
    await fs.chmod(dir, 0o700);
    const mode = (await fs.stat(dir)).mode & 0o777;
    if (mode !== 0o700) throw new Error(`mode is still ${mode.toString(8)}`);
    return true;
  } catch (err) {
    log(
      `warning: the data folder ${dir} could not be made private (0700); other users of this ` +
        'machine may be able to read the saved directory and voicemail. Fix its owner or permissions.',
      err,
    );
    return false;
  }
}
