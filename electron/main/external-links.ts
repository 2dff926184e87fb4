// The only door to the operating system's URL handlers. shell.openExternal with an arbitrary URL
// can launch programs or open files (file:, smb:, ms-msdt:, custom schemes), so only tel:, sip:,
// callto: and mailto: links that isSafeExternalLink accepts ever reach it.
import { shell } from 'electron';
import { isSafeExternalLink } from '../core/app/dial.js';
import { AppError } from '../core/app-error.js';

/** Opens a dial or mail link; throws INVALID_LINK for anything else. */
export async function openSafeExternal(uri: string): Promise<void> {
  if (!isSafeExternalLink(uri)) throw new AppError('INVALID_LINK');
  await shell.openExternal(uri, { activate: true });
}

/** For navigation guards: opens the link when it is safe, reports whether it did. */
export function tryOpenSafeExternal(uri: string): boolean {
  if (!isSafeExternalLink(uri)) return false;
  void shell.openExternal(uri, { activate: true }).catch(() => undefined);
  return true;
}
