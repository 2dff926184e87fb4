// Voicemail for the active profile: the agent's own mailbox ("my extension") and, only when the
// profile allows it, other extensions' mailboxes. Lists are cached per mailbox so they show
// offline; audio is fetched by the core (never by the renderer), converted to playable WAV
// (GSM 6.10 decoded in a worker thread) and kept in the bounded audio cache. The PBX's recfile
// paths carry its /static/<token>/ capability: they stay in this object's memory, never in a
// result or on disk; the window names a message by its key, and a path that is not in memory
// (after a restart) is looked up by listing the mailbox again. A poller watches the agent's
// INBOX and Urgent folders and raises `voicemail:new`, backing off while the PBX is unreachable.
import { join } from 'node:path';
import { AppError, toAppError } from '../app-error.js';
import type { EventHub } from '../dispatch/events.js';
import type { PbxClient } from '../pbx/client.js';
import type { VoicemailList, VoicemailMessage } from '../shared/contract.js';
import type { Profile } from '../shared/domain.js';
import { isUnheardFolder } from '../shared/voicemail-folders.js';
import { GuardedJsonFile } from '../store/guarded-json.js';
import { AudioCache } from '../voicemail/audio-cache.js';
import { type CachedList, exact, message, parseCachedList } from '../voicemail/message-list.js';
import { playableWav } from '../voicemail/playable.js';
import { toPlayableWav } from '../voicemail/wav.js';
import type { Contact } from '../shared/agent-domain.js';
import { NameBook } from './recent-calls.js';
import type { SettingsStore } from './settings-store.js';
import type { SyncService } from './sync-service.js';
import { nodeTimers, type Timers } from '../timers.js';

export interface VoicemailDeps {
  /** `<data>/profiles/<id>`, with the id checked: the snapshot store's, so removal finds it all. */
  profileDir: (profileId: string) => string;
  sync: SyncService;
  clientFor: (profile: Profile) => Promise<PbxClient>;
  events: EventHub;
  settings: SettingsStore;
  /** The active profile's cached phonebook contacts, for naming callers. */
  contacts?: ((profileId: string) => Promise<readonly Contact[]>) | undefined;
  saveFile?: ((suggestedName: string, bytes: Uint8Array) => Promise<string | null>) | undefined;
  cacheBytes?: number;
  /** Where the polling waits run (a virtual clock in the fleet benchmark). */
  timers?: Timers;
}

const OFFLINE = new Set(['PBX_UNREACHABLE', 'PBX_TIMEOUT']);
/** Failures a fresh recfile cannot mend. */
const NO_RETRY = new Set(['CANCELLED', 'AUDIO_LINK_REFUSED', 'AUDIO_TOO_LONG', 'BODY_TOO_LARGE']);
const MAX_POLL_MS = 10 * 60_000;

export class VoicemailHandlers {
  #pollTimer: unknown = null;
  #pollDelay = 0;
  #knownInbox: Set<string> | null = null;
  #lastUnread: number | null = null;
  #disposed = false;
  /** recfile by profile, mailbox extension and message key (memory only, see the header). */
  readonly #recfiles = new Map<string, string>();
  readonly #unsubscribe: () => void;
  /** The records last written per list file (see list()). */
  readonly #written = new Map<string, string>();

  constructor(private readonly deps: VoicemailDeps) {
    // "My extension" is found in the directory: until the first sync lands there is nothing to
    // poll, so check as soon as one does instead of waiting a whole polling interval.
    this.#unsubscribe = deps.events.subscribe((event, payload) => {
      if (event !== 'sync:state' || this.#knownInbox !== null || this.#disposed) return;
      if ((payload as { status: string }).status === 'online') {
        this.#stopPoll();
        this.#schedule(100);
      }
    });
  }

  /** Tells the tray and the window the agent's unread count, when it changed or news came. */
  #announce(list: VoicemailList, newKeys: string[]): void {
    if (newKeys.length === 0 && list.unread === this.#lastUnread) return;
    this.#lastUnread = list.unread;
    this.deps.events.emit('voicemail:new', { mailbox: list.mailbox, unread: list.unread, newKeys });
  }

  #profile(): Profile {
    const p = this.deps.sync.profile;
    if (!p) throw new AppError('PROFILE_NOT_FOUND');
    return p;
  }

  #profileDir(p: Profile): string {
    return this.deps.profileDir(p.id);
  }

  #cache(p: Profile): AudioCache {
    return new AudioCache(join(this.#profileDir(p), 'voicemail'), this.deps.cacheBytes);
  }

  #listFile(p: Profile, extensionId: string): GuardedJsonFile<CachedList> {
    return new GuardedJsonFile(
      join(this.#profileDir(p), `voicemail-list-${encodeURIComponent(extensionId)}.json`),
      parseCachedList,
    );
  }

  /** The agent's own extension id, from "my extension" (a dialable number) and the directory. */
  myExtensionId(p: Profile): string | null {
    if (!p.myExtension) return null;
    return this.deps.sync.snapshot?.extensions.find((e) => e.number === p.myExtension)?.id ?? null;
  }

  /** Privacy default: other people's mailboxes only when the profile allows it. */
  #resolve(p: Profile, extensionId: string | undefined): string {
    const mine = this.myExtensionId(p);
    const id = extensionId ?? mine;
    if (!id)
      throw new AppError(
        'NOT_FOUND',
        'No "my extension" is set for this profile, or it is not in the directory. Set it in the connection settings.',
      );
    if (id !== mine && !p.showOthersVoicemail) throw new AppError('VOICEMAIL_DISABLED');
    return id;
  }

  async list(extensionId?: string): Promise<VoicemailList> {
    const p = this.#profile();
    const id = this.#resolve(p, extensionId);
    const mailbox = this.deps.sync.snapshot?.extensions.find((e) => e.id === id)?.number ?? id;
    const file = this.#listFile(p, id);
    let cached: CachedList | null;
    let error = null;
    let fromCache = false;
    try {
      const client = await this.deps.clientFor(p);
      const { records } = await client.listVoicemail(id);
      for (const r of records) this.#recfiles.set(this.#recfileKey(p, id, r.key), r.recfile);
      cached = { mailbox, extensionId: id, records: records.map(message), fetchedAt: Date.now() };
      // A poll every minute mostly finds the same list: write it only when it changed, so an
      // idle desktop does not rewrite (and fsync) a file every minute all day.
      const written = JSON.stringify(cached.records);
      if (this.#written.get(file.path) !== written) {
        await file.write(JSON.stringify(cached));
        this.#written.set(file.path, written);
      }
    } catch (err) {
      const e = toAppError(err);
      if (e.code === 'CANCELLED') throw e;
      error = e.toData();
      cached = (await file.read().catch(() => null))?.value ?? null;
      fromCache = true;
      if (!cached) throw e;
    }
    const view = await this.#view(p, cached, fromCache, error);
    // The agent's own list, fresh from the PBX, is the newest unread count there is.
    if (!fromCache && id === this.myExtensionId(p)) this.#announce(view, []);
    return view;
  }

  async #view(
    p: Profile,
    list: CachedList,
    fromCache: boolean,
    error: VoicemailList['error'],
  ): Promise<VoicemailList> {
    const cache = this.#cache(p);
    const cachedKeys: string[] = [];
    for (const r of list.records) if (await cache.has(list.mailbox, r.key)) cachedKeys.push(r.key);
    const unread = list.records.filter((r) => isUnheardFolder(r.folder)).length;
    const contacts = (await this.deps.contacts?.(p.id).catch(() => null)) ?? [];
    const names = new NameBook(this.deps.sync.snapshot?.extensions ?? [], contacts);
    const records = list.records.map((r) => ({ ...r, known: names.lookup(r.caller.number) }));
    return { ...list, records, cached: cachedKeys, fromCache, error, unread };
  }

  #recfileKey(p: Profile, extensionId: string, key: string): string {
    return JSON.stringify([p.id, extensionId, key]);
  }

  /** The message's recfile: from memory, else from a fresh listing of its mailbox. */
  async #recfile(p: Profile, id: string, key: string, fresh: boolean): Promise<string> {
    const k = this.#recfileKey(p, id, key);
    if (fresh) this.#recfiles.delete(k);
    if (!this.#recfiles.has(k)) {
      const list = await this.list(id);
      if (list.fromCache && list.error) throw new AppError(list.error.code, list.error.message);
    }
    const recfile = this.#recfiles.get(k);
    if (!recfile) throw new AppError('NOT_FOUND');
    return recfile;
  }

  async #record(p: Profile, id: string, key: string): Promise<{ record: VoicemailMessage; mailbox: string }> {
    const list = (
      await this.#listFile(p, id)
        .read()
        .catch(() => null)
    )?.value;
    const record = list?.records.find((r) => r.key === key);
    if (!list || !record) throw new AppError('NOT_FOUND');
    return { record, mailbox: list.mailbox };
  }

  async audio(extensionId: string, key: string) {
    const p = this.#profile();
    const id = this.#resolve(p, extensionId);
    const { record, mailbox } = await this.#record(p, id, key);
    const cache = this.#cache(p);
    const hit = await cache.get(mailbox, key);
    if (hit) {
      // Cached audio is already PCM/mu-law/A-law: reading its header is all that is left to do.
      const info = toPlayableWav(hit.wav);
      return { wav: exact(hit.wav), format: hit.format, durationSec: info.durationSec, fromCache: true };
    }
    let bytes: Uint8Array;
    try {
      const client = await this.deps.clientFor(p);
      try {
        bytes = await client.fetchAudio(await this.#recfile(p, id, record.key, false));
      } catch (err) {
        const e = toAppError(err);
        if (NO_RETRY.has(e.code) || OFFLINE.has(e.code)) throw e;
        // The /static/<token>/ segment can expire: list again and retry once with the fresh path.
        bytes = await client.fetchAudio(await this.#recfile(p, id, record.key, true));
      }
    } catch (err) {
      const e = toAppError(err);
      if (OFFLINE.has(e.code)) throw new AppError('AUDIO_UNAVAILABLE', undefined, { cause: e });
      throw e;
    }
    const playable = await playableWav(bytes);
    await cache.put(mailbox, key, { wav: playable.wav, format: playable.format });
    return {
      wav: exact(playable.wav),
      format: playable.format,
      durationSec: playable.durationSec,
      fromCache: false,
    };
  }

  async #act(
    extensionId: string,
    key: string,
    action: 'markListened' | 'deleteMessage',
  ): Promise<VoicemailList> {
    const p = this.#profile();
    const id = this.#resolve(p, extensionId);
    const { record, mailbox } = await this.#record(p, id, key);
    const client = await this.deps.clientFor(p);
    await client[action](mailbox, record.folder, record.msg);
    if (action === 'deleteMessage') await this.#cache(p).remove(mailbox, key);
    const list = await this.list(id);
    if (id === this.myExtensionId(p)) this.#announce(list, []);
    return list;
  }

  markListened(extensionId: string, key: string): Promise<VoicemailList> {
    return this.#act(extensionId, key, 'markListened');
  }

  remove(extensionId: string, key: string): Promise<VoicemailList> {
    return this.#act(extensionId, key, 'deleteMessage');
  }

  async saveAs(extensionId: string, key: string): Promise<{ saved: string | null }> {
    if (!this.deps.saveFile) throw new AppError('NOT_SUPPORTED', 'Saving files is done by the desktop app.');
    const { wav } = await this.audio(extensionId, key);
    const { record } = await this.#record(this.#profile(), this.#resolve(this.#profile(), extensionId), key);
    const stamp = record.date
      ? new Date(record.date * 1000).toISOString().slice(0, 16).replace(/[:T]/g, '-')
      : record.msg;
    return { saved: await this.deps.saveFile(`voicemail-${record.mailbox}-${stamp}.wav`, wav) };
  }

  /** (Re)starts polling the agent's INBOX with the interval from the settings. */
  restart(): void {
    this.#stopPoll();
    this.#knownInbox = null;
    this.#lastUnread = null;
    this.#written.clear();
    this.#pollDelay = 0;
    if (!this.#disposed) this.#schedule(1_000);
  }

  #schedule(ms: number): void {
    this.#pollTimer = (this.deps.timers ?? nodeTimers).setTimeout(() => void this.#poll(), ms);
  }

  async #poll(): Promise<void> {
    this.#pollTimer = null;
    const base = (await this.deps.settings.get()).voicemailPollSeconds * 1000;
    try {
      const p = this.deps.sync.profile;
      const mine = p ? this.myExtensionId(p) : null;
      if (p && mine) {
        const list = await this.list(mine);
        const inbox = list.records.filter((r) => isUnheardFolder(r.folder)).map((r) => r.key);
        const newKeys = this.#knownInbox ? inbox.filter((k) => !this.#knownInbox?.has(k)) : [];
        this.#knownInbox = new Set(inbox);
        this.#announce(list, newKeys);
        this.#pollDelay = list.fromCache
          ? Math.min(MAX_POLL_MS, Math.max(base, this.#pollDelay * 2 || base * 2))
          : base;
      } else this.#pollDelay = base;
    } catch {
      this.#pollDelay = Math.min(MAX_POLL_MS, Math.max(base, this.#pollDelay * 2 || base * 2));
    }
    if (!this.#disposed) this.#schedule(this.#pollDelay);
  }

  #stopPoll(): void {
    if (this.#pollTimer !== null) (this.deps.timers ?? nodeTimers).clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
  }

  dispose(): void {
    this.#disposed = true;
    this.#unsubscribe();
    this.#stopPoll();
  }
}
