// The tray: variants by state, tooltip text, menu items and their actions, left click, and the
// no-tray fallback where creating a tray fails.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeTray, resetElectronMock } from './electron-mock.js';
import type { TrayModel } from '../../../electron/main/tray-model.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { AppTray, trayMenuTemplate } = await import('../../../electron/main/tray.js');
const { dataAge, trayIconFile, trayTooltip, trayVariant } =
  await import('../../../electron/main/tray-model.js');
type Model = TrayModel;

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const model = (over: Partial<Model> = {}): Model => ({
  status: 'online',
  syncedAt: NOW - 4 * 60_000,
  unread: 0,
  startAtLogin: false,
  language: 'en',
  ...over,
});
const actions = () => ({
  toggleWindow: vi.fn(),
  openDirectory: vi.fn(),
  syncNow: vi.fn(),
  openVoicemail: vi.fn(),
  setStartAtLogin: vi.fn(),
  quit: vi.fn(),
});

beforeEach(resetElectronMock);

describe('tray model', () => {
  it.each([
    [{ status: 'online', unread: 0 }, 'normal'],
    [{ status: 'syncing', unread: 0 }, 'normal'],
    [{ status: 'unknown', unread: 0 }, 'normal'],
    [{ status: 'offline', unread: 0 }, 'offline'],
    [{ status: 'error', unread: 0 }, 'offline'],
    [{ status: 'online', unread: 2 }, 'unread'],
    [{ status: 'offline', unread: 1 }, 'unread'],
  ] as const)('%o → %s', (state, variant) => {
    expect(trayVariant(state)).toBe(variant);
  });

  it('says state and data age in the tooltip', () => {
    expect(trayTooltip(model(), NOW)).toBe('VitalPBX Directory — online, synced 4 min. ago');
    expect(trayTooltip(model({ status: 'offline', syncedAt: NOW - 3 * 3_600_000 }), NOW)).toBe(
      'VitalPBX Directory — offline, synced 3 hr. ago',
    );
    expect(trayTooltip(model({ unread: 2 }), NOW)).toBe(
      'VitalPBX Directory — online, synced 4 min. ago — 2 unread voicemails',
    );
    expect(trayTooltip(model({ unread: 1 }), NOW)).toMatch(/— 1 unread voicemail$/);
    expect(trayTooltip(model({ status: 'unknown', syncedAt: null }), NOW)).toBe(
      'VitalPBX Directory — not connected, no directory yet',
    );
  });

  it('words the data age', () => {
    expect(dataAge(NOW - 10_000, NOW, 'en')).toBe('synced just now');
    expect(dataAge(NOW - 59 * 60_000, NOW, 'en')).toBe('synced 59 min. ago');
    expect(dataAge(NOW - 26 * 3_600_000, NOW, 'en')).toBe('synced yesterday');
    expect(dataAge(NOW - 72 * 3_600_000, NOW, 'en')).toBe('synced 3 days ago');
  });

  it('picks template images on macOS and sized images elsewhere', () => {
    expect(trayIconFile('unread', 'darwin')).toBe('tray-unreadTemplate.png');
    expect(trayIconFile('offline', 'win32')).toBe('tray-offline-16.png');
    expect(trayIconFile('normal', 'linux')).toBe('tray-normal-24.png');
  });

  it('has every icon file it names in build/tray, with its @2x', async () => {
    const { existsSync } = await import('node:fs');
    for (const variant of ['normal', 'offline', 'unread'] as const) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const file = new URL(`../../../build/tray/${trayIconFile(variant, platform)}`, import.meta.url);
        expect(existsSync(file), file.pathname).toBe(true);
        expect(existsSync(new URL(file.href.replace('.png', '@2x.png'))), file.pathname).toBe(true);
      }
    }
  });
});

describe('tray menu', () => {
  it('has the items in order, and each calls its action', () => {
    const a = actions();
    const items = trayMenuTemplate(model({ unread: 3, startAtLogin: true }), a);
    expect(items.map((i) => i.label ?? i.type)).toEqual([
      'Open directory',
      'Sync now',
      'My voicemail (3)',
      'separator',
      'Start at login',
      'separator',
      'Quit',
    ]);
    const byId = (id: string) => items.find((i) => i.id === id)!;
    const click = (id: string, item: unknown = {}) => (byId(id).click as (i: unknown) => void)(item);
    click('open');
    click('sync');
    click('voicemail');
    click('login', { checked: false });
    click('quit');
    expect(a.openDirectory).toHaveBeenCalledTimes(1);
    expect(a.syncNow).toHaveBeenCalledTimes(1);
    expect(a.openVoicemail).toHaveBeenCalledTimes(1);
    expect(a.setStartAtLogin).toHaveBeenCalledWith(false);
    expect(a.quit).toHaveBeenCalledTimes(1);
    expect(byId('login')).toMatchObject({ type: 'checkbox', checked: true });
    expect(byId('quit')).not.toHaveProperty('role');
  });

  it('disables Sync now while a sync runs', () => {
    const items = trayMenuTemplate(model({ status: 'syncing' }), actions());
    expect(items.find((i) => i.id === 'sync')?.enabled).toBe(false);
  });
});

describe('AppTray', () => {
  it('shows the variant, tooltip and menu of the state, and toggles the window on click', () => {
    const a = actions();
    const tray = AppTray.create('/icons', a, vi.fn(), 'linux');
    expect(tray).not.toBeNull();
    const fake = FakeTray.instances[0]!;
    tray!.update(model({ status: 'offline' }), NOW);
    expect(tray!.variant).toBe('offline');
    expect(fake.image).toMatchObject({ path: '/icons/tray-offline-24.png' });
    expect(fake.tooltip).toBe('VitalPBX Directory — offline, synced 4 min. ago');
    expect(fake.menu?.template.map((i) => i.label)).toContain('My voicemail (0)');
    tray!.update(model({ unread: 1 }), NOW);
    expect(fake.image).toMatchObject({ path: '/icons/tray-unread-24.png' });
    tray!.update(model({ unread: 2 }), NOW);
    expect(fake.setImage).toHaveBeenCalledTimes(2);
    fake.emit('click');
    expect(a.toggleWindow).toHaveBeenCalledTimes(1);
    tray!.destroy();
    expect(fake.destroy).toHaveBeenCalled();
  });

  it('marks macOS icons as template images', () => {
    AppTray.create('/icons', actions(), vi.fn(), 'darwin');
    const image = FakeTray.instances[0]!.image as {
      path: string;
      setTemplateImage: ReturnType<typeof vi.fn>;
    };
    expect(image.path).toBe('/icons/tray-normalTemplate.png');
    expect(image.setTemplateImage).toHaveBeenCalledWith(true);
  });

  it('returns null and logs when the desktop has no tray', () => {
    FakeTray.failNext = new Error('StatusNotifier unavailable');
    const log = vi.fn();
    expect(AppTray.create('/icons', actions(), log, 'linux')).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no system tray'), expect.any(Error));
    expect(electron.Menu.buildFromTemplate).not.toHaveBeenCalled();
  });
});
