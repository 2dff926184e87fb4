// Navigation guards: no navigation, redirect, webview or new window; dial links go to the OS
// through external-links only when they are safe.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, FakeWebContents, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { guardWebContents } = await import('../../../electron/main/navigation.js');

function guarded() {
  const contents = new FakeWebContents();
  guardWebContents(contents as never);
  return contents;
}
function fire(contents: FakeWebContents, name: string, ...args: unknown[]) {
  const event = { preventDefault: vi.fn() };
  contents.emit(name, event, ...args);
  return event.preventDefault;
}

beforeEach(resetElectronMock);

describe('guardWebContents', () => {
  it('prevents every navigation, including to our own origin', () => {
    const c = guarded();
    for (const url of ['https://evil.example/', 'app://bundle/index.html', 'file:///etc/passwd']) {
      expect(fire(c, 'will-navigate', url)).toHaveBeenCalled();
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('hands a clicked tel: link to the OS instead of navigating', () => {
    const c = guarded();
    expect(fire(c, 'will-navigate', 'tel:+4930123')).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('tel:+4930123', { activate: true });
  });

  it('prevents redirects and webview attachment', () => {
    const c = guarded();
    expect(fire(c, 'will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(fire(c, 'will-attach-webview', {}, {})).toHaveBeenCalled();
  });

  it('denies every new window; a safe dial link opens externally, anything else does not', () => {
    const c = guarded();
    expect(c.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(c.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(c.windowOpenHandler?.({ url: 'sip:201@pbx.example.com' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('sip:201@pbx.example.com', { activate: true });
  });
});
