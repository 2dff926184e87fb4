// The shell's security policy in one place: the app's own origin, the Content-Security-Policy
// every response carries, and the session's permission and download rules. The renderer needs no
// browser permission, so every request is refused; see isAllowedPermission for the one exception.
import type { Session } from 'electron';
import { CSP } from '../core/shared/csp.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export { CSP };

/** True for URLs of the bundled renderer (app://bundle/...), and for its blob: URLs. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url.startsWith('blob:') ? url.slice(5) : url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

export function isAllowedPermission(permission: string, origin: string): boolean {
  // "Copy number" uses navigator.clipboard.writeText, which Chromium gates behind this
  // permission. It writes plain text only and cannot read the clipboard back.
  return permission === 'clipboard-sanitized-write' && isAppUrl(origin);
}

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin),
  );
  // USB, HID and serial devices: nothing in the app talks to hardware.
  ses.setDevicePermissionHandler(() => false);
  // Defence in depth: whatever else the session ever loads carries the same policy.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // The directory export saves a blob the renderer made; any other download is refused so a
  // page cannot drop files on the user's disk.
  ses.on('will-download', (event, item) => {
    if (!isAppUrl(item.getURL())) event.preventDefault();
  });
}
