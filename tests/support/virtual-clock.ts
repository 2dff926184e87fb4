// A virtual clock for the core's background work (the `clock` option of createAppCore): time
// moves only when a test or the fleet benchmark advances it, and the timers due on the way run
// in order, each at its own time. Real I/O (the demo PBX on loopback) still happens; `settle`
// says how to wait for the work a timer started before the clock moves on.
import type { Timers } from '../../electron/core/app/timers.js';

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
  ) {
    this.#now = start;
  }

  readonly now = (): number => this.#now;

  readonly timers: Timers = {
    setTimeout: (fn, ms) => {
      const entry = { id: ++this.#seq, due: this.#now + Math.max(0, ms), fn };
      // Kept sorted by due time, then by order of arming (as Node runs equal timers).
      let i = this.#queue.length;
      while (i > 0 && (this.#queue[i - 1]?.due ?? 0) > entry.due) i--;
      this.#queue.splice(i, 0, entry);
      return entry.id;
    },
    clearTimeout: (handle) => {
      const i = this.#queue.findIndex((e) => e.id === handle);
      if (i >= 0) this.#queue.splice(i, 1);
    },
  };

  /** Due times of the timers armed now, soonest first. */
  pending(): number[] {
    return this.#queue.map((e) => e.due);
  }

  /** Runs every timer due up to now + ms, waiting for the work of each, then stands at the end. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    await this.settle();
    for (;;) {
      const next = this.#queue[0];
      if (!next || next.due > end) break;
      this.#queue.shift();
      this.#now = next.due;
      next.fn();
      await this.settle();
    }
    this.#now = end;
  }
}
