// The tray icon and its menu. Creating a tray can fail where the desktop has none (Linux without
// a StatusNotifier host): AppTray.create then returns null and the app works as a plain window.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { translatorFor } from '../core/shared/i18n/translator.js';
import { trayIconFile, trayTooltip, trayVariant, type TrayModel, type TrayVariant } from './tray-model.js';

export interface TrayActions {
  toggleWindow(): void;
  openDirectory(): void;
  syncNow(): void;
  openVoicemail(): void;
  setStartAtLogin(enabled: boolean): void;
  quit(): void;
}

export function trayMenuTemplate(model: TrayModel, actions: TrayActions): MenuItemConstructorOptions[] {
  const { t } = translatorFor(model.language);
  return [
    { id: 'open', label: t('tray.open'), click: () => actions.openDirectory() },
    {
      id: 'sync',
      label: t('tray.sync'),
      enabled: model.status !== 'syncing',
      click: () => actions.syncNow(),
    },
    {
      id: 'voicemail',
      label: t('tray.voicemail', { count: model.unread }),
      click: () => actions.openVoicemail(),
    },
    { type: 'separator' },
    {
      id: 'login',
      label: t('tray.startAtLogin'),
      type: 'checkbox',
      checked: model.startAtLogin,
      click: (item) => actions.setStartAtLogin(item.checked),
    },
    { type: 'separator' },
    { id: 'quit', label: t('tray.quit'), click: () => actions.quit() },
  ];
}

export class AppTray {
  #variant: TrayVariant | null = null;

  private constructor(
    private readonly tray: Tray,
    private readonly iconDir: string,
    private readonly actions: TrayActions,
    private readonly platform: NodeJS.Platform,
  ) {
    tray.on('click', () => actions.toggleWindow());
  }

  static create(
    iconDir: string,
    actions: TrayActions,
    log: (msg: string, err: unknown) => void,
    platform: NodeJS.Platform = process.platform,
  ): AppTray | null {
    try {
      const tray = new Tray(AppTray.#image(iconDir, 'normal', platform));
      return new AppTray(tray, iconDir, actions, platform);
    } catch (err) {
      log('no system tray: the window will close and minimise normally', err);
      return null;
    }
  }

  static #image(iconDir: string, variant: TrayVariant, platform: NodeJS.Platform) {
    const image = nativeImage.createFromPath(join(iconDir, trayIconFile(variant, platform)));
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  }

  update(model: TrayModel, now = Date.now()): void {
    if (this.tray.isDestroyed()) return;
    const variant = trayVariant(model);
    if (variant !== this.#variant) {
      this.tray.setImage(AppTray.#image(this.iconDir, variant, this.platform));
      this.#variant = variant;
    }
    this.tray.setToolTip(trayTooltip(model, now));
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model, this.actions)));
  }

  get variant(): TrayVariant | null {
    return this.#variant;
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }
}
