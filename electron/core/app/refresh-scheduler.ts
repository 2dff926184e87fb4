// Keeps the directory current while the app runs for weeks: a background refresh every
// `refreshMinutes` (15 by default) with ±20% jitter, so a call centre's desktops do not call the
// PBX in step, counted from the end of the last sync; and a refresh when the machine wakes, is
// unlocked or gets its network back, or when the window is shown after being hidden longer than
// the interval. While the PBX is unreachable the sync service's own retries (exponential
// backoff, full jitter) take over and this waits for the next successful sync.
import type { EventHub } from '../dispatch/events.js';
import type { NudgeReason, SyncState } from '../shared/contract.js';
import type { Timers } from '../timers.js';

/** The spread of each interval: 15 min means anywhere from 12 to 18. */
export const REFRESH_JITTER = 0.2;
/** A nudge right after a sync is no news (resume and unlock often come together). */
export const NUDGE_MIN_GAP_MS = 60_000;
/** Nudges come to many desktops at once (the office network is back): spread them a little. */
export const NUDGE_SPREAD_MS = 10_000;

export interface RefreshSchedulerOptions {
  events: EventHub;
  /** Starts a sync, or joins the one running. */
  syncNow: () => Promise<unknown>;
  state: () => SyncState;
  /** The configured interval (settings.refreshMinutes), read before each wait. */
  intervalMs: () => Promise<number>;
  now: () => number;
  timers: Timers;
  random: () => number;
}

export function jitteredInterval(baseMs: number, random: () => number): number {
  return Math.round(baseMs * (1 - REFRESH_JITTER + 2 * REFRESH_JITTER * random()));
}

export class RefreshScheduler {
  #timer: unknown = null;
  #hiddenAt: number | null = null;
  #lastSettled = -1;
  #disposed = false;
  readonly #unsubscribe: () => void;

  constructor(private readonly o: RefreshSchedulerOptions) {
    this.#unsubscribe = o.events.subscribe((event, payload) => {
      if (event === 'sync:state') this.#onState(payload as SyncState);
    });
  }

  #onState(s: SyncState): void {
    if (s.status === 'syncing' || s.progress !== null) return this.#clear();
    // Only a sync that reached the PBX starts the next wait; offline is the retries' business.
    if (s.status !== 'online' || s.checkedAt === null || s.checkedAt === this.#lastSettled) return;
    this.#lastSettled = s.checkedAt;
    void this.#scheduleNext();
  }

  async #scheduleNext(): Promise<void> {
    const base = await this.o.intervalMs();
    if (this.#disposed) return;
    this.#arm(jitteredInterval(base, this.o.random));
  }

  #arm(ms: number): void {
    this.#clear();
    this.#timer = this.o.timers.setTimeout(() => {
      this.#timer = null;
      void this.o.syncNow().catch(() => {});
    }, ms);
  }

  #clear(): void {
    if (this.#timer !== null) this.o.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** A host's hint; resolves whether it leads to a refresh. */
  async nudge(reason: NudgeReason): Promise<boolean> {
    const now = this.o.now();
    if (reason === 'hidden') {
      this.#hiddenAt = now;
      return false;
    }
    const state = this.o.state();
    if (!state.profileId || state.status === 'syncing' || this.#disposed) return false;
    if (reason === 'shown') {
      const hiddenFor = this.#hiddenAt === null ? 0 : now - this.#hiddenAt;
      this.#hiddenAt = null;
      if (hiddenFor <= (await this.o.intervalMs())) return false;
    }
    if (state.checkedAt !== null && now - state.checkedAt < NUDGE_MIN_GAP_MS) return false;
    // The window being shown is one agent looking: refresh at once. The machine-wide signals
    // reach every desktop together, so they wait a random moment first.
    this.#arm(reason === 'shown' ? 0 : Math.round(this.o.random() * NUDGE_SPREAD_MS));
    return true;
  }

  dispose(): void {
    this.#disposed = true;
    this.#unsubscribe();
    this.#clear();
  }
}
