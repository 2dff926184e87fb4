// Every error code the client can raise, each from a real server behaviour on 127.0.0.1, and the
// rule that the app key never shows up in an error.
import { afterEach, describe, expect, it } from 'vitest';
import { PbxClient, type PbxClientOptions } from '../../../electron/core/pbx/client.js';
import { AppError } from '../../../electron/core/app-error.js';
import { type Fixture, type Handler, ok, sendJson, startFixture } from './fixture-server.js';
import { referenceExtension } from './fixtures.js';

const APP_KEY = 'app-key-3f9a7c21e5d04b6f';
let fixture: Fixture | null = null;
const clients: PbxClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await fixture?.close();
  fixture = null;
});

async function serve(handler: Handler): Promise<Fixture> {
  fixture = await startFixture(handler);
  return fixture;
}

function client(origin: string, opts: PbxClientOptions = {}, allowHttp = true): PbxClient {
  const c = new PbxClient(
    { baseUrl: origin, tenant: '1', appKey: APP_KEY, tlsPin: null, allowHttp },
    { retryBaseMs: 1, ...opts },
  );
  clients.push(c);
  return c;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) {
      // Whatever went wrong, the key stays out of what the user or a log could see.
      expect(JSON.stringify(err.toData())).not.toContain(APP_KEY);
      expect(String(err.stack)).not.toContain(APP_KEY);
      return err;
    }
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('HTTP status and body → error code', () => {
  it('401 → AUTH_BAD_KEY with the status and the server message', async () => {
    const f = await serve((_q, res) => sendJson(res, 401, { status: 'error', message: 'Invalid app key' }));
    const err = await failure(client(f.origin).listExtensions());
    expect(err.code).toBe('AUTH_BAD_KEY');
    expect(err.detail).toMatchObject({ status: 401, serverMessage: 'Invalid app key' });
    expect(err.message).toContain('Invalid app key');
    expect(f.requests).toHaveLength(1);
  });

  it('200 with a non-success status whose message says the key is invalid → AUTH_BAD_KEY', async () => {
    const f = await serve((_q, res) =>
      sendJson(res, 200, { status: 'error', message: 'The api key is invalid' }),
    );
    expect((await failure(client(f.origin).listExtensions())).code).toBe('AUTH_BAD_KEY');
  });

  it('403 with an HTML page → AUTH_FORBIDDEN, saying the key may be wrong or not allowed', async () => {
    const f = await serve((_q, res) => {
      res.writeHead(403, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Forbidden</h1></body></html>');
    });
    const err = await failure(client(f.origin).listExtensions());
    expect(err.code).toBe('AUTH_FORBIDDEN');
    expect(err.detail).toMatchObject({ status: 403 });
    expect(err.message).toMatch(/app key may be wrong, or not allowed/);
  });

  it('403 whose JSON message names the key → AUTH_BAD_KEY', async () => {
    const f = await serve((_q, res) => sendJson(res, 403, { status: 'error', message: 'Invalid app key' }));
    expect((await failure(client(f.origin).listExtensions())).code).toBe('AUTH_BAD_KEY');
  });

  it('404 on the directory itself → API_NOT_FOUND naming the URL tried, whatever the body', async () => {
    const bodies = [
      ['text/html', '<html><body><h1>Not Found</h1></body></html>'],
      ['application/json', '{"status":"error","message":"Not Found"}'],
    ];
    const f = await serve((_q, res, n) => {
      const [type, body] = bodies[(n - 1) % bodies.length]!;
      res.writeHead(404, { 'content-type': type });
      res.end(body);
    });
    for (let i = 0; i < bodies.length; i++) {
      const err = await failure(client(`${f.origin}/pbx`).listExtensions());
      expect(err.code).toBe('API_NOT_FOUND');
      expect(err.message).toContain(`${f.origin}/pbx/api/v2/extensions`);
      expect(err.message).not.toMatch(/item any more/);
      expect(err.detail).toMatchObject({ status: 404, url: `${f.origin}/pbx/api/v2/extensions` });
    }
    expect((await failure(client(f.origin).checkConnection())).code).toBe('API_NOT_FOUND');
  });

  it('404 → NOT_FOUND, 501 → NOT_SUPPORTED, 400 → PBX_ERROR, none retried', async () => {
    const statuses = [404, 501, 400];
    const f = await serve((_q, res, n) =>
      sendJson(res, statuses[n - 1] ?? 500, { status: 'error', message: 'Invalid Operation' }),
    );
    const c = client(f.origin);
    // One extension that is gone is an item the PBX no longer knows, not a wrong address.
    expect((await failure(c.getExtension('77'))).code).toBe('NOT_FOUND');
    expect((await failure(c.getQueues('77'))).code).toBe('NOT_SUPPORTED');
    const bad = await failure(c.getDevices('77'));
    expect(bad.code).toBe('PBX_ERROR');
    expect(bad.detail).toMatchObject({ status: 400 });
    expect(f.requests).toHaveLength(3);
  });

  it('200 with "Invalid Operation" → NOT_SUPPORTED; another failure status → PBX_ERROR', async () => {
    const msgs = ['Invalid Operation', 'Database is down'];
    const f = await serve((_q, res, n) => sendJson(res, 200, { status: 'failed', message: msgs[n - 1] }));
    const c = client(f.origin);
    expect((await failure(c.getCdrSummary('1'))).code).toBe('NOT_SUPPORTED');
    const err = await failure(c.getCdrSummary('1'));
    expect(err.code).toBe('PBX_ERROR');
    expect(err.detail).toMatchObject({ status: 200, serverMessage: 'Database is down' });
  });

  it('sanitises, caps and hides the app key in the server message', async () => {
    const f = await serve((_q, res) =>
      sendJson(res, 500, { status: 'error', message: `<b>bad\u0007 key</b> ${APP_KEY} ${'x'.repeat(500)}` }),
    );
    const err = await failure(client(f.origin, { retries: 0 }).listExtensions());
    const shown = String(err.detail?.serverMessage);
    expect(shown.startsWith('bad key [hidden] xxx')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(200);
  });

  it('a redirect is not followed (the key stays here) → PBX_ERROR naming the target', async () => {
    const f = await serve((_q, res) => {
      res.writeHead(301, { location: 'https://elsewhere.example/api/v2/extensions' });
      res.end();
    });
    const err = await failure(client(f.origin).listExtensions());
    expect(err.code).toBe('PBX_ERROR');
    expect(err.detail).toMatchObject({
      status: 301,
      location: 'https://elsewhere.example/api/v2/extensions',
    });
    expect(f.requests).toHaveLength(1);
  });

  it('an action answered 204 or with an empty body succeeds; an empty list body does not', async () => {
    const f = await serve((req, res) => {
      res.writeHead(req.method === 'DELETE' ? 204 : 200);
      res.end();
    });
    const c = client(f.origin);
    await expect(c.deleteMessage('100', 'INBOX', 'msg0000')).resolves.toBeUndefined();
    await expect(c.markListened('100', 'INBOX', 'msg0000')).resolves.toBeUndefined();
    expect((await failure(c.listExtensions())).code).toBe('INVALID_RESPONSE');
  });

  it('TENANT_EMPTY from checkConnection when the tenant has no extensions', async () => {
    const f = await serve((_q, res) => sendJson(res, 200, ok([])));
    const err = await failure(client(f.origin).checkConnection());
    expect(err.code).toBe('TENANT_EMPTY');
    expect(err.detail).toMatchObject({ tenant: '1' });
  });

  it('checkConnection counts the extensions', async () => {
    const f = await serve((_q, res) => sendJson(res, 200, ok([referenceExtension(), referenceExtension()])));
    expect(await client(f.origin).checkConnection()).toEqual({ extensions: 2 });
  });
});

describe('unreadable answers → INVALID_RESPONSE', () => {
  const bodies: Array<[string, string, string]> = [
    ['an HTML page on 200', 'text/html', '<!DOCTYPE html><html><body>Login</body></html>'],
    ['HTML sent as JSON', 'application/json', '  <br /><b>Warning</b>: mysql'],
    ['truncated JSON', 'application/json', '{"status":"success","data":[{"extension_id":1,'],
    ['invalid JSON', 'application/json', "{status: 'success'}"],
    ['a wrong envelope', 'application/json', '{"result":"ok","rows":[]}'],
    ['an envelope without data', 'application/json', '{"status":"success"}'],
    ['data that is not a list', 'application/json', '{"status":"success","data":"none"}'],
  ];
  it.each(bodies)('%s', async (_name, type, body) => {
    const f = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    });
    const err = await failure(client(f.origin).listExtensions());
    expect(err.code).toBe('INVALID_RESPONSE');
    expect(f.requests).toHaveLength(1);
  });
});

describe('network failures, timeouts, cancellation, limits', () => {
  it('ECONNREFUSED → PBX_UNREACHABLE', async () => {
    const f = await startFixture(() => {});
    const origin = f.origin;
    await f.close();
    const err = await failure(client(origin, { retries: 1 }).listExtensions());
    expect(err.code).toBe('PBX_UNREACHABLE');
    expect(err.detail).toMatchObject({ reason: 'ECONNREFUSED' });
  });

  it('a connection cut mid-body → CONNECTION_DROPPED (not an unreadable answer), after retrying the GET', async () => {
    const f = await serve((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 5000 });
      res.write('{"status":"success","data":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const err = await failure(client(f.origin, { retries: 1 }).listExtensions());
    expect(err.code).toBe('CONNECTION_DROPPED');
    expect(err.message).toMatch(/dropped while its answer was arriving/);
    expect(f.requests).toHaveLength(2);
  });

  it('a reset before any response → PBX_UNREACHABLE, retried for GET', async () => {
    const f = await serve((req) => req.socket.destroy());
    const err = await failure(client(f.origin, { retries: 2 }).listExtensions());
    expect(err.code).toBe('PBX_UNREACHABLE');
    expect(f.requests).toHaveLength(3);
  });

  it('cancel while waiting → CANCELLED; an already aborted signal sends nothing', async () => {
    const f = await serve(() => {});
    const c = client(f.origin);
    const ac = new AbortController();
    const p = c.listExtensions(ac.signal);
    // Abort once the server holds the request (a fixed delay races the connection on a busy machine).
    while (f.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    ac.abort();
    expect((await failure(p)).code).toBe('CANCELLED');
    expect((await failure(c.getExtension('1', AbortSignal.abort()))).code).toBe('CANCELLED');
    expect(f.requests).toHaveLength(1);
  });

  it('cancel during the backoff between retries → CANCELLED', async () => {
    const f = await serve((_q, res) => sendJson(res, 503, { status: 'error' }));
    const ac = new AbortController();
    const p = client(f.origin, { retryBaseMs: 5000 }).listExtensions(ac.signal);
    setTimeout(() => ac.abort(), 100);
    expect((await failure(p)).code).toBe('CANCELLED');
    expect(f.requests).toHaveLength(1);
  });

  it('a streamed body over the limit → BODY_TOO_LARGE, and a declared one is refused at once', async () => {
    const f = await serve((_q, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('x'.repeat(512))), 2);
      } else {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 999_999 });
        res.write('{');
      }
    });
    const c = client(f.origin, { maxBodyBytes: 4096 });
    const streamed = await failure(c.listExtensions());
    expect(streamed.code).toBe('BODY_TOO_LARGE');
    const declared = await failure(c.listExtensions());
    expect(declared.code).toBe('BODY_TOO_LARGE');
    expect(f.requests).toHaveLength(2);
  });

  it('http:// without allowHttp → INSECURE_HTTP and no request is sent', async () => {
    const f = await serve((_q, res) => sendJson(res, 200, ok([])));
    const err = await failure(client(f.origin, {}, false).listExtensions());
    expect(err.code).toBe('INSECURE_HTTP');
    expect(f.connections).toBe(0);
  });

  it('a tenant with characters HTTP cannot carry → INVALID_REQUEST without echoing it', async () => {
    const f = await serve((_q, res) => sendJson(res, 200, ok([])));
    const c = new PbxClient({
      baseUrl: f.origin,
      tenant: 'a\r\nb',
      appKey: APP_KEY,
      tlsPin: null,
      allowHttp: true,
    });
    clients.push(c);
    const err = await failure(c.listExtensions());
    expect(err.code).toBe('INVALID_REQUEST');
    expect(f.requests).toHaveLength(0);
  });

  it('an unusable address → INVALID_REQUEST on the first call', async () => {
    const err = await failure(client('ftp://pbx.example.com').listExtensions());
    expect(err.code).toBe('INVALID_REQUEST');
  });
});

describe('retries', () => {
  it('retries a GET on 500 and then succeeds', async () => {
    const f = await serve((_q, res, n) =>
      n === 1 ? sendJson(res, 500, { status: 'error' }) : sendJson(res, 200, ok([referenceExtension()])),
    );
    const { extensions } = await client(f.origin).listExtensions();
    expect(extensions).toHaveLength(1);
    expect(f.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('gives up after `retries` extra attempts with PBX_ERROR', async () => {
    const f = await serve((_q, res) => sendJson(res, 502, { status: 'error', message: 'Bad gateway' }));
    const err = await failure(client(f.origin, { retries: 2 }).getCdrSummary('1'));
    expect(err.code).toBe('PBX_ERROR');
    expect(err.detail).toMatchObject({ status: 502 });
    expect(f.requests).toHaveLength(3);
  });

  it('never retries POST or DELETE, on 500 or on a reset', async () => {
    const f = await serve((req, res) =>
      req.method === 'POST' ? sendJson(res, 500, { status: 'error' }) : req.socket.destroy(),
    );
    const c = client(f.origin, { retries: 3 });
    expect((await failure(c.markListened('100', 'INBOX', 'msg0000'))).code).toBe('PBX_ERROR');
    expect((await failure(c.deleteMessage('100', 'INBOX', 'msg0000'))).code).toBe('PBX_UNREACHABLE');
    expect(f.requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });

  it('never retries 4xx', async () => {
    const f = await serve((_q, res) => sendJson(res, 429, { status: 'error', message: 'Slow down' }));
    expect((await failure(client(f.origin, { retries: 3 }).listExtensions())).code).toBe('PBX_ERROR');
    expect(f.requests).toHaveLength(1);
  });
});
