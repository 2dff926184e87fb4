// The window's bridge wired straight to a real core, for the renderer's state-class specs: the
// same operations and events the preload and the browser host carry, without a transport. A
// spec mocks `renderer/src/lib/bridge.ts` with `bridge` and attaches the core it made.
import { buildBridge, type Bridge } from '../../electron/core/shared/bridge.js';
import type { AppCore } from '../../electron/core/app/app-core.js';
import { ERROR_CODES, type Result } from '../../electron/core/shared/errors.js';

let core: AppCore | null = null;

export function attachCore(next: AppCore | null): void {
  core = next;
}

export const bridge: Bridge = buildBridge(
  async (channel, request) =>
    core
      ? core.dispatch(channel, request, { host: 'test' })
      : ({ ok: false, error: { code: 'INTERNAL', message: ERROR_CODES.INTERNAL } } as Result<unknown>),
  (event, listener) => {
    if (!core) return () => {};
    // No replay: like Electron's IPC and the browser host's SSE, a late window asks events:latest.
    return core.events.subscribe((name, payload) => {
      if (name === event) listener(payload);
    });
  },
);
