// The global shortcut (registered, replaced, refused) and voicemail notifications.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeNotification, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { applyGlobalShortcut, releaseGlobalShortcuts, DEFAULT_SHORTCUT } =
  await import('../../../electron/main/shortcuts.js');
const { notifyNewVoicemail, notifyStillRunning, voicemailNotice } =
  await import('../../../electron/main/notifications.js');

beforeEach(() => {
  resetElectronMock();
  releaseGlobalShortcuts();
});

describe('global shortcut', () => {
  it('registers the accelerator and runs the action when pressed', () => {
    const action = vi.fn();
    expect(applyGlobalShortcut(DEFAULT_SHORTCUT, action)).toBe(true);
    expect(DEFAULT_SHORTCUT).toBe('CommandOrControl+Alt+D');
    const [accel, cb] = electron.globalShortcut.register.mock.calls[0] as unknown as [string, () => void];
    expect(accel).toBe('CommandOrControl+Alt+D');
    cb();
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('replaces the previous shortcut, and an empty one turns it off', () => {
    applyGlobalShortcut('CommandOrControl+Alt+D', vi.fn());
    applyGlobalShortcut('CommandOrControl+Shift+F', vi.fn());
    expect(electron.globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Alt+D');
    expect(applyGlobalShortcut('', vi.fn())).toBe(false);
    expect(electron.globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Shift+F');
    expect(electron.globalShortcut.register).toHaveBeenCalledTimes(2);
  });

  it('reports a shortcut taken by another app, or a malformed one, without throwing', () => {
    const log = vi.fn();
    electron.globalShortcut.register.mockReturnValueOnce(false);
    expect(applyGlobalShortcut('CommandOrControl+Alt+D', vi.fn(), log)).toBe(false);
    electron.globalShortcut.register.mockImplementationOnce(() => {
      throw new Error('bad accelerator');
    });
    expect(applyGlobalShortcut('Nonsense+++', vi.fn(), log)).toBe(false);
    expect(log).toHaveBeenCalledTimes(2);
    // Nothing registered: the next change must not unregister a shortcut we never had.
    applyGlobalShortcut('', vi.fn());
    expect(electron.globalShortcut.unregister).not.toHaveBeenCalled();
  });
});

describe('voicemail notifications', () => {
  const payload = { mailbox: '201', unread: 3, newKeys: ['a', 'b'] };

  it('notifies about new messages and opens the app on click', () => {
    const onClick = vi.fn();
    expect(notifyNewVoicemail(payload, 'en', onClick)).not.toBeNull();
    const n = FakeNotification.instances[0]!;
    expect(n.options).toMatchObject({
      title: '2 new voicemails',
      body: expect.stringContaining('Mailbox 201: 3 unread'),
    });
    expect(n.show).toHaveBeenCalled();
    n.emit('click');
    expect(onClick).toHaveBeenCalled();
    expect(voicemailNotice({ ...payload, newKeys: ['x'] }, 'en')?.title).toBe('New voicemail');
  });

  it('stays quiet on the first poll (nothing new) and where notifications are unsupported', () => {
    expect(notifyNewVoicemail({ ...payload, newKeys: [] }, 'en', vi.fn())).toBeNull();
    FakeNotification.isSupported.mockReturnValue(false);
    expect(notifyNewVoicemail(payload, 'en', vi.fn())).toBeNull();
    expect(notifyStillRunning('en', vi.fn())).toBe(false);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('explains once that the app keeps running in the tray', () => {
    expect(notifyStillRunning('en', vi.fn())).toBe(true);
    expect(FakeNotification.instances[0]?.options.title).toMatch(/still running/);
  });
});
