// Brings the desktop shell up once Electron is ready and wires the pieces together: session
// hardening, the app:// bundle, the core (started before the window loads, so the cached
// directory is there at once), IPC, the window, the tray, the global shortcut and notifications.
import { app, screen, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../core/app/app-core.js';
import { secureDataDir } from '../core/app/data-dir.js';
import type { Dispatch } from '../core/dispatch/dispatcher.js';
import type { EventName } from '../core/shared/channels.js';
import type { Settings, SyncState } from '../core/shared/contract.js';
import { pickLanguage, resolveLanguage } from '../core/shared/i18n/languages.js';
import { openSafeExternal } from './external-links.js';
import { registerIpc, sendEvent } from './ipc.js';
import { searchFromArgv, trayDisabled } from './launch-args.js';
import { applyStartAtLogin } from './login-item.js';
import { notifyNewVoicemail, notifyStillRunning } from './notifications.js';
import { serveBundle } from './protocol.js';
import { watchPower } from './power.js';
import { saveWithDialog } from './save-file.js';
import { APP_ENTRY_URL, hardenSession } from './security.js';
import { applyGlobalShortcut, DEFAULT_SHORTCUT, releaseGlobalShortcuts } from './shortcuts.js';
import { AppTray } from './tray.js';
import type { TrayModel } from './tray-model.js';
import { createMainWindow, keepInTrayOnClose, showWindow, toggleWindow, trackBounds } from './window.js';
import { clampBounds, loadShellState, saveShellState } from './window-state.js';

/** Asks the renderer to focus its search box (with text) or the voicemail list. */
export const FOCUS_EVENT = 'shell:focus' satisfies EventName;

export interface ShellPaths {
  preload: string;
  rendererRoot: string;
  trayIcons: string;
  appIcon?: string | undefined;
}

export interface ShellOptions {
  argv: readonly string[];
  startHidden: boolean;
  log: (msg: string, err: unknown) => void;
}

export interface Shell {
  core: AppCore;
  window: () => BrowserWindow | null;
  /** A second launch: show the window and pass its search text on. */
  handleLaunch(argv: readonly string[]): void;
  quit(): void;
}

export async function startShell(paths: ShellPaths, opts: ShellOptions): Promise<Shell> {
  hardenSession(session.defaultSession);
  serveBundle(paths.rendererRoot);
  let win: BrowserWindow | null = null;
  let tray: AppTray | null = null;
  let quitting = false;
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const shellState = await loadShellState(stateFile);
  const persist = () =>
    void saveShellState(stateFile, shellState).catch((err) => opts.log('window state', err));

  // A data folder left readable by others (older version, umask) is made private first.
  await secureDataDir(app.getPath('userData'), opts.log);
  const core = createAppCore({
    dataDir: app.getPath('userData'),
    capabilities: {
      host: 'electron',
      version: app.getVersion(),
      openExternal: openSafeExternal,
      saveFile: (name, bytes) => saveWithDialog(win, name, bytes),
    },
    log: opts.log,
  });
  const ctx = { host: 'electron' } as const;
  const settings = await core.call('settings:get', undefined, ctx);
  // The tray and notifications speak the settings' language, else the OS locale's.
  const model: TrayModel = {
    status: 'unknown',
    syncedAt: null,
    unread: 0,
    startAtLogin: false,
    language: pickLanguage([app.getLocale()]),
  };
  const refreshTray = () => tray?.update(model);

  const focus = (target: 'search' | 'voicemail', query: string | null = null) => {
    if (!win) return;
    showWindow(win);
    sendEvent(win, FOCUS_EVENT, { target, query });
  };
  const applySettings = (s: Settings) => {
    model.startAtLogin = s.startAtLogin;
    model.language = resolveLanguage(s.language, [app.getLocale()]);
    void applyStartAtLogin(s.startAtLogin).catch((err) => opts.log('start at login', err));
    applyGlobalShortcut(s.globalShortcut, () => focus('search'), opts.log);
    refreshTray();
  };

  // Every request goes through here, from the renderer or the tray: settings changes take
  // effect in the shell. (The unread count reaches the tray from the core's events alone.)
  const dispatch: Dispatch = async (channel, payload, callCtx) => {
    const result = await core.dispatch(channel, payload, callCtx);
    if (result.ok && channel === 'settings:set') applySettings(result.data as Settings);
    return result;
  };
  registerIpc(dispatch, () => win);

  core.events.subscribe((event, payload) => {
    sendEvent(win, event, payload);
    if (event === 'sync:state') {
      const s = payload as SyncState;
      Object.assign(model, { status: s.status, syncedAt: s.checkedAt ?? s.syncedAt });
    } else if (event === 'voicemail:new') {
      const v = payload as { mailbox: string; unread: number; newKeys: string[] };
      model.unread = v.unread;
      notifyNewVoicemail(v, model.language, () => focus('voicemail'));
    }
    refreshTray();
  });
  await core.start();
  watchPower((reason) => core.nudge(reason));

  const displays = screen.getAllDisplays().map((d) => d.workArea);
  win = createMainWindow({
    preload: paths.preload,
    bounds: clampBounds(shellState.bounds, displays, screen.getPrimaryDisplay().workArea),
    maximized: shellState.maximized,
    startHidden: opts.startHidden,
    ...(paths.appIcon ? { icon: paths.appIcon } : {}),
  });
  trackBounds(win, (bounds, maximized) => {
    Object.assign(shellState, { bounds, maximized });
    persist();
  });
  const quit = () => {
    quitting = true;
    app.quit();
  };
  if (!trayDisabled(opts.argv, process.env)) {
    tray = AppTray.create(
      paths.trayIcons,
      {
        toggleWindow: () => win && toggleWindow(win),
        openDirectory: () => win && showWindow(win),
        syncNow: () => void dispatch('sync:now', undefined, ctx),
        openVoicemail: () => focus('voicemail'),
        setStartAtLogin: (enabled) => void dispatch('settings:set', { startAtLogin: enabled }, ctx),
        quit,
      },
      opts.log,
    );
  }
  keepInTrayOnClose(win, {
    hasTray: () => tray !== null,
    isQuitting: () => quitting,
    hintShown: () => shellState.trayHintShown,
    onFirstHide: () => {
      notifyStillRunning(model.language, () => win && showWindow(win));
      shellState.trayHintShown = true;
      persist();
    },
  });
  // Started hidden with no tray to bring it back would leave the app unreachable.
  if (opts.startHidden && !tray) win.once('ready-to-show', () => win?.show());
  win.on('closed', () => (win = null));
  if (settings.ok && settings.data) applySettings(settings.data);
  else applyGlobalShortcut(DEFAULT_SHORTCUT, () => focus('search'), opts.log);
  const ticker = setInterval(refreshTray, 60_000);
  ticker.unref();
  const initialSearch = searchFromArgv(opts.argv);
  if (initialSearch) win.webContents.once('did-finish-load', () => focus('search', initialSearch));

  app.on('before-quit', () => (quitting = true));
  app.on('will-quit', () => {
    clearInterval(ticker);
    releaseGlobalShortcuts();
    tray?.destroy();
    void core.dispose();
  });
  await win.loadURL(APP_ENTRY_URL).catch((err: unknown) => opts.log('the window could not load', err));

  return {
    core,
    window: () => win,
    handleLaunch(argv) {
      if (!win) return;
      const query = searchFromArgv(argv);
      if (query) focus('search', query);
      else showWindow(win);
    },
    quit,
  };
}
