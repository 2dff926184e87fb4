// Keeps the active profile's directory: loads the cached snapshot first (the app is usable
// before any network call), then syncs from the PBX. One sync at a time per profile; progress
// and state go out as `sync:state` events. Any failure keeps the last good snapshot and says
// online/offline/error with its age; when offline it retries by itself with backoff.
import { AppError, toAppError } from '../app-error.js';
import type { EventHub } from '../dispatch/events.js';
import type { ListValidators, PbxClient } from '../pbx/client.js';
import type { SyncState } from '../shared/contract.js';
import { type Extension, type Profile, SNAPSHOT_VERSION, type Snapshot } from '../shared/domain.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import { diffDirectories, type Fingerprint, fingerprint } from './directory-diff.js';
import { nodeTimers, type Timers } from '../timers.js';
import { IDLE_SYNC } from '../shared/sync-idle.js';

// A connection that drops mid-answer is network trouble like an unreachable PBX: offline, retried.
const OFFLINE_CODES = new Set(['PBX_UNREACHABLE', 'PBX_TIMEOUT', 'CONNECTION_DROPPED']);
const RETRYABLE_CODES = new Set([...OFFLINE_CODES, 'PBX_ERROR', 'INVALID_RESPONSE']);

export interface SyncServiceOptions {
  snapshots: SnapshotStore;
  events: EventHub;
  clientFor: (profile: Profile) => Promise<PbxClient>;
  now?: () => number;
  /** Where the retry waits run (a virtual clock in tests and the fleet benchmark). */
  timers?: Timers;
  /** The jitter's randomness. */
  random?: () => number;
}

/** The first automatic retry comes within this long, so a short outage is over quickly. */
export const FIRST_RETRY_MS = 5_000;
/** Retries of a long outage settle at one every five minutes at most. */
export const MAX_RETRY_MS = 300_000;
const MIN_RETRY_MS = 1_000;

/**
 * The wait before automatic retry number `attempt` (0 = the first): exponential backoff with
 * full jitter, so the desks of a call centre that lost the PBX together do not all come back
 * in the same second. Never below a second, so a failing PBX is not hammered.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 16));
  return Math.max(MIN_RETRY_MS, Math.round(random() * ceiling));
}

export class SyncService {
  #state: SyncState = { ...IDLE_SYNC };
  #profile: Profile | null = null;
  #snapshot: Snapshot | null = null;
  #running: Promise<SyncState> | null = null;
  #abort: AbortController | null = null;
  #retryTimer: unknown = null;
  /** The cache validators of the last full answer, for a conditional next request. */
  #validators: ListValidators | null = null;
  /** Of the directory in memory, computed when first needed. */
  #fingerprint: Fingerprint | null = null;
  #retryIndex = 0;
  #lastProgressEmit = 0;
  readonly #opts: Required<SyncServiceOptions>;

  constructor(opts: SyncServiceOptions) {
    // Each default is taken field by field: spreading `opts` over the defaults once replaced a
    // default with `undefined` and froze the app in "Syncing" after its first outage.
    this.#opts = {
      ...opts,
      now: opts.now ?? Date.now,
      timers: opts.timers ?? nodeTimers,
      random: opts.random ?? Math.random,
    };
  }

  get state(): SyncState {
    return this.#state;
  }

  get profile(): Profile | null {
    return this.#profile;
  }

  /** The directory in memory (what the renderer and exports read), or null before any sync. */
  get snapshot(): Snapshot | null {
    return this.#snapshot;
  }

  /** Switches to `profile`: shows its cached directory at once, then syncs in the background. */
  async activate(profile: Profile | null, opts: { sync?: boolean } = {}): Promise<SyncState> {
    this.cancel();
    this.#clearRetry();
    this.#profile = profile;
    this.#snapshot = null;
    this.#validators = null;
    this.#fingerprint = null;
    if (!profile) return this.#set({ ...IDLE_SYNC });
    let recovered: string | null = null;
    let lastError = null;
    try {
      const loaded = await this.#opts.snapshots.load(profile.id);
      this.#snapshot = loaded?.snapshot ?? null;
      recovered = loaded?.recovered ? loaded.recovered.notice.message : null;
    } catch (err) {
      lastError = toAppError(err).toData();
    }
    this.#set({
      seq: 0,
      profileId: profile.id,
      status: 'unknown',
      syncedAt: this.#snapshot?.syncedAt ?? null,
      extensionCount: this.#snapshot?.extensions.length ?? 0,
      checkedAt: null,
      changes: null,
      progress: null,
      lastError,
      recovered,
    });
    if (opts.sync !== false) void this.syncNow().catch(() => {});
    return this.#state;
  }

  /** Runs a sync, or joins the one already running for this profile. */
  syncNow(): Promise<SyncState> {
    if (this.#running) return this.#running;
    const profile = this.#profile;
    if (!profile) return Promise.reject(new AppError('PROFILE_NOT_FOUND'));
    this.#clearRetry();
    this.#running = this.#run(profile).finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  cancel(): boolean {
    if (!this.#abort) return false;
    this.#abort.abort();
    return true;
  }

  /** Replaces one extension after a detail refresh, in memory and on disk. */
  async updateExtension(ext: Extension): Promise<void> {
    const profile = this.#profile;
    if (!profile || !this.#snapshot) return;
    this.#snapshot = await this.#opts.snapshots.updateExtension(profile.id, ext);
  }

  dispose(): void {
    this.cancel();
    this.#clearRetry();
  }

  async #run(profile: Profile): Promise<SyncState> {
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({
      ...this.#state,
      status: 'syncing',
      progress: { phase: 'connecting', bytes: 0, totalBytes: null },
    });
    try {
      const client = await this.#opts.clientFor(profile);
      const answer = await client.listExtensionsIfChanged(
        this.#validators,
        abort.signal,
        (bytes, totalBytes) => this.#progress(bytes, totalBytes),
      );
      const checkedAt = this.#opts.now();
      if (answer.notModified || answer.extensions.length === 0) {
        if (!answer.notModified || !this.#snapshot) throw new AppError('TENANT_EMPTY');
        return this.#settled(profile, checkedAt, null);
      }
      const fresh = fingerprint(answer.extensions);
      const before = this.#snapshot ? (this.#fingerprint ??= fingerprint(this.#snapshot.extensions)) : null;
      this.#validators = answer.validators;
      // The same directory again: nothing is written and the window keeps what it shows.
      if (before && before.all === fresh.all) return this.#settled(profile, checkedAt, null);
      const { bytes = 0, totalBytes = null } = this.#state.progress ?? {};
      this.#set({ ...this.#state, progress: { phase: 'saving', bytes, totalBytes } });
      const snapshot: Snapshot = {
        version: SNAPSHOT_VERSION,
        profileId: profile.id,
        tenant: profile.tenant,
        syncedAt: checkedAt,
        extensions: keepKnownCdr(answer.extensions, this.#snapshot),
      };
      await this.#opts.snapshots.save(snapshot);
      if (this.#profile?.id !== profile.id) return this.#state; // switched away meanwhile
      this.#snapshot = snapshot;
      this.#fingerprint = fresh;
      return this.#settled(profile, checkedAt, before ? diffDirectories(before, fresh) : null);
    } catch (err) {
      const error = toAppError(err);
      if (this.#profile?.id !== profile.id) return this.#state;
      const status =
        error.code === 'CANCELLED'
          ? this.#snapshot
            ? 'offline'
            : 'unknown'
          : OFFLINE_CODES.has(error.code)
            ? 'offline'
            : 'error';
      if (RETRYABLE_CODES.has(error.code)) this.#scheduleRetry();
      return this.#set({ ...this.#state, status, progress: null, lastError: error.toData() });
    } finally {
      if (this.#abort === abort) this.#abort = null;
    }
  }

  /** The PBX answered: online, checked now; `changes` when the directory was replaced. */
  #settled(profile: Profile, checkedAt: number, changes: SyncState['changes']): SyncState {
    if (this.#profile?.id !== profile.id) return this.#state;
    this.#retryIndex = 0;
    const snap = this.#snapshot;
    return this.#set({
      ...this.#state,
      status: 'online',
      syncedAt: snap?.syncedAt ?? null,
      checkedAt,
      changes: changes ?? this.#state.changes,
      extensionCount: snap?.extensions.length ?? 0,
      progress: null,
      lastError: null,
      recovered: null,
    });
  }

  #progress(bytes: number, totalBytes: number | null): void {
    const now = this.#opts.now();
    if (now - this.#lastProgressEmit < 100) return;
    this.#lastProgressEmit = now;
    this.#set({ ...this.#state, progress: { phase: 'downloading', bytes, totalBytes } });
  }

  #scheduleRetry(): void {
    this.#clearRetry();
    const delay = retryDelayMs(this.#retryIndex, this.#opts.random);
    this.#retryIndex++;
    this.#retryTimer = this.#opts.timers.setTimeout(() => {
      this.#retryTimer = null;
      void this.syncNow().catch(() => {});
    }, delay);
  }

  #clearRetry(): void {
    if (this.#retryTimer !== null) this.#opts.timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
  }

  #set(state: SyncState): SyncState {
    this.#state = { ...state, seq: this.#state.seq + 1 };
    this.#opts.events.emit('sync:state', this.#state);
    return this.#state;
  }
}

/** The extension list carries no CDR figures: keep the last known ones by extension id. */
function keepKnownCdr(fresh: Extension[], previous: Snapshot | null): Extension[] {
  if (!previous) return fresh;
  const cdr = new Map(previous.extensions.filter((e) => e.cdr).map((e) => [e.id, e.cdr]));
  if (cdr.size === 0) return fresh;
  return fresh.map((e) => (cdr.has(e.id) ? { ...e, cdr: cdr.get(e.id) ?? null } : e));
}
