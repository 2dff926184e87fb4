// What the tray shows, as plain functions of the sync state, unread count and language: which
// icon variant, which tooltip, which icon file for the platform. Kept apart from tray.ts so the
// rules are tested without any Electron object.
import type { ConnectionStatus } from '../core/shared/domain.js';
import { relativeAge } from '../core/shared/i18n/formats.js';
import type { Language } from '../core/shared/i18n/languages.js';
import { translatorFor } from '../core/shared/i18n/translator.js';

export type TrayVariant = 'normal' | 'offline' | 'unread';

export interface TrayModel {
  status: ConnectionStatus;
  syncedAt: number | null;
  unread: number;
  startAtLogin: boolean;
  /** The language the tray and notifications speak (the setting, else the OS locale). */
  language: Language;
}

/** Unread voicemail wins: it is the one thing the agent has to act on. */
export function trayVariant(model: Pick<TrayModel, 'status' | 'unread'>): TrayVariant {
  if (model.unread > 0) return 'unread';
  return model.status === 'offline' || model.status === 'error' ? 'offline' : 'normal';
}

const STATUS_KEY = {
  unknown: 'tray.unknown',
  syncing: 'tray.syncing',
  online: 'tray.online',
  offline: 'tray.offline',
  error: 'tray.error',
} as const satisfies Record<ConnectionStatus, string>;

/** "synced 4 min ago", "sincronizado hace 4 min", or that there is no directory yet. */
export function dataAge(syncedAt: number | null, now: number, language: Language): string {
  const { t } = translatorFor(language);
  if (syncedAt === null) return t('tray.noDirectory');
  const when = relativeAge(language, syncedAt, now);
  return when === null ? t('time.syncedJustNow') : t('time.synced', { when });
}

/** e.g. "VitalPBX Directory — online, synced 4 min ago — 2 unread voicemails" */
export function trayTooltip(model: TrayModel, now: number): string {
  const { t } = translatorFor(model.language);
  const values = { status: t(STATUS_KEY[model.status]), age: dataAge(model.syncedAt, now, model.language) };
  return model.unread > 0
    ? t('tray.tooltipUnread', { ...values, count: model.unread })
    : t('tray.tooltip', values);
}

/**
 * The icon file for a variant. macOS wants monochrome template images (the menu bar recolours
 * them for light and dark); Windows draws tray icons at 16 px, Linux panels at about 24 px.
 * nativeImage picks the @2x file beside each on high-density screens.
 */
export function trayIconFile(variant: TrayVariant, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return `tray-${variant}Template.png`;
  return `tray-${variant}-${platform === 'win32' ? 16 : 24}.png`;
}
