import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../../electron/core/browser-host/server.js';
import { createDispatcher, type Handlers } from '../../../electron/core/dispatch/dispatcher.js';
import { EventHub } from '../../../electron/core/dispatch/events.js';

let host: BrowserHost;
let dir: string;
const events = new EventHub();
const calls: unknown[] = [];
const handlers = new Proxy({} as Handlers, {
  get: (_t, channel) => (req: unknown) => {
    calls.push({ channel, req });
    return channel === 'voicemail:audio'
      ? { wav: new Uint8Array([82, 73, 70, 70]), format: 'gsm' }
      : { echoed: req ?? null };
  },
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vpbx-host-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  const dispatch = createDispatcher(handlers);
  host = await startBrowserHost({ dispatch, events, staticDir: dir });
});
afterAll(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

function send(
  h: BrowserHost,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const url = new URL(h.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const good = (h: BrowserHost) => ({
  host: new URL(h.origin).host,
  origin: h.origin,
  'x-vpbx-token': h.token,
  'content-type': 'application/json',
});

describe('browser host', () => {
  it('answers a request from our page with the dispatcher result, binary as the raw body', async () => {
    const r = await send(host, '/api/invoke/sync:state', {
      method: 'POST',
      headers: good(host),
      body: 'null',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, data: { echoed: null } });
    const a = await send(host, '/api/invoke/voicemail:audio', {
      method: 'POST',
      headers: good(host),
      body: JSON.stringify({ extensionId: '1', key: 'INBOX/msg0000' }),
    });
    // No base64: the bytes are the body (a third of the size, no encoding pass over them).
    expect(a.headers['content-type']).toBe('application/octet-stream');
    expect(a.body).toBe('RIFF');
    expect(JSON.parse(decodeURIComponent(String(a.headers['x-vpbx-result'])))).toEqual({
      field: 'wav',
      data: { format: 'gsm' },
    });
  });

  it('refuses other hosts (DNS rebinding), other origins, missing tokens and non-JSON', async () => {
    const base = { method: 'POST', body: 'null' };
    expect(
      (
        await send(host, '/api/invoke/sync:state', {
          ...base,
          headers: { ...good(host), host: 'evil.example' },
        })
      ).status,
    ).toBe(421);
    expect(
      (
        await send(host, '/api/invoke/sync:state', {
          ...base,
          headers: { ...good(host), origin: 'http://evil.example' },
        })
      ).status,
    ).toBe(403);
    const { origin: _o, ...noOrigin } = good(host);
    expect((await send(host, '/api/invoke/sync:state', { ...base, headers: noOrigin })).status).toBe(403);
    expect(
      (
        await send(host, '/api/invoke/sync:state', {
          ...base,
          headers: { ...good(host), 'x-vpbx-token': 'guess' },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await send(host, '/api/invoke/sync:state', {
          ...base,
          headers: { ...good(host), 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(415);
    expect((await send(host, '/api/invoke/sync:state', { headers: good(host) })).status).toBe(405);
    expect(calls.filter((c) => (c as { channel: string }).channel === 'sync:state')).toHaveLength(1);
  });

  it('passes unknown channels and bad payloads to the dispatcher, which refuses them', async () => {
    const r = await send(host, '/api/invoke/nope:never', { method: 'POST', headers: good(host), body: '{}' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await send(host, '/api/invoke/sync:state', {
      method: 'POST',
      headers: good(host),
      body: '{"x":',
    });
    expect(bad.status).toBe(400);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const page = await send(host, '/', { headers: { host: new URL(host.origin).host } });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    const escape = await send(host, '/..%2f..%2fetc%2fpasswd', {
      headers: { host: new URL(host.origin).host },
    });
    expect([403, 404]).toContain(escape.status);
    expect(escape.body).not.toContain('root:');
  });

  it('streams events only with the token', async () => {
    const denied = await send(host, '/api/events?token=nope', {
      headers: { host: new URL(host.origin).host },
    });
    expect(denied.status).toBe(401);
  });
});
