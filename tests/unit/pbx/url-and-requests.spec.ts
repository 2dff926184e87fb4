// Address normalisation, what goes on the wire (paths, headers, methods, prefixes), and where
// voicemail audio may be fetched from.
import { afterEach, describe, expect, it } from 'vitest';
import { PbxClient, normalizeBaseUrl } from '../../../electron/core/pbx/client.js';
import { audioUrl } from '../../../electron/core/pbx/url.js';
import { AppError } from '../../../electron/core/app-error.js';
import { type Fixture, ok, sendJson, startFixture } from './fixture-server.js';
import { referenceExtension } from './fixtures.js';

describe('normalizeBaseUrl', () => {
  it.each([
    ['pbx.example.com', 'https://pbx.example.com'],
    ['  PBX.Example.com  ', 'https://pbx.example.com'],
    ['10.0.0.5:3500', 'https://10.0.0.5:3500'],
    ['pbx.example.com:60004', 'https://pbx.example.com:60004'],
    ['https://host:3500/', 'https://host:3500'],
    ['https://host/api/v2', 'https://host'],
    ['https://host/api/v2/', 'https://host'],
    ['https://host:3500/api/v2/extensions', 'https://host:3500'],
    ['https://host/pbx/api/v2', 'https://host/pbx'],
    ['https://host/pbx/', 'https://host/pbx'],
    ['http://10.0.0.5', 'http://10.0.0.5'],
    ['HTTP://10.0.0.5:80/', 'http://10.0.0.5'],
    ['https://host:443', 'https://host'],
    ['https://host/?x=1#y', 'https://host'],
    ['https://[::1]:3500/api/v2', 'https://[::1]:3500'],
    ['https://host/api/v20', 'https://host/api/v20'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each(['', '   ', 'ftp://host', 'https://', 'https://user:pw@host', 'not a host', 'mailto:x@y.z'])(
    'refuses %j with INVALID_REQUEST',
    (input) => {
      let code = 'no error';
      try {
        normalizeBaseUrl(input);
      } catch (err) {
        code = err instanceof AppError ? err.code : 'not an AppError';
      }
      expect(code).toBe('INVALID_REQUEST');
    },
  );
});

describe('audioUrl', () => {
  const base = 'https://pbx.example.com:3500/pbx';
  it('joins a server path to the base, keeping a // path a path', () => {
    expect(audioUrl(base, '/static/t/voicemail/1/INBOX/msg0000.wav').href).toBe(
      'https://pbx.example.com:3500/pbx/static/t/voicemail/1/INBOX/msg0000.wav',
    );
    expect(audioUrl(base, 'static/a.wav').href).toBe('https://pbx.example.com:3500/pbx/static/a.wav');
    expect(audioUrl(base, '//evil.example/x.wav').host).toBe('pbx.example.com:3500');
  });
  it("uses an absolute URL only on the profile's own scheme, host and port", () => {
    expect(audioUrl(base, 'HTTPS://PBX.example.com:3500/static/a.wav?t=1').href).toBe(
      'https://pbx.example.com:3500/static/a.wav?t=1',
    );
    expect(audioUrl('https://pbx.example.com', 'https://pbx.example.com:443/a.wav').href).toBe(
      'https://pbx.example.com/a.wav',
    );
  });
  it.each([
    'https://evil.example:3500/a.wav',
    // Same host, another port or scheme: the key would reach another service, or travel in clear.
    'https://pbx.example.com/static/a.wav',
    'https://pbx.example.com:8443/static/a.wav',
    'http://pbx.example.com:3500/static/a.wav',
    'http://pbx.example.com/static/a.wav',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '',
  ])('refuses %j with AUDIO_LINK_REFUSED', (bad) => {
    let code = 'no error';
    try {
      audioUrl(base, bad);
    } catch (err) {
      code = err instanceof AppError ? err.code : 'not an AppError';
    }
    expect(code).toBe('AUDIO_LINK_REFUSED');
  });
});

describe('requests on the wire', () => {
  let f: Fixture | null = null;
  const clients: PbxClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await f?.close();
    f = null;
  });
  const make = (baseUrl: string): PbxClient => {
    const c = new PbxClient({
      baseUrl,
      tenant: 'vitalpbx',
      appKey: 'k-123456',
      tlsPin: null,
      allowHttp: true,
    });
    clients.push(c);
    return c;
  };

  it('sends app-key, tenant, accept and user-agent, under the base prefix, with encoded ids', async () => {
    f = await startFixture((_q, res) => sendJson(res, 200, ok([referenceExtension()])));
    const c = make(`${f.origin}/pbx/api/v2/`);
    await c.listExtensions();
    await c.getExtension('1/../2');
    expect(f.requests.map((r) => r.path)).toEqual([
      '/pbx/api/v2/extensions',
      '/pbx/api/v2/extensions/1%2F..%2F2',
    ]);
    const h = f.requests[0]!.headers;
    expect(h['app-key']).toBe('k-123456');
    expect(h.tenant).toBe('vitalpbx');
    expect(h.accept).toBe('application/json');
    expect(h['user-agent']).toMatch(/^VitalPBX-Directory\//);
  });

  it('reports download progress as growing byte counts ending at the body size', async () => {
    const body = JSON.stringify(ok(Array.from({ length: 300 }, () => referenceExtension())));
    f = await startFixture((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < body.length; i += 16_384) res.write(body.slice(i, i + 16_384));
      res.end();
    });
    const seen: number[] = [];
    const { extensions } = await make(f.origin).listExtensions(undefined, (n) => seen.push(n));
    expect(extensions).toHaveLength(300);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(Buffer.byteLength(body));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('marks listened with POST and deletes with DELETE on /voicemail/{mailbox}/{folder}/{msg}', async () => {
    f = await startFixture((_q, res) => sendJson(res, 200, { status: 'success', message: 'ok' }));
    const c = make(f.origin);
    await c.markListened('100', 'INBOX', 'msg0003');
    await c.deleteMessage('100', 'Family Stuff', 'msg0004');
    expect(f.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v2/voicemail/100/INBOX/msg0003',
      'DELETE /api/v2/voicemail/100/Family%20Stuff/msg0004',
    ]);
    expect(f.requests[0]?.headers['content-length']).toBe('0');
  });

  it('fetches audio from base + recfile with the app key, and refuses an HTML page or another host', async () => {
    const wav = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1');
    f = await startFixture((req, res) => {
      if (req.url?.includes('login')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<!DOCTYPE html><title>Login</title>');
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(wav);
    });
    const c = make(f.origin);
    const bytes = await c.fetchAudio('/static/tok/voicemail/100/INBOX/msg0000.wav');
    expect(Buffer.from(bytes).equals(wav)).toBe(true);
    expect(f.requests[0]?.path).toBe('/static/tok/voicemail/100/INBOX/msg0000.wav');
    expect(f.requests[0]?.headers['app-key']).toBe('k-123456');
    expect(await c.fetchAudio(`${f.origin}/abs/msg0001.wav`)).toHaveLength(wav.length);

    const codes: string[] = [];
    const port = Number(new URL(f.origin).port);
    const elsewhere = [
      'http://other.invalid/x.wav',
      `http://127.0.0.1:${port + 1}/x.wav`,
      `http://localhost:${port}/x.wav`,
    ];
    for (const recfile of ['/login', ...elsewhere]) {
      try {
        await c.fetchAudio(recfile);
      } catch (err) {
        codes.push(err instanceof AppError ? err.code : 'other');
      }
    }
    expect(codes).toEqual(['INVALID_RESPONSE', ...elsewhere.map(() => 'AUDIO_LINK_REFUSED')]);
    expect(f.requests).toHaveLength(3);
  });

  it('caps audio at maxAudioBytes', async () => {
    f = await startFixture((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(10_000));
    });
    const c = new PbxClient(
      { baseUrl: f.origin, tenant: '1', appKey: 'k', tlsPin: null, allowHttp: true },
      { maxAudioBytes: 4096 },
    );
    clients.push(c);
    await expect(c.fetchAudio('/a.wav')).rejects.toMatchObject({ code: 'BODY_TOO_LARGE' });
  });
});
