// The clock the background work runs on. Production uses Node's timers (unref'd, so they never
// keep the process alive); tests and the fleet benchmark inject a virtual clock instead, so the
// shipped intervals, jitter and backoff are exercised as they are, only faster.
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** For background work: never keeps the process alive. */
export const nodeTimers: Timers = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

/** For a wait someone is awaiting (a request's retry): it must keep a CLI process alive. */
export const refTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
