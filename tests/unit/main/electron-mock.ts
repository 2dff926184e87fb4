// A stand-in for the 'electron' module (no Electron binary on our machines): just enough of each
// API for the main-process modules, recording what they were asked to do. Used as
// vi.mock('electron', async () => (await import('./electron-mock.js')).electron).
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(
    public url = 'app://bundle/index.html',
    public processId = 7,
    public routingId = 1,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeFrame();
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  destroyed = false;
  isDestroyed = () => this.destroyed;
  setWindowOpenHandler(handler: (d: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds = { x: 10, y: 20, width: 900, height: 700 };
  loadURL = vi.fn(async (_url: string) => undefined);
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  show = vi.fn(() => {
    this.visible = true;
    this.focused = true;
  });
  hide = vi.fn(() => {
    this.visible = false;
    this.focused = false;
  });
  focus = vi.fn(() => (this.focused = true));
  restore = vi.fn(() => (this.minimized = false));
  maximize = vi.fn(() => (this.maximized = true));
  isVisible = () => this.visible;
  isFocused = () => this.focused;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
  getNormalBounds = () => ({ ...this.bounds });
  /** Emits 'close' like Electron: returns true when a listener prevented it. */
  tryClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  static failNext: Error | null = null;
  image: unknown;
  tooltip = '';
  menu: { template: Array<Record<string, unknown>> } | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    if (FakeTray.failNext) {
      const err = FakeTray.failNext;
      FakeTray.failNext = null;
      throw err;
    }
    this.image = image;
    FakeTray.instances.push(this);
  }
  setImage = vi.fn((image: unknown) => (this.image = image));
  setToolTip = vi.fn((text: string) => (this.tooltip = text));
  setContextMenu = vi.fn((menu: { template: Array<Record<string, unknown>> }) => (this.menu = menu));
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => (this.destroyed = true));
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  static isSupported = vi.fn(() => true);
  show = vi.fn();
  constructor(public options: { title: string; body: string }) {
    super();
    FakeNotification.instances.push(this);
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...a: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...a: unknown[]) => boolean) | null = null;
  deviceHandler: ((...a: unknown[]) => boolean) | null = null;
  headersListener: ((d: unknown, cb: (r: unknown) => void) => void) | null = null;
  setPermissionRequestHandler(h: (...a: unknown[]) => void) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: (...a: unknown[]) => boolean) {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: (...a: unknown[]) => boolean) {
    this.deviceHandler = h;
  }
  webRequest = {
    onHeadersReceived: (l: (d: unknown, cb: (r: unknown) => void) => void) => (this.headersListener = l),
  };
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  getPath = vi.fn((name: string) => `/tmp/vpbx-mock-${name}`);
  setPath = vi.fn();
  getVersion = vi.fn(() => '0.1.0');
  getLocale = vi.fn(() => 'en-US');
  whenReady = vi.fn((): Promise<void> => new Promise(() => {}));
  setLoginItemSettings = vi.fn();
  getLoginItemSettings = vi.fn(() => ({ openAtLogin: false, wasOpenedAtLogin: false }));
}

export const electron = {
  app: new FakeApp(),
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
  nativeImage: {
    createFromPath: vi.fn((path: string) => ({ path, template: false, setTemplateImage: vi.fn() })),
  },
  ipcMain: {
    handlers: new Map<string, (...a: unknown[]) => unknown>(),
    handle: vi.fn((channel: string, fn: (...a: unknown[]) => unknown) =>
      electron.ipcMain.handlers.set(channel, fn),
    ),
    removeHandler: vi.fn((channel: string) => electron.ipcMain.handlers.delete(channel)),
  },
  ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn(async () => ({ ok: true, data: null })) }),
  contextBridge: { exposeInMainWorld: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  globalShortcut: { register: vi.fn(() => true), unregister: vi.fn(), unregisterAll: vi.fn() },
  session: { defaultSession: new FakeSession() },
  screen: {
    getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
    getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } })),
  },
  powerMonitor: new EventEmitter(),
  dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) },
  /** For tests that re-import modules: resets the instance the modules actually got. */
  __reset: (): void => resetElectronMock(),
};

/** Fresh state between tests. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeTray.failNext = null;
  FakeNotification.instances = [];
  FakeNotification.isSupported.mockReturnValue(true);
  electron.ipcMain.handlers.clear();
  electron.app.removeAllListeners();
  electron.powerMonitor.removeAllListeners();
  electron.ipcRenderer.removeAllListeners();
  electron.globalShortcut.register.mockReturnValue(true);
  electron.app.requestSingleInstanceLock.mockReturnValue(true);
  electron.app.getLocale.mockReturnValue('en-US');
  electron.session.defaultSession = new FakeSession();
}
