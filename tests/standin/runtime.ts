// The Electron stand-in: runs the BUILT dist-electron/main.cjs, unmodified, in this Node process,
// with `require('electron')` answered by the stand-in modules and a `process` that carries the
// launch's argv and environment (as Electron's main process has its own). Each window is a page
// of a fresh Chromium browser context (Debian's Chromium, launched as the e2e suite launches it),
// with the real preload.cjs in an isolated world (renderer-world.ts) and every request routed
// through network.ts. See docs/DEVELOPMENT.md for what is modelled and what is not.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';
import { StandinApp } from './app.js';
import { browserWindowClass, type BrowserWindow } from './browser-window.js';
import type { CoverageRecorder } from './coverage.js';
import {
  desktopRecords,
  Dialogs,
  GlobalShortcuts,
  Menu,
  MenuItem,
  nativeImage,
  PowerMonitor,
  screen,
  Shell,
} from './desktop.js';
import { IpcMainStandin } from './ipc-main.js';
import { Network } from './network.js';
import { ProtocolStandin } from './protocol.js';
import { RendererWorld } from './renderer-world.js';
import { SessionStandin } from './session.js';
import { makeEvent, WebContents, type ContentsHost } from './web-contents.js';

export interface LaunchOptions {
  browser: Browser;
  /** Command-line arguments after the app path, as `electron . <args>` would pass them. */
  args?: string[];
  env?: Record<string, string>;
  appRoot?: string;
  locale?: string;
  coverage?: CoverageRecorder;
}

export type StandinApplication = Awaited<ReturnType<typeof launchApp>>;

export async function launchApp(opts: LaunchOptions) {
  const appRoot = opts.appRoot ?? process.cwd();
  const pkg = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
    version: string;
  };
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  const execPath = join(appRoot, 'node_modules', 'electron', 'dist', 'electron');
  const argv = [execPath, appRoot, ...(opts.args ?? [])];
  const protocol = new ProtocolStandin(() => app.isReady());
  const session = new SessionStandin();
  const ipcMain = new IpcMainStandin();
  const desktop = desktopRecords();
  const globalShortcut = new GlobalShortcuts();
  const shell = new Shell();
  const dialog = new Dialogs();
  const powerMonitor = new PowerMonitor();
  const contentsByPage = new Map<Page, WebContents>();
  const allContents: WebContents[] = [];
  const worlds: RendererWorld[] = [];
  let context: Promise<BrowserContext> | null = null;
  const network = new Network({ protocol, contentsOf: (p) => contentsByPage.get(p), adoptPopup });

  const browserContext = () =>
    (context ??= (async () => {
      const ctx = await opts.browser.newContext({ acceptDownloads: true, locale: opts.locale ?? 'en-US' });
      await network.install(ctx);
      return ctx;
    })());

  const contentsHost: ContentsHost = {
    session,
    toApp: (url) => protocol.toApp(url),
    async load(contents, url) {
      await contents.ready;
      const page = contents.page!;
      const target = protocol.toPage(url);
      contents.expectedNavigation = target;
      try {
        await page.goto(target, { waitUntil: 'load' });
      } catch (err) {
        contents.expectedNavigation = null;
        contents.emit('did-fail-load', makeEvent(), -3, 'ERR_ABORTED', url, true);
        throw new Error(`ERR_ABORTED (-3) loading '${url}'`, { cause: err });
      }
    },
  };

  const BrowserWindow = browserWindowClass({
    createContents(win, preload, existing) {
      const contents = new WebContents(contentsHost);
      allContents.push(contents);
      const setUp = (async () => {
        const page = existing ?? (await (await browserContext()).newPage());
        contents.page = page;
        contentsByPage.set(page, contents);
        const bounds = (win as BrowserWindow).getBounds();
        await page.setViewportSize({ width: bounds.width, height: bounds.height });
        contents.world = await RendererWorld.attach(
          page,
          existing ? undefined : preload,
          (m) => ipcMain.deliver(contents, m),
          (e) => network.windowOpened(contents, e),
        );
        worlds.push(contents.world);
        let shown = false;
        page.on('domcontentloaded', () => {
          if (shown || page.url() === 'about:blank') return;
          shown = true;
          win.emit('ready-to-show', makeEvent());
        });
        page.on('load', () => {
          if (page.url() === 'about:blank') return;
          contents.loaded = true;
          contents.emit('did-finish-load', makeEvent());
        });
        page.on('download', (d) => void session.offerDownload(d, protocol.toApp(d.url()), contents));
      })();
      // A window closed (or an app quit) before its page was ready has nothing left to set up.
      contents.ready = setUp.catch((err: unknown) => {
        if (!contents.isDestroyed() && app.exitCode === null) throw err;
      });
      // Electron announces every web contents, before anything loads in it.
      app.emit('web-contents-created', makeEvent(), contents);
      return contents;
    },
    windowClosed(win) {
      const contents = (win as BrowserWindow).webContents;
      void contents.ready.then(async () => {
        if (contents.world) opts.coverage?.add(await contents.world.takeCoverage());
        await contents.page?.close().catch(() => {});
      });
      app.windowClosed();
    },
  });
  function adoptPopup(page: Page, opener: WebContents, overrides: unknown): WebContents {
    const parent = BrowserWindow.fromWebContents(opener);
    const win = new BrowserWindow(
      { ...(overrides as object), webPreferences: { ...parent?.webPreferences, preload: undefined } },
      page,
    );
    opener.emit('did-create-window', win, { url: protocol.toApp(page.url()) });
    return win.webContents;
  }

  const app: StandinApp = new StandinApp(
    {
      windows: () => BrowserWindow.getAllWindows(),
      async shutdown() {
        for (const world of worlds) opts.coverage?.add(await world.takeCoverage());
        if (context) await (await context).close().catch(() => {});
      },
    },
    {
      name: pkg.productName ?? pkg.name,
      version: pkg.version,
      appPath: appRoot,
      home: env.HOME ?? homedir(),
      env,
      argv,
      locale: opts.locale ?? 'en-US',
    },
  );

  const modules: Record<string, unknown> = {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession: session },
    webContents: {
      getAllWebContents: () => allContents.filter((c) => !c.isDestroyed()),
      fromId: (id: number) => allContents.find((c) => c.id === id),
    },
    Tray: desktop.Tray,
    Menu,
    MenuItem,
    nativeImage,
    Notification: desktop.Notification,
    globalShortcut,
    shell,
    dialog,
    powerMonitor,
    screen,
  };
  // An Electron API the app starts using without the stand-in modelling it fails loudly.
  const electron = new Proxy(modules, {
    get(target, key) {
      if (typeof key === 'symbol' || key === '__esModule' || key === 'default' || key === 'then')
        return key === 'default' ? target : undefined;
      if (!(key in target)) throw new Error(`the Electron stand-in does not model electron.${key}`);
      return target[key];
    },
  });

  runMainBundle(join(appRoot, 'dist-electron', 'main.cjs'), electron, {
    argv,
    env,
    execPath,
    appRoot,
    exit: (code) => app.exit(code),
  });
  // 'ready' comes after the main script's first turn, as in Electron.
  setImmediate(() => app.becomeReady());

  return {
    app,
    electron: modules,
    BrowserWindow,
    ipcMain,
    protocol,
    session,
    shell,
    dialog,
    globalShortcut,
    powerMonitor,
    trays: desktop.trays,
    notifications: desktop.notifications,
    windows: () => BrowserWindow.getAllWindows(),
    allContents,
    /** The first window, once its first document has loaded. */
    async firstWindow(timeoutMs = 20_000): Promise<BrowserWindow> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const win = BrowserWindow.getAllWindows()[0];
        if (win?.webContents.loaded) return win;
        if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) without a window`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the app opened no window');
    },
    /** Quits as the tray's Quit would, and waits for the exit; forces it after 10 s. */
    async close(): Promise<number> {
      if (app.exitCode === null) app.quit();
      const timer = setTimeout(() => app.exit(1), 10_000);
      const code = await app.exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Runs the bundle as Node would run a CommonJS file, with `electron` and `process` supplied. */
function runMainBundle(
  file: string,
  electron: unknown,
  p: {
    argv: string[];
    env: NodeJS.ProcessEnv;
    execPath: string;
    appRoot: string;
    exit: (code?: number) => void;
  },
): void {
  const nodeRequire = createRequire(file);
  const require = Object.assign((id: string) => (id === 'electron' ? electron : nodeRequire(id)), {
    resolve: nodeRequire.resolve,
    cache: nodeRequire.cache,
  });
  const proc = Object.create(process, {
    argv: { value: p.argv },
    env: { value: p.env },
    execPath: { value: p.execPath },
    resourcesPath: { value: join(p.appRoot, 'node_modules', 'electron', 'dist', 'resources') },
    type: { value: 'browser' },
    // Electron's main process ends with the app: process.exit is app.exit here.
    exit: { value: p.exit },
  }) as NodeJS.Process;
  const module = { exports: {} as unknown, filename: file };
  const main = compileFunction(
    readFileSync(file, 'utf8'),
    ['exports', 'require', 'module', '__filename', '__dirname', 'process'],
    {
      filename: file,
    },
  );
  main.call(module.exports, module.exports, require, module, file, dirname(file), proc);
}
