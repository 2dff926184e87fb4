// Fan-out of core events (sync state, voicemail, shell requests) to every connected transport.
// Listeners get plain payloads only; subscribing returns the function that unsubscribes.
// State events (the sync state, the agent's unread voicemail) are also kept: a subscriber that
// arrives late (a window that loaded after the first poll) gets the latest value of each, so no
// other module has to re-derive them.
import type { EventName } from '../shared/channels.js';
import type { EventPayloads } from '../shared/contract.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Events that describe a current state, as opposed to a one-off request. */
export const STATE_EVENTS = ['sync:state', 'voicemail:new'] as const satisfies readonly EventName[];
export type StateEvent = (typeof STATE_EVENTS)[number];
export type LatestState = { [E in StateEvent]: EventPayloads[E] | null };

export class EventHub {
  readonly #listeners = new Set<EventListener>();
  readonly #latest: LatestState = { 'sync:state': null, 'voicemail:new': null };

  /** `replay`: hand the listener the latest value of each state event first. */
  subscribe(listener: EventListener, opts: { replay?: boolean } = {}): () => void {
    this.#listeners.add(listener);
    if (opts.replay) {
      for (const event of STATE_EVENTS) {
        const payload = this.latest()[event];
        if (payload) safely(() => listener(event, payload));
      }
    }
    return () => this.#listeners.delete(listener);
  }

  /** The latest value of each state event; a replayed voicemail event announces nothing new. */
  latest(): LatestState {
    const vm = this.#latest['voicemail:new'];
    return { 'sync:state': this.#latest['sync:state'], 'voicemail:new': vm ? { ...vm, newKeys: [] } : null };
  }

  /** Drops a state that no longer holds (the agent's mailbox of a profile left behind). */
  forget(event: StateEvent): void {
    this.#latest[event] = null;
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    if (event === 'sync:state' || event === 'voicemail:new') {
      (this.#latest as Record<string, unknown>)[event] = payload;
    }
    for (const listener of this.#listeners) safely(() => listener(event, payload));
  }
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // one broken transport must not stop the others from hearing the event
  }
}
