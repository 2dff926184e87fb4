// The one dispatcher that answers every request, whatever the transport (Electron IPC, the
// browser host, tests): it checks the channel exists, validates the payload against the
// contract, runs the handler and turns every outcome into { ok, data } | { ok: false, error }.
// Nothing a caller sends can crash it, and no thrown object crosses a boundary.
import type { z } from 'zod';
import { CHANNELS, type Channel } from '../shared/channels.js';
import { contract, type Contract, type RequestOf, type ResultOf } from '../shared/contract.js';
import { errorData, type Result } from '../shared/errors.js';
import { toAppError } from '../app-error.js';

export interface CallContext {
  host: 'electron' | 'browser' | 'test';
}

export type Handlers = {
  [C in Channel]: (
    request: z.output<Contract[C]['request']>,
    ctx: CallContext,
  ) => Promise<ResultOf<C>> | ResultOf<C>;
};

export type Dispatch = (channel: unknown, payload: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/** A call from code that knows its channel (the shell, tests): the contract types both ends. */
export type Call = <C extends Channel>(
  channel: C,
  request: RequestOf<C>,
  ctx: CallContext,
) => Promise<Result<ResultOf<C>>>;

/** The dispatcher answers what the contract says for the channel: the one place that says so. */
export function typedCall(dispatch: Dispatch): Call {
  return <C extends Channel>(channel: C, request: RequestOf<C>, ctx: CallContext) =>
    dispatch(channel, request, ctx) as Promise<Result<ResultOf<C>>>;
}

const known = new Set<string>(CHANNELS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && known.has(value);
}

export function createDispatcher(
  handlers: Handlers,
  log: (msg: string, err: unknown) => void = () => {},
): Dispatch {
  return async (channel, payload, ctx) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: errorData('UNKNOWN_CHANNEL', undefined, { channel: String(channel).slice(0, 64) }),
      };
    }
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) {
      // Name the fields at fault, never echo their values: a payload may hold an app key.
      const fields = parsed.error.issues.map((i) => i.path.join('.') || '(request)').join(', ');
      return {
        ok: false,
        error: errorData('INVALID_REQUEST', undefined, { channel, fields: fields.slice(0, 200) }),
      };
    }
    try {
      const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (err) {
      const appError = toAppError(err);
      if (appError.code === 'INTERNAL') log(`handler for ${channel} failed`, err);
      return { ok: false, error: appError.toData() };
    }
  };
}
