// The stored app key never follows an address, tenant, certificate or plain-HTTP consent that the
// window names: only the connection it was entered for gets it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { writeFile, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import {
  cleanupsAfterEach,
  type Harness,
  makeHarness,
  removeDir,
  profileForm,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

/** A server that records every app-key it is sent and never closes an idle connection. */
async function listener(): Promise<{ url: string; keys: string[]; open: () => number; server: Server }> {
  const keys: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    keys.push(String(req.headers['app-key'] ?? ''));
    res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive' });
    res.end(JSON.stringify({ status: 'success', data: [{ extension_id: 1, extension: '100', name: 'X' }] }));
  });
  server.keepAliveTimeout = 0; // never closes idle sockets by itself
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)).then(() => sockets.forEach((s) => s.destroy())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, keys, open: () => sockets.size, server };
}

async function setUp(): Promise<{ p: DemoPbx; h: Harness; id: string }> {
  const p = await startDemoPbx({ extensions: 5, tenants: 1 });
  cleanups.push(() => p.close());
  const h = await makeHarness();
  cleanups.push(() => h.close().then(() => removeDir(h.dataDir)));
  const saved = await h.ok('profiles:save', {
    ...profileForm(p, 'Office'),
  });
  cleanups.push(() => h.call('credentials:delete', { profileId: saved.id }));
  return { p, h, id: saved.id };
}

describe('the stored key is bound to its connection', () => {
  it('a connection test with the stored key ignores an address the window names', async () => {
    const { h, id } = await setUp();
    const evil = await listener();
    const r = await h.call('connection:test', {
      profileId: id,
      baseUrl: evil.url,
      tenant: '1',
      tlsPin: null,
      allowHttp: true,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'KEY_REQUIRED' } });
    expect(evil.keys).toEqual([]);
  });

  it('saving a new address, tenant, pin or HTTP consent without the key is refused', async () => {
    const { p, h, id } = await setUp();
    const evil = await listener();
    const profile = (await h.ok('profiles:list')).profiles[0]!;
    for (const change of [
      { baseUrl: evil.url },
      { tenant: 'other' },
      { tlsPin: `${'AB:'.repeat(31)}AB` },
      { allowHttp: false },
    ]) {
      const r = await h.call('profiles:save', { ...profile, ...change });
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'KEY_REQUIRED' } });
    }
    await h.ok('profiles:activate', { id });
    expect((await h.ok('sync:now')).status).toBe('online');
    expect(evil.keys).toEqual([]);
    // Fields that do not decide where the key goes can change without it.
    expect((await h.ok('profiles:save', { ...profile, label: 'Renamed' })).label).toBe('Renamed');
    // With the key typed again, the new address is accepted and gets that key.
    await h.ok('profiles:save', { ...profile, baseUrl: evil.url, appKey: 'typed-again' });
    await h.ok('sync:now');
    expect(evil.keys).toContain('typed-again');
    expect(evil.keys).not.toContain(p.appKey);
  });

  it('a profile changed behind the core gets no key (the binding is checked on every use)', async () => {
    const { h, id } = await setUp();
    const evil = await listener();
    const file = `${h.dataDir}/profiles.json`;
    const saved = JSON.parse(await readFile(file, 'utf8')) as { profiles: { baseUrl: string }[] };
    saved.profiles[0]!.baseUrl = evil.url;
    await writeFile(file, JSON.stringify(saved));
    await h.ok('profiles:activate', { id });
    const state = await h.ok('sync:now');
    expect(state.lastError?.code).toBe('KEY_REQUIRED');
    expect(evil.keys).toEqual([]);
  });
});

describe('connection tests', () => {
  it('close their sockets, even against a server that keeps idle connections', async () => {
    const { h } = await setUp();
    const srv = await listener();
    for (let i = 0; i < 20; i++) {
      const r = await h.call('connection:test', {
        baseUrl: srv.url,
        tenant: '1',
        tlsPin: null,
        allowHttp: true,
        appKey: 'k',
      });
      expect(r.ok).toBe(true);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(srv.open()).toBe(0);
  });

  it('can be cancelled while the PBX is slow', async () => {
    const { h } = await setUp();
    const slow = createServer(() => {}); // accepts, never answers
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => slow.close(r)));
    slow.closeAllConnections();
    const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    const started = Date.now();
    const test = h.call('connection:test', {
      baseUrl: url,
      tenant: '1',
      tlsPin: null,
      allowHttp: true,
      appKey: 'k',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(await h.ok('connection:cancel')).toEqual({ cancelled: true });
    expect(await test).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await h.ok('connection:cancel')).toEqual({ cancelled: false });
    slow.closeAllConnections();
  });
});
