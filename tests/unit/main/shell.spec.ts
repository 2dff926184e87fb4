// The shell wired to the real core (temporary data folder) under a mocked Electron: start order,
// tray and notifications driven by core events, close to tray, the no-tray fallback, start
// hidden, the global shortcut, start at login through settings, and second launches.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  electron,
  FakeBrowserWindow,
  FakeNotification,
  FakeTray,
  resetElectronMock,
} from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const order = vi.hoisted(() => [] as string[]);
vi.mock(import('../../../electron/core/app/app-core.js'), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    createAppCore: (opts) => {
      const core = real.createAppCore(opts);
      const start = core.start.bind(core);
      core.start = async () => {
        order.push('core.start');
        await start();
      };
      return core;
    },
  };
});
const { startShell, FOCUS_EVENT } = await import('../../../electron/main/shell.js');
type Shell = Awaited<ReturnType<typeof startShell>>;

let dir: string;
let shell: Shell | null = null;
const log = vi.fn();
const paths = { preload: '/app/preload.cjs', rendererRoot: '/app/renderer', trayIcons: '/app/tray' };

async function start(opts: { argv?: string[]; startHidden?: boolean } = {}) {
  shell = await startShell(paths, {
    argv: opts.argv ?? ['/opt/app'],
    startHidden: opts.startHidden ?? false,
    log,
  });
  const win = FakeBrowserWindow.instances.at(-1)!;
  return { shell, win, tray: FakeTray.instances.at(-1) };
}
const trusted = (win: FakeBrowserWindow) => ({
  sender: win.webContents,
  senderFrame: win.webContents.mainFrame,
});
const invoke = (win: FakeBrowserWindow, channel: string, payload?: unknown) =>
  electron.ipcMain.handlers.get(channel)!(trusted(win), payload) as Promise<{ ok: boolean; data?: unknown }>;
const focusEvents = (win: FakeBrowserWindow) =>
  win.webContents.send.mock.calls
    .filter(([, m]) => (m as { event: string }).event === FOCUS_EVENT)
    .map(([, m]) => (m as { payload: unknown }).payload);
const menuItem = (tray: FakeTray, id: string) => tray.menu!.template.find((i) => i.id === id)!;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
};

beforeEach(async () => {
  resetElectronMock();
  order.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'vpbx-shell-'));
  vi.stubEnv('XDG_CONFIG_HOME', join(dir, 'config'));
  electron.app.getPath.mockImplementation((name: string) => join(dir, name === 'userData' ? 'data' : name));
  FakeBrowserWindow.prototype.loadURL = vi.fn();
});
afterEach(async () => {
  await shell?.core.dispose();
  shell = null;
  vi.unstubAllEnvs();
  // A window-state write started by the last close may still be landing: retry until it has.
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 20 });
});

describe('startShell', () => {
  it('makes an existing data folder private (0700) before the core opens it', async () => {
    const data = join(dir, 'data');
    await mkdir(data, { mode: 0o755 });
    await chmod(data, 0o755);
    await start();
    expect((await stat(data)).mode & 0o777).toBe(0o700);
  });

  it('hardens the session, starts the core before the window loads app://bundle', async () => {
    const { win } = await start();
    win.loadURL.mock.calls.forEach(() => order.push('loadURL'));
    expect(order).toEqual(['core.start', 'loadURL']);
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(electron.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handlers.size).toBeGreaterThan(20);
    await expect(invoke(win, 'app:info')).resolves.toMatchObject({ ok: true, data: { host: 'electron' } });
  });

  it('forwards core events to the window and shows them in the tray', async () => {
    const { shell, win, tray } = await start();
    const syncedAt = Date.now() - 4 * 60_000;
    shell.core.events.emit('sync:state', {
      profileId: 'p',
      status: 'offline',
      syncedAt,
      checkedAt: null,
      changes: null,
      extensionCount: 3,
      progress: null,
      lastError: null,
      recovered: null,
      seq: 1,
    });
    expect(win.webContents.send).toHaveBeenCalledWith('vpbx:event', {
      event: 'sync:state',
      payload: expect.objectContaining({ status: 'offline' }),
    });
    expect(tray!.tooltip).toBe('VitalPBX Directory — offline, synced 4 min. ago');
    expect(tray!.image).toMatchObject({ path: join('/app/tray', 'tray-offline-24.png') });
  });

  it('notifies about new voicemail, shows the unread tray variant, and opens the voicemail on click', async () => {
    const { shell, win, tray } = await start();
    shell.core.events.emit('voicemail:new', { mailbox: '201', unread: 2, newKeys: [] });
    expect(FakeNotification.instances).toHaveLength(0); // the first poll only reports what is there
    shell.core.events.emit('voicemail:new', { mailbox: '201', unread: 3, newKeys: ['k'] });
    expect(FakeNotification.instances).toHaveLength(1);
    expect(tray!.image).toMatchObject({ path: join('/app/tray', 'tray-unread-24.png') });
    expect(menuItem(tray!, 'voicemail').label).toBe('My voicemail (3)');
    win.hide();
    FakeNotification.instances[0]!.emit('click');
    expect(win.visible).toBe(true);
    expect(focusEvents(win)).toEqual([{ target: 'voicemail', query: null }]);
  });

  it('hides to the tray on close, explains it once, and remembers that across launches', async () => {
    const { win } = await start();
    win.emit('ready-to-show');
    expect(win.tryClose()).toBe(true);
    expect(win.tryClose()).toBe(true);
    const hints = FakeNotification.instances.filter((n) => /still running/.test(n.options.title));
    expect(hints).toHaveLength(1);
    await until(() => existsSync(join(dir, 'data', 'window-state.json')));
    const saved = JSON.parse(await readFile(join(dir, 'data', 'window-state.json'), 'utf8'));
    expect(saved.trayHintShown).toBe(true);
    await shell!.core.dispose();
    resetElectronMock();
    electron.app.getPath.mockImplementation((name: string) => join(dir, name === 'userData' ? 'data' : name));
    const again = await start();
    expect(again.win.tryClose()).toBe(true);
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it('quits for real from the tray menu', async () => {
    const { win, tray } = await start();
    (menuItem(tray!, 'quit').click as () => void)();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(win.tryClose()).toBe(false);
  });

  it('works without a tray: closing closes, and a hidden start still shows the window', async () => {
    FakeTray.failNext = new Error('no StatusNotifier host');
    const { win } = await start({ startHidden: true });
    expect(FakeTray.instances).toHaveLength(0);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
    expect(win.tryClose()).toBe(false);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no system tray'), expect.any(Error));
  });

  it('starts hidden in the tray when launched at login', async () => {
    const { win, tray } = await start({ startHidden: true });
    win.emit('ready-to-show');
    expect(win.show).not.toHaveBeenCalled();
    tray!.emit('click');
    expect(win.visible).toBe(true);
  });

  it('registers the global shortcut from settings; pressing it focuses the search', async () => {
    const { win } = await start();
    const [accel, action] = electron.globalShortcut.register.mock.calls.at(-1) as unknown as [
      string,
      () => void,
    ];
    expect(accel).toBe('CommandOrControl+Alt+D');
    action();
    expect(win.visible).toBe(true);
    expect(focusEvents(win)).toEqual([{ target: 'search', query: null }]);
    await expect(
      invoke(win, 'settings:set', { globalShortcut: 'CommandOrControl+Shift+K' }),
    ).resolves.toMatchObject({ ok: true });
    expect(electron.globalShortcut.unregister).toHaveBeenCalledWith('CommandOrControl+Alt+D');
    expect(electron.globalShortcut.register).toHaveBeenLastCalledWith(
      'CommandOrControl+Shift+K',
      expect.any(Function),
    );
  });

  it('toggles start at login from the tray, persisted in the core’s settings', async () => {
    const { win, tray } = await start();
    expect(menuItem(tray!, 'login').checked).toBe(false);
    (menuItem(tray!, 'login').click as (i: { checked: boolean }) => void)({ checked: true });
    const autostart = join(dir, 'config', 'autostart', 'vitalpbx-directory.desktop');
    await until(() => existsSync(autostart));
    expect(await readFile(autostart, 'utf8')).toContain('--hidden');
    await expect(invoke(win, 'settings:get')).resolves.toMatchObject({ data: { startAtLogin: true } });
    expect(menuItem(tray!, 'login').checked).toBe(true);
  });

  it('speaks the OS locale in the tray, and the language setting from the moment it is saved', async () => {
    electron.app.getLocale.mockReturnValue('pt-BR');
    const { win, tray } = await start();
    expect(menuItem(tray!, 'quit').label).toBe('Sair');
    await invoke(win, 'settings:set', { language: 'es' });
    expect(menuItem(tray!, 'quit').label).toBe('Salir');
    expect(menuItem(tray!, 'open').label).toBe('Abrir el directorio');
    await invoke(win, 'settings:set', { language: 'system' });
    expect(menuItem(tray!, 'quit').label).toBe('Sair');
  });

  it('passes the search of a launch (first or second) to the renderer', async () => {
    const { shell, win } = await start({ argv: ['/opt/app', 'tel:+4930123'] });
    win.webContents.emit('did-finish-load');
    shell.handleLaunch(['/opt/app', '--search=Anna']);
    shell.handleLaunch(['/opt/app']);
    expect(focusEvents(win)).toEqual([
      { target: 'search', query: '+4930123' },
      { target: 'search', query: 'Anna' },
    ]);
    expect(win.visible).toBe(true);
  });

  it('restores saved bounds clamped to the displays present', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'data'), { recursive: true });
    await writeFile(
      join(dir, 'data', 'window-state.json'),
      JSON.stringify({
        bounds: { x: 4000, y: 100, width: 1000, height: 700 },
        maximized: false,
        trayHintShown: false,
      }),
    );
    const { win } = await start();
    expect(win.options).toMatchObject({ x: 460, y: 170, width: 1000, height: 700 });
  });
});
