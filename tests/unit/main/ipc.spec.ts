// The IPC manager: every channel registered, and the sender checked before the dispatcher runs.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../electron/core/shared/channels.js';
import {
  electron,
  FakeBrowserWindow,
  FakeFrame,
  FakeWebContents,
  resetElectronMock,
} from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { registerIpc, sendEvent } = await import('../../../electron/main/ipc.js');

let win: FakeBrowserWindow;
const dispatch = vi.fn(async (_c: unknown, p: unknown) => ({ ok: true as const, data: { echoed: p } }));

beforeEach(() => {
  resetElectronMock();
  win = new FakeBrowserWindow({});
  registerIpc(dispatch, () => win as never);
});

function call(channel: string, event: Record<string, unknown>, payload: unknown = { id: '1' }) {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, payload) as Promise<unknown>;
}
const fromMainFrame = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
const FORBIDDEN = { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) };

describe('registerIpc', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('dispatches a request from our window’s main frame', async () => {
    await expect(call('directory:extension', fromMainFrame())).resolves.toEqual({
      ok: true,
      data: { echoed: { id: '1' } },
    });
    expect(dispatch).toHaveBeenCalledWith('directory:extension', { id: '1' }, { host: 'electron' });
  });

  it('accepts the main frame by identity even when the wrapper object differs', async () => {
    const same = new FakeFrame('app://bundle/index.html#/x', 7, 1);
    await expect(call('sync:state', { sender: win.webContents, senderFrame: same })).resolves.toMatchObject({
      ok: true,
    });
  });

  const refusals: Array<[string, () => Record<string, unknown>]> = [
    [
      'a subframe',
      () => {
        const sub = new FakeFrame('app://bundle/index.html', 7, 2);
        sub.parent = win.webContents.mainFrame;
        return { sender: win.webContents, senderFrame: sub };
      },
    ],
    [
      'a frame from another origin',
      () => {
        win.webContents.mainFrame.url = 'https://evil.example/';
        return fromMainFrame();
      },
    ],
    [
      'a file: page',
      () => {
        win.webContents.mainFrame.url = 'file:///tmp/index.html';
        return fromMainFrame();
      },
    ],
    [
      'another web contents',
      () => ({ sender: new FakeWebContents(), senderFrame: win.webContents.mainFrame }),
    ],
    ['a frame that is gone', () => ({ sender: win.webContents, senderFrame: null })],
    [
      'a destroyed window',
      () => {
        win.destroyed = true;
        return fromMainFrame();
      },
    ],
  ];
  it.each(refusals)('refuses %s with FORBIDDEN_SENDER before dispatching', async (_name, event) => {
    await expect(call('credentials:set', event(), { profileId: 'p', appKey: 'k' })).resolves.toEqual(
      FORBIDDEN,
    );
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses everything when there is no window', async () => {
    electron.ipcMain.handlers.clear();
    registerIpc(dispatch, () => null);
    await expect(call('app:info', fromMainFrame())).resolves.toEqual(FORBIDDEN);
  });

  it('removes every handler again', () => {
    const off = registerIpc(dispatch, () => win as never);
    off();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});

describe('sendEvent', () => {
  it('sends plain { event, payload } messages on vpbx:event, and skips a closed window', () => {
    const payload = { mailbox: '100', unread: 2, newKeys: ['INBOX/msg0001'] };
    sendEvent(win as never, 'voicemail:new', payload);
    expect(win.webContents.send).toHaveBeenCalledWith('vpbx:event', { event: 'voicemail:new', payload });
    win.destroyed = true;
    sendEvent(win as never, 'voicemail:new', payload);
    expect(win.webContents.send).toHaveBeenCalledTimes(1);
  });
});
