// Deletes what the app cached of other people's mailboxes: their message lists and their audio.
// Runs when "show other extensions' voicemail" goes off (by the agent or by the administrator's
// policy), so that switching the privacy back on is not undone by what is already on disk.
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AudioCache, SOURCE_FORMATS } from './audio-cache.js';

const LIST = /^voicemail-list-(.+?)(\.prev|\.corrupt-[^.]*)?\.json$/;

/** Removes every cached list and audio file of a mailbox other than `mine` (an extension id, or
 *  null when the agent's own is unknown: then everything goes). Returns how many files went. */
export async function purgeOtherMailboxes(profileDir: string, mine: string | null): Promise<number> {
  const names = await readdir(profileDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const m = LIST.exec(name);
    if (!m || safeDecode(m[1]!) === mine) continue;
    await rm(join(profileDir, name), { force: true });
    removed++;
  }
  const keep = mine ? await ownAudioNames(profileDir, mine) : new Set<string>();
  const audioDir = join(profileDir, 'voicemail');
  for (const name of await readdir(audioDir).catch(() => [] as string[])) {
    if (!name.endsWith('.wav') || keep.has(name)) continue;
    await rm(join(audioDir, name), { force: true });
    removed++;
  }
  return removed;
}

/** File names of the agent's own cached messages, from the agent's cached list. */
async function ownAudioNames(profileDir: string, mine: string): Promise<Set<string>> {
  const keep = new Set<string>();
  const text = await readFile(
    join(profileDir, `voicemail-list-${encodeURIComponent(mine)}.json`),
    'utf8',
  ).catch(() => null);
  if (!text) return keep;
  try {
    const list = JSON.parse(text) as { mailbox?: unknown; records?: { key?: unknown }[] };
    if (typeof list.mailbox !== 'string' || !Array.isArray(list.records)) return keep;
    const cache = new AudioCache(join(profileDir, 'voicemail'));
    for (const r of list.records) {
      if (typeof r.key !== 'string') continue;
      for (const f of SOURCE_FORMATS) keep.add(basename(cache.fileFor(list.mailbox, r.key, f)));
    }
  } catch {
    /* an unreadable list keeps nothing: the audio is fetched again when played */
  }
  return keep;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
