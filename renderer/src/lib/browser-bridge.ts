// The bridge over HTTP, for the browser host: each operation is a POST to /api/invoke/<channel>
// carrying the per-launch token; events arrive by Server-Sent Events. Binary results
// (Uint8Array) travel as { $bytes: base64 } and are restored here.
import { buildBridge, type Bridge } from '../../../electron/core/shared/bridge.js';
import type { EventName } from '../../../electron/core/shared/channels.js';
import type { Result } from '../../../electron/core/shared/errors.js';

function readToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('vpbx-token', fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem('vpbx-token') ?? '';
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.$bytes === 'string' && Object.keys(obj).length === 1) {
      return Uint8Array.from(atob(obj.$bytes), (c) => c.charCodeAt(0));
    }
    for (const k of Object.keys(obj)) obj[k] = revive(obj[k]);
  }
  return value;
}

export function createBrowserBridge(): Bridge {
  const token = readToken();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  function ensureEvents(): void {
    if (source) return;
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (e: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(e.data) as { event: EventName; payload: unknown };
      for (const l of listeners.get(event) ?? []) l(payload);
    };
  }

  return buildBridge(
    async (channel, request) => {
      try {
        const res = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-vpbx-token': token },
          body: JSON.stringify(request ?? null),
        });
        const text = await res.text();
        const value = JSON.parse(text) as unknown;
        // Walking a 100k-extension directory for binary markers costs ~200 ms: only when present.
        return (text.includes('"$bytes"') ? revive(value) : value) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'The app host stopped answering. Restart the app.' },
        } as Result<unknown>;
      }
    },
    (event, listener) => {
      ensureEvents();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  );
}
