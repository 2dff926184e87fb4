// Fan-out of core events (sync state, new voicemail) to every connected transport. Listeners get
// plain payloads only; subscribing returns the function that unsubscribes.
import type { EventName } from '../shared/channels.js';
import type { EventPayloads } from '../shared/contract.js';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

export class EventHub {
  readonly #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.#listeners) {
      try {
        listener(event, payload);
      } catch {
        // one broken transport must not stop the others from hearing the event
      }
    }
  }
}
