// electron.app for one stand-in app: the lifecycle as Electron documents it.
//  - 'ready' (and whenReady) after the main script's first turn, unless it quit before that;
//  - quit(): 'before-quit' (cancellable), then every window is closed (a window that prevents its
//    close cancels the quit), 'will-quit' (cancellable), 'quit', exit; 'window-all-closed' is not
//    emitted while quitting; exit(code) closes everything without asking or emitting;
//  - the last window closed otherwise emits 'window-all-closed', or quits when nobody listens;
//  - requestSingleInstanceLock per userData folder: the second app gets false and the first gets
//    'second-instance' with the second's argv, working directory and additional data;
//  - getPath/setPath (setPath refuses a folder that does not exist), login item settings, locale.
// The lock is shared by the stand-in apps of one Node process (Electron uses a socket in userData).
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeEvent } from './web-contents.js';

export interface AppHost {
  windows(): { close(): void; destroy(): void; isDestroyed(): boolean }[];
  shutdown(code: number): Promise<void>;
}

export interface AppInfo {
  name: string;
  version: string;
  appPath: string;
  home: string;
  env: NodeJS.ProcessEnv;
  argv: string[];
  locale: string;
}

const lockHolders = new Map<string, StandinApp>();

export class StandinApp extends EventEmitter {
  readonly isPackaged = false;
  readonly loginItems: { openAtLogin: boolean; args: string[]; wasOpenedAtLogin: boolean } = {
    openAtLogin: false,
    args: [],
    wasOpenedAtLogin: false,
  };
  #ready = false;
  #quitRequested = false;
  #quitting = false;
  #exitCode: number | null = null;
  #resolveReady!: () => void;
  #readyPromise = new Promise<void>((r) => (this.#resolveReady = r));
  #resolveExit!: (code: number) => void;
  readonly exited = new Promise<number>((r) => (this.#resolveExit = r));
  #paths = new Map<string, string>();
  #lockKey: string | null = null;

  constructor(
    private readonly host: AppHost,
    readonly info: AppInfo,
  ) {
    super();
  }

  get exitCode(): number | null {
    return this.#exitCode;
  }

  /** Called once the main script's first turn is over. */
  becomeReady(): void {
    if (this.#quitRequested || this.#exitCode !== null) return;
    this.#ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', makeEvent(), {});
    this.#resolveReady();
  }
  isReady(): boolean {
    return this.#ready;
  }
  whenReady(): Promise<void> {
    return this.#readyPromise;
  }

  getName(): string {
    return this.info.name;
  }
  getVersion(): string {
    return this.info.version;
  }
  getAppPath(): string {
    return this.info.appPath;
  }
  getLocale(): string {
    return this.info.locale;
  }
  getSystemLocale(): string {
    return this.info.locale;
  }
  getPreferredSystemLanguages(): string[] {
    return [this.info.locale];
  }

  getPath(name: string): string {
    const set = this.#paths.get(name);
    if (set) return set;
    const appData = this.info.env.XDG_CONFIG_HOME ?? join(this.info.home, '.config');
    const defaults: Record<string, string> = {
      home: this.info.home,
      appData,
      userData: join(appData, this.info.name),
      temp: tmpdir(),
      downloads: join(this.info.home, 'Downloads'),
      desktop: join(this.info.home, 'Desktop'),
      documents: join(this.info.home, 'Documents'),
      exe: this.info.argv[0] ?? '',
      module: this.info.argv[0] ?? '',
    };
    if (name === 'sessionData' || name === 'logs' || name === 'crashDumps') {
      const userData = this.getPath('userData');
      return name === 'sessionData' ? userData : join(userData, name === 'logs' ? 'logs' : 'Crashpad');
    }
    const path = defaults[name];
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    if (!existsSync(path)) throw new Error(`Failed to set path: ${path} does not exist`);
    this.#paths.set(name, path);
  }

  requestSingleInstanceLock(additionalData: unknown = {}): boolean {
    if (this.#lockKey) return true;
    const key = resolve(this.getPath('userData'));
    const holder = lockHolders.get(key);
    if (holder && holder.#exitCode === null) {
      const argv = [...this.info.argv];
      setImmediate(() => holder.emit('second-instance', makeEvent(), argv, process.cwd(), additionalData));
      return false;
    }
    lockHolders.set(key, this);
    this.#lockKey = key;
    return true;
  }
  hasSingleInstanceLock(): boolean {
    return this.#lockKey !== null;
  }
  releaseSingleInstanceLock(): void {
    if (this.#lockKey && lockHolders.get(this.#lockKey) === this) lockHolders.delete(this.#lockKey);
    this.#lockKey = null;
  }

  setLoginItemSettings(settings: { openAtLogin?: boolean; args?: string[] }): void {
    this.loginItems.openAtLogin = settings.openAtLogin ?? false;
    this.loginItems.args = settings.args ?? [];
  }
  getLoginItemSettings() {
    return { ...this.loginItems, openAsHidden: false, wasOpenedAsHidden: false, restoreState: false };
  }

  focus(): void {}

  quit(): void {
    if (this.#exitCode !== null || this.#quitting) return;
    if (!this.#ready) {
      // Before 'ready' there is nothing to close: the app just ends.
      this.#quitRequested = true;
      setImmediate(() => this.exit(0));
      return;
    }
    const before = makeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.#quitting = true;
    for (const win of this.host.windows()) win.close();
    if (this.host.windows().some((w) => !w.isDestroyed())) {
      this.#quitting = false;
      return;
    }
    const willQuit = makeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.#quitting = false;
      return;
    }
    this.emit('quit', makeEvent(), 0);
    this.exit(0);
  }

  exit(code = 0): void {
    if (this.#exitCode !== null) return;
    this.#exitCode = code;
    for (const win of this.host.windows()) win.destroy();
    this.releaseSingleInstanceLock();
    void this.host.shutdown(code).finally(() => this.#resolveExit(code));
  }

  /** A window was destroyed: the last one ends the app unless someone handles it. */
  windowClosed(): void {
    if (this.#quitting || this.#exitCode !== null || this.host.windows().length > 0) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }
}
