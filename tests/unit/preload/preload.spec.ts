// The preload exposes window.vpbx: one function per contract operation plus on(), nothing else;
// requests go through ipcRenderer.invoke, events arrive as bare payloads.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, camel, splitChannel } from '../../../electron/core/shared/channels.js';
import { electron } from '../main/electron-mock.js';

vi.mock('electron', async () => (await import('../main/electron-mock.js')).electron);

type Api = Record<string, Record<string, (...a: unknown[]) => unknown>> & {
  on: (event: string, cb: (payload: unknown) => void) => () => void;
};
let api: Api;

beforeAll(async () => {
  await import('../../../electron/preload/index.js');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, Api];
  expect(name).toBe('vpbx');
  api = value;
});

describe('preload bridge', () => {
  it('exposes exactly one function per operation, and on', () => {
    const expected = new Map<string, string[]>();
    for (const channel of CHANNELS) {
      const [domain, action] = splitChannel(channel);
      expected.set(domain, [...(expected.get(domain) ?? []), camel(action)]);
    }
    expect(Object.keys(api).sort()).toEqual([...expected.keys(), 'on'].sort());
    for (const [domain, actions] of expected) {
      expect(Object.keys(api[domain]!).sort()).toEqual(actions.sort());
      for (const action of actions) expect(typeof api[domain]![action]).toBe('function');
    }
    expect(typeof api.on).toBe('function');
    const count = Object.values(api).reduce(
      (n, v) => n + (typeof v === 'function' ? 1 : Object.keys(v).length),
      0,
    );
    expect(count).toBe(CHANNELS.length + 1);
  });

  it('gives the page no ipcRenderer, no send, no invoke of arbitrary channels', () => {
    const flat =
      JSON.stringify(Object.keys(api)) + JSON.stringify(Object.values(api).map((v) => Object.keys(v)));
    expect(flat).not.toMatch(/ipcRenderer|invoke|send|removeListener|require/);
  });

  it('invokes the operation’s own channel with the request', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, data: { uri: 'tel:1' } } as never);
    await expect(api.dial!.open!({ number: '1' })).resolves.toEqual({ ok: true, data: { uri: 'tel:1' } });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('dial:open', { number: '1' });
    await api.voicemail!.markListened!({ extensionId: 'e', key: 'k' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('voicemail:mark-listened', {
      extensionId: 'e',
      key: 'k',
    });
  });

  it('delivers only the payload of the subscribed event, and unsubscribes', () => {
    const cb = vi.fn();
    const off = api.on('sync:state', cb);
    const ipcEvent = { sender: { send: () => {} }, ports: [] };
    electron.ipcRenderer.emit('vpbx:event', ipcEvent, { event: 'sync:state', payload: { status: 'online' } });
    electron.ipcRenderer.emit('vpbx:event', ipcEvent, { event: 'voicemail:new', payload: { unread: 1 } });
    expect(cb).toHaveBeenCalledTimes(1);
    expect(cb.mock.calls[0]).toEqual([{ status: 'online' }]);
    off();
    expect(electron.ipcRenderer.listenerCount('vpbx:event')).toBe(0);
    electron.ipcRenderer.emit('vpbx:event', ipcEvent, { event: 'sync:state', payload: {} });
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('bundles without zod or any module but electron', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const bundle = new URL('../../../dist-electron/preload.cjs', import.meta.url);
    if (!existsSync(bundle)) {
      console.log(
        'preload bundle check skipped: dist-electron/preload.cjs not built (run node scripts/build.mjs)',
      );
      return;
    }
    const code = readFileSync(bundle, 'utf8');
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/\bzod\b|ZodError/);
  });
});
