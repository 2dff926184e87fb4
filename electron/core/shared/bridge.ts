// The bridge object the renderer talks to: one function per operation, namespaced by domain
// (`bridge.directory.export({ format: 'csv' })`), plus `on(event, cb)` returning an unsubscribe
// function. Built from the channel list over any transport: Electron's preload passes
// ipcRenderer.invoke, the browser host's adapter passes fetch. Node-free and zod-free.
import { CHANNELS, camel, splitChannel, type Channel, type EventName } from './channels.js';
import type { EventPayloads, RequestOf, ResultOf } from './contract.js';
import type { Result } from './errors.js';

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type ActionOf<C extends string> = C extends `${string}:${infer A}` ? A : never;

export type Operation<C extends Channel> =
  undefined extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Result<ResultOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResultOf<C>>>;

export type Bridge = {
  [D in DomainOf<Channel>]: {
    [C in Channel as DomainOf<C> extends D ? Camel<ActionOf<C>> : never]: Operation<C>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function buildBridge(invoke: Invoke, subscribe: Subscribe): Bridge {
  const bridge: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [domain, action] = splitChannel(channel);
    const ns = (bridge[domain] ??= {}) as Record<string, unknown>;
    ns[camel(action)] = (request?: unknown) => invoke(channel, request);
  }
  bridge.on = (event: EventName, listener: (payload: unknown) => void) => subscribe(event, listener);
  return bridge as Bridge;
}
