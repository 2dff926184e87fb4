// Session hardening: permissions denied (clipboard write from our origin is the one exception),
// the CSP on every response, and downloads only of the app's own blobs.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { CSP, hardenSession, isAllowedPermission, isAppUrl } =
  await import('../../../electron/main/security.js');

beforeEach(resetElectronMock);

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'openExternal',
  'clipboard-read',
  'fullscreen',
  'midi',
  'hid',
  'serial',
  'pointerLock',
  'display-capture',
  'unknown',
];

function hardened() {
  const ses = electron.session.defaultSession;
  hardenSession(ses as never);
  return ses;
}

describe('permissions', () => {
  it.each(PERMISSIONS)('denies %s on request and on check', (permission) => {
    const ses = hardened();
    const callback = vi.fn();
    ses.permissionRequestHandler?.({}, permission, callback, { requestingUrl: 'app://bundle/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(ses.permissionCheckHandler?.({}, permission, 'app://bundle', {})).toBe(false);
  });

  it('allows clipboard writes from the app only', () => {
    const ses = hardened();
    const callback = vi.fn();
    ses.permissionRequestHandler?.({}, 'clipboard-sanitized-write', callback, {
      requestingUrl: 'app://bundle/index.html',
    });
    expect(callback).toHaveBeenCalledWith(true);
    expect(ses.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'app://bundle', {})).toBe(true);
    expect(ses.permissionCheckHandler?.({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(
      false,
    );
    expect(isAllowedPermission('clipboard-sanitized-write', 'app://other')).toBe(false);
  });

  it('denies USB, HID and serial devices', () => {
    expect(hardened().deviceHandler?.({})).toBe(false);
  });
});

describe('CSP', () => {
  it('has every directive of the strict policy and nothing unsafe', () => {
    for (const d of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "media-src 'self' blob:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CSP.split('; ')).toContain(d);
    }
    expect(CSP).not.toMatch(/unsafe-|\*|https?:/);
  });

  it('is added to every response the session receives', () => {
    const ses = hardened();
    const cb = vi.fn();
    ses.headersListener?.({ responseHeaders: { 'X-Other': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] },
    });
  });
});

describe('downloads', () => {
  it('lets the app save its own blobs and cancels anything else', () => {
    const ses = hardened();
    const download = (url: string) => {
      const event = { preventDefault: vi.fn() };
      ses.emit('will-download', event, { getURL: () => url });
      return event.preventDefault;
    };
    expect(download('blob:app://bundle/6f1c')).not.toHaveBeenCalled();
    expect(download('https://evil.example/x.exe')).toHaveBeenCalled();
    expect(download('blob:https://evil.example/6f1c')).toHaveBeenCalled();
  });

  it('recognises only app://bundle as the app', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    expect(isAppUrl('app://bundle.evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
