// The bridge over HTTP, for the browser host: each operation is a POST to /api/invoke/<channel>
// carrying the per-launch token; events arrive by Server-Sent Events. The page gets the token by
// exchanging the one-time code of its launch URL (#code=…) once, and keeps it for the tab in
// sessionStorage. Binary results (voicemail audio) arrive as the raw response body, with the
// result's other fields in the x-vpbx-result header.
import { buildBridge, type Bridge } from '../../../electron/core/shared/bridge.js';
import type { EventName } from '../../../electron/core/shared/channels.js';
import { ERROR_CODES, type Result } from '../../../electron/core/shared/errors.js';

const TOKEN_KEY = 'vpbx-token';

async function obtainToken(): Promise<string> {
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  if (code) {
    // Off the address bar first: the code is spent either way.
    history.replaceState(null, '', location.pathname + location.search);
    try {
      const res = await fetch('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      if (res.ok) {
        const { token } = (await res.json()) as { token: string };
        sessionStorage.setItem(TOKEN_KEY, token);
        return token;
      }
    } catch {
      // The host is gone; every call below reports it.
    }
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function readResult(res: Response): Promise<Result<unknown>> {
  if (res.headers.get('content-type') === 'application/octet-stream') {
    const meta = JSON.parse(decodeURIComponent(res.headers.get('x-vpbx-result') ?? '')) as {
      field: string;
      data: Record<string, unknown>;
    };
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { ok: true, data: { ...meta.data, [meta.field]: bytes } };
  }
  return (await res.json()) as Result<unknown>;
}

export function createBrowserBridge(): Bridge {
  const token = obtainToken();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: Promise<EventSource> | null = null;

  function ensureEvents(): void {
    source ??= token.then((t) => {
      const es = new EventSource(`/api/events?token=${encodeURIComponent(t)}`);
      es.onmessage = (e: MessageEvent<string>) => {
        const { event, payload } = JSON.parse(e.data) as { event: EventName; payload: unknown };
        for (const l of listeners.get(event) ?? []) l(payload);
      };
      return es;
    });
  }

  return buildBridge(
    async (channel, request) => {
      try {
        const res = await fetch(`/api/invoke/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-vpbx-token': await token },
          body: JSON.stringify(request ?? null),
        });
        return await readResult(res);
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: ERROR_CODES.INTERNAL,
            detail: { reason: 'host-stopped' },
          },
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
