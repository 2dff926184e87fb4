// The desktop integrations as recording stand-ins that tests drive and inspect: Tray (click it,
// click its menu items), Menu/MenuItem, nativeImage (remembers the file, empty when it does not
// exist, as Electron's is), Notification (show is recorded, tests click them), globalShortcut
// (accelerators parsed as Electron documents them; tests fire them), shell.openExternal, dialog
// (answers queued by the test, cancel otherwise), powerMonitor (tests emit resume/suspend; the
// app does not listen today) and one 1920x1080 screen.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';

export class NativeImage {
  #template = false;
  constructor(readonly path: string | null) {}
  isEmpty(): boolean {
    return !this.path || !existsSync(this.path);
  }
  setTemplateImage(on: boolean): void {
    this.#template = on;
  }
  isTemplateImage(): boolean {
    return this.#template;
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new NativeImage(path),
  createEmpty: () => new NativeImage(null),
};

type ClickFn = (item: MenuItem, win: unknown, event: unknown) => void;
export interface MenuItemOptions {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'checkbox' | 'radio' | 'submenu';
  checked?: boolean;
  enabled?: boolean;
  visible?: boolean;
  click?: ClickFn;
}

export class MenuItem {
  readonly id: string | undefined;
  readonly label: string;
  readonly type: string;
  checked: boolean;
  enabled: boolean;
  visible: boolean;
  readonly #click: ClickFn | undefined;
  constructor(o: MenuItemOptions) {
    this.id = o.id;
    this.label = o.label ?? '';
    this.type = o.type ?? 'normal';
    this.checked = o.checked ?? false;
    this.enabled = o.enabled ?? true;
    this.visible = o.visible ?? true;
    this.#click = o.click;
  }
  /** What a user's click does: nothing when disabled; a checkbox flips before click runs. */
  click(): void {
    if (!this.enabled || !this.visible || this.type === 'separator') return;
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.#click?.(this, null, { triggeredByAccelerator: false });
  }
}

export class Menu {
  readonly items: MenuItem[] = [];
  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    const menu = new Menu();
    for (const o of template) menu.items.push(new MenuItem(o));
    return menu;
  }
  getMenuItemById(id: string): MenuItem | null {
    return this.items.find((i) => i.id === id) ?? null;
  }
}

export class Tray extends EventEmitter {
  image: NativeImage;
  tooltip = '';
  menu: Menu | null = null;
  #destroyed = false;
  constructor(image: NativeImage | string) {
    super();
    this.image = typeof image === 'string' ? new NativeImage(image) : image;
  }
  setImage(image: NativeImage | string): void {
    this.image = typeof image === 'string' ? new NativeImage(image) : image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: Menu | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.#destroyed = true;
  }
  isDestroyed(): boolean {
    return this.#destroyed;
  }
  /** Test driver: a left click on the icon. */
  click(): void {
    if (!this.#destroyed) this.emit('click', { preventDefault() {} }, { x: 0, y: 0, width: 24, height: 24 });
  }
  /** Test driver: a click on the context menu item with this id. */
  clickMenuItem(id: string): void {
    const item = this.menu?.getMenuItemById(id);
    if (!item) throw new Error(`the tray menu has no item ${id}`);
    item.click();
  }
}

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title?: string; body?: string; silent?: boolean } = {}) {
    super();
  }
  show(): void {
    this.emit('show', { preventDefault() {} });
  }
  close(): void {
    this.emit('close', { preventDefault() {} });
  }
  /** Test driver: the user clicks the notification. */
  click(): void {
    this.emit('click', { preventDefault() {} });
  }
}

/** Tray and Notification classes whose instances are recorded for one app. */
export function desktopRecords(): {
  Tray: typeof Tray;
  Notification: typeof Notification;
  trays: Tray[];
  notifications: Notification[];
} {
  const trays: Tray[] = [];
  const notifications: Notification[] = [];
  class AppTray extends Tray {
    constructor(image: NativeImage | string) {
      super(image);
      trays.push(this);
    }
  }
  class AppNotification extends Notification {
    override show(): void {
      notifications.push(this);
      super.show();
    }
  }
  return { Tray: AppTray, Notification: AppNotification, trays, notifications };
}

// Accelerator grammar from Electron's Accelerator documentation: modifiers joined by '+', then
// exactly one key code (case-insensitive). Anything else is a conversion failure, as in Electron.
const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);
const NAMED_KEYS = new Set(
  (
    'plus space tab capslock numlock scrolllock backspace delete insert return enter up down left right ' +
    'home end pageup pagedown escape esc volumeup volumedown volumemute medianexttrack mediaprevioustrack ' +
    'mediastop mediaplaypause printscreen numdec numadd numsub nummult numdiv'
  ).split(' '),
);
export function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  const key = (parts.pop() ?? '').toLowerCase();
  if (parts.some((m) => !MODIFIERS.has(m.toLowerCase()))) return false;
  return (
    /^[a-z0-9]$/.test(key) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(key) ||
    /^num[0-9]$/.test(key) ||
    /^[)!@#$%^&*(:;:<=>?,_.\-/~`{\]|[\\}'"]$/.test(key) ||
    NAMED_KEYS.has(key)
  );
}

export class GlobalShortcuts {
  readonly registered = new Map<string, () => void>();
  /** Accelerators another application holds: register() returns false for them. */
  readonly takenElsewhere = new Set<string>();
  register(accelerator: string, callback: () => void): boolean {
    if (!isValidAccelerator(accelerator))
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (this.takenElsewhere.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  /** Test driver: the user presses the shortcut anywhere on the desktop. */
  fire(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`no global shortcut ${accelerator} is registered`);
    callback();
  }
}

export class Shell {
  readonly opened: { url: string; options: unknown }[] = [];
  async openExternal(url: string, options?: unknown): Promise<void> {
    this.opened.push({ url, options });
  }
}

export class Dialogs {
  readonly calls: { kind: string; options: unknown }[] = [];
  readonly answers: { canceled: boolean; filePath?: string }[] = [];
  async showSaveDialog(winOrOptions: unknown, maybeOptions?: unknown) {
    this.calls.push({ kind: 'save', options: maybeOptions ?? winOrOptions });
    return this.answers.shift() ?? { canceled: true, filePath: '' };
  }
}

export class PowerMonitor extends EventEmitter {
  getSystemIdleState(): string {
    return 'active';
  }
  getSystemIdleTime(): number {
    return 0;
  }
}

const DISPLAY = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
  scaleFactor: 1,
};
export const screen = {
  getAllDisplays: () => [DISPLAY],
  getPrimaryDisplay: () => DISPLAY,
  getDisplayMatching: () => DISPLAY,
};
