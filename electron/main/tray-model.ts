// What the tray shows, as plain functions of the sync state and unread count: which icon
// variant, which tooltip, which icon file for the platform. Kept apart from tray.ts so the rules
// are tested without any Electron object.
import type { ConnectionStatus } from '../core/shared/domain.js';

export type TrayVariant = 'normal' | 'offline' | 'unread';

export interface TrayModel {
  status: ConnectionStatus;
  syncedAt: number | null;
  unread: number;
  startAtLogin: boolean;
}

/** Unread voicemail wins: it is the one thing the agent has to act on. */
export function trayVariant(model: Pick<TrayModel, 'status' | 'unread'>): TrayVariant {
  if (model.unread > 0) return 'unread';
  return model.status === 'offline' || model.status === 'error' ? 'offline' : 'normal';
}

const STATUS_WORDS: Record<ConnectionStatus, string> = {
  unknown: 'not connected',
  syncing: 'syncing',
  online: 'online',
  offline: 'offline',
  error: 'sync failed',
};

export function dataAge(syncedAt: number | null, now: number): string {
  if (syncedAt === null) return 'no directory yet';
  const minutes = Math.max(0, Math.floor((now - syncedAt) / 60_000));
  if (minutes < 1) return 'synced just now';
  if (minutes < 60) return `synced ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `synced ${hours} h ago`;
  const days = Math.floor(hours / 24);
  return `synced ${days} day${days === 1 ? '' : 's'} ago`;
}

/** e.g. "VitalPBX Directory — online, synced 4 min ago — 2 unread voicemails" */
export function trayTooltip(model: TrayModel, now: number): string {
  const parts = [`VitalPBX Directory — ${STATUS_WORDS[model.status]}, ${dataAge(model.syncedAt, now)}`];
  if (model.unread > 0) parts.push(`${model.unread} unread voicemail${model.unread === 1 ? '' : 's'}`);
  return parts.join(' — ');
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
