// The window: every security preference, shown on ready-to-show (or kept hidden at login),
// hidden to the tray on close unless quitting or trayless, bounds saved after moves.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronMock, type FakeBrowserWindow } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { createMainWindow, keepInTrayOnClose, toggleWindow, trackBounds, showWindow } =
  await import('../../../electron/main/window.js');

const bounds = { x: 5, y: 6, width: 1000, height: 700 };
const make = (over: Partial<Parameters<typeof createMainWindow>[0]> = {}) =>
  createMainWindow({
    preload: '/app/preload.cjs',
    bounds,
    maximized: false,
    startHidden: false,
    ...over,
  }) as unknown as FakeBrowserWindow;

beforeEach(resetElectronMock);
afterEach(() => vi.useRealTimers());

describe('createMainWindow', () => {
  it('sets every security preference of the checklist', () => {
    const win = make();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(win.options).toMatchObject({ ...bounds, show: false });
  });

  it('shows on ready-to-show, restoring the maximised state', () => {
    const win = make({ maximized: true });
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('stays hidden when launched at login', () => {
    const win = make({ startHidden: true });
    win.emit('ready-to-show');
    expect(win.show).not.toHaveBeenCalled();
  });
});

describe('close to tray', () => {
  function setup(hasTray: boolean) {
    const win = make();
    let quitting = false;
    let hint = false;
    const onFirstHide = vi.fn(() => (hint = true));
    keepInTrayOnClose(win as never, {
      hasTray: () => hasTray,
      isQuitting: () => quitting,
      hintShown: () => hint,
      onFirstHide,
    });
    return { win, onFirstHide, quit: () => (quitting = true) };
  }

  it('hides instead of closing, and explains it only the first time', () => {
    const { win, onFirstHide } = setup(true);
    win.visible = true;
    expect(win.tryClose()).toBe(true);
    expect(win.hide).toHaveBeenCalledTimes(1);
    expect(win.tryClose()).toBe(true);
    expect(onFirstHide).toHaveBeenCalledTimes(1);
  });

  it('really closes when quitting', () => {
    const { win, quit, onFirstHide } = setup(true);
    quit();
    expect(win.tryClose()).toBe(false);
    expect(win.hide).not.toHaveBeenCalled();
    expect(onFirstHide).not.toHaveBeenCalled();
  });

  it('really closes where there is no tray', () => {
    const { win } = setup(false);
    expect(win.tryClose()).toBe(false);
    expect(win.hide).not.toHaveBeenCalled();
  });
});

describe('toggle and show', () => {
  it('left click hides a focused window and brings back a hidden or minimised one', () => {
    const win = make();
    toggleWindow(win as never);
    expect(win.visible).toBe(true);
    toggleWindow(win as never);
    expect(win.visible).toBe(false);
    win.minimized = true;
    showWindow(win as never);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('trackBounds', () => {
  it('saves the normal bounds once moving stops, and on close', () => {
    vi.useFakeTimers();
    const win = make();
    const save = vi.fn();
    trackBounds(win as never, save);
    win.emit('move');
    win.emit('resize');
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith(win.bounds, false);
    win.maximized = true;
    win.emit('close', { preventDefault() {} });
    expect(save).toHaveBeenLastCalledWith(win.bounds, true);
  });
});
