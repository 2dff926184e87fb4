// Placing calls and the Recent calls list, for the active profile. The profile's call mode
// decides what Call does everywhere: ring "my extension" through the PBX (click-to-call), or hand
// a tel:/sip:/callto: link to the softphone. A PBX call is never repeated by the app: the core
// refuses a second one while the first is in flight, and nothing here retries.
import type { RecentCalls } from '../../../electron/core/shared/agent-contract.js';
import type { CallMode } from '../../../electron/core/shared/agent-domain.js';
import type { AppErrorData } from '../../../electron/core/shared/errors.js';
import { app } from './app.svelte.js';
import { bridge } from './bridge.js';

/** What Call did, as facts: CallFeedback words them in the window's language. */
export interface CallOutcome {
  kind: 'pending' | 'ok' | 'error' | 'link';
  error: AppErrorData | null;
  /** The number called, my extension ringing (pending); caller and callee the PBX confirmed (ok). */
  number?: string;
  mine?: string | null;
  caller?: string;
  callee?: string;
  /** Epoch ms of the outcome (shown for failures). */
  at: number;
  /** The link handed to the softphone. */
  uri?: string;
}

export class CallsState {
  mode = $state<CallMode>('softphone');
  outcome = $state<CallOutcome | null>(null);
  recent = $state.raw<RecentCalls | null>(null);
  recentError = $state<AppErrorData | null>(null);
  recentBusy = $state(false);
  #profile: string | null = null;

  /** Reads the call mode of the active profile (again after a profile switch). */
  async load(): Promise<void> {
    const id = app.activeId;
    if (id === this.#profile) return;
    this.#profile = id;
    this.recent = null;
    this.outcome = null;
    const r = await bridge.personal.get();
    if (r.ok && app.activeId === id) this.mode = r.data.callMode;
  }

  async setMode(mode: CallMode): Promise<void> {
    const r = await bridge.personal.callMode({ mode });
    if (r.ok) this.mode = r.data.callMode;
  }

  get myExtension(): string | null {
    return app.activeProfile?.myExtension ?? null;
  }

  async call(number: string): Promise<void> {
    if (this.outcome?.kind === 'pending') return;
    if (this.mode === 'softphone') {
      const r = await bridge.dial.open({ number });
      this.outcome = r.ok
        ? { kind: 'link', error: null, at: Date.now(), uri: r.data.uri }
        : { kind: 'error', error: r.error, at: Date.now() };
      return;
    }
    const mine = this.myExtension;
    this.outcome = { kind: 'pending', number, mine, error: null, at: Date.now() };
    const r = await bridge.calls.place({ number });
    this.outcome = r.ok
      ? {
          kind: 'ok',
          caller: r.data.caller,
          callee: r.data.callee,
          error: null,
          at: r.data.at,
        }
      : {
          kind: 'error',
          error: r.error,
          at: Number(r.error.detail?.at ?? Date.now()),
        };
  }

  async loadRecent(): Promise<void> {
    this.recentBusy = true;
    const r = await bridge.calls.recent({});
    this.recentBusy = false;
    if (r.ok) {
      this.recent = r.data;
      this.recentError = r.data.error;
    } else this.recentError = r.error;
  }
}

export const calls = new CallsState();
