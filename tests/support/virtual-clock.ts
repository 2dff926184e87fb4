// A virtual clock for the core's background work (the `clock` option of createAppCore): time
// moves only when a test or the fleet benchmark advances it, and the timers due on the way run
// in order, each at its own time. Real I/O (the demo PBX on loopback) still happens; `settle`
// says how to wait for the work a timer started before the clock moves on.
import type { Timers } from '../../electron/core/timers.js';

interface Entry {
  id: number;
  due: number;
  fn: () => void;
}

export class VirtualClock {
  #now: number;
  #seq = 0;
  readonly #queue: Entry[] = [];

  constructor(
    start: number,
    private readonly settle: () => Promise<void> = () => new Promise((r) => setImmediate(r)),
    /** Timers due within this long of each other run as one batch before `settle` (the fleet
     *  benchmark's resolution: its thousands of desktops would otherwise take hours). */
    private readonly batchMs = 0,
  ) {
    this.#now = start;
  }

  readonly now = (): number => this.#now;

  readonly timers: Timers = {
    setTimeout: (fn, ms) => this.at(this.#now + Math.max(0, ms), fn),
    clearTimeout: (handle) => {
      const i = this.#queue.findIndex((e) => e.id === handle);
      if (i >= 0) this.#queue.splice(i, 1);
    },
  };

  /** Arms a timer for the absolute time `due`. */
  at(due: number, fn: () => void): number {
    {
      const entry = { id: ++this.#seq, due, fn };
      // Kept sorted by due time, then by order of arming (as Node runs equal timers).
      let i = this.#queue.length;
      while (i > 0 && (this.#queue[i - 1]?.due ?? 0) > entry.due) i--;
      this.#queue.splice(i, 0, entry);
      return entry.id;
    }
  }

  /**
   * A clock of one's own on this timeline (one desktop of the fleet): its time is the due time of
   * its own timer that ran last, so the work of timers run in one batch does not all end "at
   * the same moment" and fall into step, as it would on the shared clock.
   */
  local(): { now: () => number; timers: Timers } {
    let now = this.#now;
    return {
      now: () => now,
      timers: {
        setTimeout: (fn, ms) => {
          const due = now + Math.max(0, ms);
          return this.at(due, () => {
            now = due;
            fn();
          });
        },
        clearTimeout: (handle) => this.timers.clearTimeout(handle),
      },
    };
  }

  /** Due times of the timers armed now, soonest first. */
  pending(): number[] {
    return this.#queue.map((e) => e.due);
  }

  /** Runs every timer due up to now + ms, waiting for the work of each, then stands at the end. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await this.settle();
    for (;;) {
      const first = this.#queue[0];
      if (!first || first.due > end) break;
      const until = Math.min(end, first.due + this.batchMs);
      for (let next: Entry | undefined = first; next && next.due <= until; next = this.#queue[0]) {
        this.#queue.shift();
        this.#now = next.due;
        next.fn();
      }
      await this.settle();
    }
    this.#now = end;
  }
}
