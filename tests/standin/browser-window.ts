// BrowserWindow: a Chromium page (in the app's browser context) plus the window state Electron
// keeps in the main process: visible, focused, minimised, maximised, bounds. Its options are
// recorded with Electron's defaults filled in, and refused when the renderer would not be
// sandboxed and isolated (the stand-in cannot give a page Node, and the app must never ask).
// Events: show, hide, focus, blur, close (cancellable), closed, ready-to-show (once, when the
// first document has been parsed), resize/move/maximize/unmaximize/minimize/restore.
import { EventEmitter } from 'node:events';
import type { Page } from '@playwright/test';
import { makeEvent, type WebContents } from './web-contents.js';

// Typed loosely on purpose: the window class is built from the host, so the host cannot name it.
export interface WindowHost {
  createContents(win: EventEmitter, preload: string | undefined, page?: Page): WebContents;
  windowClosed(win: EventEmitter): void;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Electron 45's documented defaults for the preferences that decide what a page can reach. */
const PREFERENCE_DEFAULTS = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  javascript: true,
  navigateOnDragDrop: false,
  safeDialogs: false,
  spellcheck: true,
};
export type WebPreferences = typeof PREFERENCE_DEFAULTS & { preload?: string; [k: string]: unknown };

export function effectivePreferences(given: Record<string, unknown> = {}): WebPreferences {
  const prefs = { ...PREFERENCE_DEFAULTS, ...given } as WebPreferences;
  // Node integration turns the sandbox off unless it is asked for explicitly.
  if (given.nodeIntegration === true && given.sandbox === undefined) prefs.sandbox = false;
  const unsafe = (
    ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames'] as const
  ).filter((k) => prefs[k]);
  if (!prefs.sandbox || !prefs.contextIsolation || unsafe.length)
    throw new Error(
      `the Electron stand-in runs sandboxed, context-isolated renderers only (sandbox=${prefs.sandbox}, ` +
        `contextIsolation=${prefs.contextIsolation}${unsafe.map((k) => `, ${k}=true`).join('')})`,
    );
  return prefs;
}

export interface WindowRegistry {
  readonly host: WindowHost;
  readonly all: StandinBrowserWindow[];
}

let nextId = 1;

export class StandinBrowserWindow extends EventEmitter {
  readonly id = nextId++;
  readonly options: Record<string, unknown>;
  readonly webPreferences: WebPreferences;
  readonly webContents: WebContents;
  #visible = false;
  #focused = false;
  #minimized = false;
  #maximized = false;
  #destroyed = false;
  #bounds: Rect;
  #title: string;

  constructor(
    private readonly registry: WindowRegistry,
    options: Record<string, unknown> = {},
    page?: Page,
  ) {
    super();
    this.options = options;
    this.webPreferences = effectivePreferences(options.webPreferences as Record<string, unknown> | undefined);
    const n = (k: string, d: number) => (typeof options[k] === 'number' ? (options[k] as number) : d);
    this.#bounds = { x: n('x', 0), y: n('y', 0), width: n('width', 800), height: n('height', 600) };
    this.#title = typeof options.title === 'string' ? options.title : '';
    registry.all.push(this);
    this.webContents = registry.host.createContents(this, this.webPreferences.preload, page);
    if (options.show !== false) this.show();
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    if (this.#destroyed) return;
    const wasVisible = this.#visible;
    this.#visible = true;
    this.#minimized = false;
    if (!wasVisible) this.emit('show');
    this.focus();
  }
  hide(): void {
    if (this.#destroyed || !this.#visible) return;
    this.#visible = false;
    if (this.#focused) {
      this.#focused = false;
      this.emit('blur');
    }
    this.emit('hide');
  }
  focus(): void {
    if (this.#destroyed || !this.#visible || this.#focused) return;
    for (const other of this.registry.all) if (other !== this && other.#focused) other.blur();
    this.#focused = true;
    this.emit('focus');
  }
  blur(): void {
    if (!this.#focused) return;
    this.#focused = false;
    this.emit('blur');
  }
  isVisible(): boolean {
    return this.#visible && !this.#minimized;
  }
  isFocused(): boolean {
    return this.#focused;
  }
  minimize(): void {
    this.#minimized = true;
    this.blur();
    this.emit('minimize');
  }
  restore(): void {
    if (!this.#minimized) return;
    this.#minimized = false;
    this.emit('restore');
  }
  isMinimized(): boolean {
    return this.#minimized;
  }
  maximize(): void {
    if (this.#maximized) return;
    this.#maximized = true;
    this.emit('maximize');
  }
  unmaximize(): void {
    if (!this.#maximized) return;
    this.#maximized = false;
    this.emit('unmaximize');
  }
  isMaximized(): boolean {
    return this.#maximized;
  }
  getBounds(): Rect {
    return { ...this.#bounds };
  }
  getNormalBounds(): Rect {
    return { ...this.#bounds };
  }
  setBounds(bounds: Partial<Rect>): void {
    const before = this.#bounds;
    this.#bounds = { ...before, ...bounds };
    if (before.width !== this.#bounds.width || before.height !== this.#bounds.height) this.emit('resize');
    if (before.x !== this.#bounds.x || before.y !== this.#bounds.y) this.emit('move');
  }
  getTitle(): string {
    return this.#title;
  }
  setTitle(title: string): void {
    this.#title = title;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  /** As the user's close button: 'close' may prevent it; otherwise the window is destroyed. */
  close(): void {
    if (this.#destroyed) return;
    const event = makeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  /** Destroys without 'close', as Electron's destroy() does. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#visible = this.#focused = false;
    this.registry.all.splice(this.registry.all.indexOf(this), 1);
    this.webContents.markDestroyed();
    this.emit('closed');
    this.registry.host.windowClosed(this);
  }
}

export interface BrowserWindowClass {
  new (options?: Record<string, unknown>, page?: Page): StandinBrowserWindow;
  getAllWindows(): StandinBrowserWindow[];
  fromWebContents(contents: WebContents): StandinBrowserWindow | null;
  getFocusedWindow(): StandinBrowserWindow | null;
}

/** The BrowserWindow class of one app: its windows, and the host that gives them pages. */
export function browserWindowClass(host: WindowHost): BrowserWindowClass {
  const registry: WindowRegistry = { host, all: [] };
  return class BrowserWindow extends StandinBrowserWindow {
    constructor(options: Record<string, unknown> = {}, page?: Page) {
      super(registry, options, page);
    }
    static getAllWindows(): StandinBrowserWindow[] {
      return [...registry.all];
    }
    static fromWebContents(contents: WebContents): StandinBrowserWindow | null {
      return registry.all.find((w) => w.webContents === contents) ?? null;
    }
    static getFocusedWindow(): StandinBrowserWindow | null {
      return registry.all.find((w) => w.isFocused()) ?? null;
    }
  };
}

export type BrowserWindow = StandinBrowserWindow;
