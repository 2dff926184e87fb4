// The app window: created hidden with every security preference set, shown on ready-to-show
// (unless the app started in the tray), and hidden instead of closed while a tray icon exists.
import { BrowserWindow } from 'electron';
import { MIN_SIZE, type Rect } from './window-state.js';

export interface WindowOptions {
  preload: string;
  bounds: Rect;
  maximized: boolean;
  /** Launched at login: stay in the tray until the user opens the window. */
  startHidden: boolean;
  icon?: string;
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    ...opts.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    // eslint-disable-next-line no-restricted-syntax -- the product's name, the same in every language
    title: 'VitalPBX Directory',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: {
      preload: opts.preload,
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
      safeDialogs: true,
      // Middle-click would open links in a new window outside setWindowOpenHandler's reach.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (opts.maximized) win.maximize();
    if (!opts.startHidden) win.show();
  });
  return win;
}

export function showWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function toggleWindow(win: BrowserWindow): void {
  if (win.isVisible() && win.isFocused()) win.hide();
  else showWindow(win);
}

export interface CloseToTrayOptions {
  /** False when the desktop has no tray: closing must then really close (and quit). */
  hasTray: () => boolean;
  isQuitting: () => boolean;
  /** Called on the first hide only, to explain that the app keeps running. */
  onFirstHide: () => void;
  hintShown: () => boolean;
}

export function keepInTrayOnClose(win: BrowserWindow, opts: CloseToTrayOptions): void {
  win.on('close', (event) => {
    if (opts.isQuitting() || !opts.hasTray()) return;
    event.preventDefault();
    win.hide();
    if (!opts.hintShown()) opts.onFirstHide();
  });
}

/** Calls `save` with the window's normal bounds after it stops moving, and on close. */
export function trackBounds(win: BrowserWindow, save: (bounds: Rect, maximized: boolean) => void): void {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (!win.isDestroyed()) save(win.getNormalBounds(), win.isMaximized());
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(flush, 500);
  };
  for (const name of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(name as 'resize', later);
  win.on('close', flush);
}
