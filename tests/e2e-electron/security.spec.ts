// The security wiring of the shipped main.cjs, verified through the stand-in: the navigation
// guards are on every web contents (these tests fail when guardWebContents is not wired), the IPC
// sender check refuses other windows and other origins, the session refuses permissions, and the
// CSP and path checks come from the app:// protocol handler.
import type { Page } from '@playwright/test';
import { CSP } from '../../electron/core/shared/csp.js';
import { makeEvent } from '../standin/web-contents.js';
import { test, expect, appWindow } from './fixtures.js';
import { startRemoteServer, type RemoteServer } from './remote-server.js';

// What the page-side callbacks below touch (the node tsconfig has no DOM types; they run in the page).
interface PageElement {
  textContent: string | null;
  setAttribute(name: string, value: string): void;
  append(...nodes: PageElement[]): void;
}
declare const window: { open(url: string): unknown; __inline?: boolean };
declare const document: { createElement(tag: string): PageElement; body: PageElement; head: PageElement };
declare const location: { href: string };

let remote: RemoteServer;
test.beforeEach(async () => {
  remote = await startRemoteServer();
});
test.afterEach(async () => remote.close());

/** Time for a refused page to have loaded, had it not been refused. */
const settle = (page: Page) => page.waitForTimeout(1_000);
const appInfo = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as {
        vpbx: { app: { info(): Promise<{ ok: boolean; error?: { code: string } }> } };
      }
    ).vpbx.app.info(),
  );

test('every web contents gets the navigation guards, the first window and any later one', async ({
  launch,
}) => {
  const app = await launch();
  await appWindow(app);
  const later = new app.BrowserWindow({ show: false });
  for (const contents of [app.windows()[0]!.webContents, later.webContents]) {
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      expect(contents.listenerCount(name), `${name} listener`).toBeGreaterThan(0);
    expect(contents.windowOpenHandler, 'window open handler').not.toBeNull();
  }
});

test('window.open and a target=_blank link open nothing; a dial link goes to the softphone', async ({
  launch,
}) => {
  const app = await launch();
  const page = await appWindow(app);
  await page.evaluate((url) => void window.open(url), `${remote.origin}/opened`);
  await page.evaluate((url) => {
    const a = document.createElement('a');
    a.setAttribute('href', url);
    a.setAttribute('target', '_blank');
    a.textContent = 'remote link';
    document.body.append(a);
  }, `${remote.origin}/blank-target`);
  await page.getByText('remote link').click();
  await page.evaluate(() => void window.open('tel:+4930123456'));
  await settle(page);
  expect(app.windows()).toHaveLength(1);
  expect(page.context().pages()).toHaveLength(1);
  expect(remote.hits).toEqual([]);
  await expect.poll(() => app.shell.opened.map((o) => o.url)).toContain('tel:+4930123456');
});

test('a navigation to a remote page is refused and the window stays on the app', async ({ launch }) => {
  const app = await launch();
  const page = await appWindow(app);
  await expect(page.getByRole('heading', { name: 'Connect to your VitalPBX' })).toBeVisible();
  await page.evaluate((url) => (location.href = url), `${remote.origin}/navigated`);
  await settle(page);
  expect(app.windows()[0]!.webContents.getURL()).toBe('app://bundle/index.html');
  expect(remote.hits).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Connect to your VitalPBX' })).toBeVisible();
});

test('a redirect is refused, and a <webview> never attaches', async ({ launch }) => {
  const app = await launch();
  const page = await appWindow(app);
  const contents = app.windows()[0]!.webContents;
  await expect(contents.loadURL(`${remote.origin}/redirect`)).rejects.toThrow(/ERR_ABORTED/);
  expect(remote.hits).toEqual(['/redirect']);
  expect(contents.getURL()).not.toContain('/landing');

  // webviewTag is off, so Chromium treats <webview> as an unknown element: nothing loads...
  await page.evaluate((src) => {
    const view = document.createElement('webview');
    view.setAttribute('src', src);
    document.body.append(view);
  }, `${remote.origin}/webview`);
  await settle(page);
  expect(remote.hits).toEqual(['/redirect']);
  // ...and were one ever attached, Electron would ask first: the guard says no.
  const attach = makeEvent();
  contents.emit('will-attach-webview', attach, {}, { src: `${remote.origin}/webview` });
  expect(attach.defaultPrevented).toBe(true);
});

test('a call from another window, or from another origin in the app window, gets FORBIDDEN_SENDER', async ({
  launch,
}) => {
  const app = await launch();
  const page = await appWindow(app);
  expect((await appInfo(page)).ok).toBe(true);

  const other = new app.BrowserWindow({
    show: false,
    webPreferences: { preload: app.windows()[0]!.webPreferences.preload },
  });
  await other.loadURL('app://bundle/index.html');
  expect(await appInfo(other.webContents.page!)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN_SENDER' },
  });

  // The app window itself, made to show a remote page: its preload runs, its calls are refused.
  await app.windows()[0]!.webContents.loadURL(`${remote.origin}/elsewhere`);
  expect(await appInfo(page)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
});

test('permission requests are denied; the clipboard write of the app itself is the one exception', async ({
  launch,
}) => {
  const app = await launch();
  await appWindow(app);
  const contents = app.windows()[0]!.webContents;
  const appUrl = 'app://bundle/index.html';
  for (const permission of [
    'notifications',
    'geolocation',
    'media',
    'clipboard-read',
    'openExternal',
    'midi',
  ])
    expect(await app.session.requestPermission(contents, permission, appUrl), permission).toBe(false);
  expect(await app.session.requestPermission(contents, 'clipboard-sanitized-write', appUrl)).toBe(true);
  expect(await app.session.requestPermission(contents, 'clipboard-sanitized-write', remote.origin)).toBe(
    false,
  );
  expect(app.session.checkPermission(contents, 'geolocation', 'app://bundle')).toBe(false);
  expect(app.session.checkDevice('usb', 'app://bundle')).toBe(false);
});

test('the CSP arrives with every response of the protocol handler, and paths out of the bundle are 404', async ({
  launch,
}) => {
  const app = await launch();
  const page = await appWindow(app);
  const csp = await page.evaluate(async () =>
    (await fetch('/index.html')).headers.get('content-security-policy'),
  );
  expect(csp).toBe(CSP);
  expect(CSP).toContain("frame-ancestors 'none'");
  const statuses = await page.evaluate(async () =>
    Promise.all(
      ['/index.html', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json'].map(
        async (p) => (await fetch(p)).status,
      ),
    ),
  );
  expect(statuses).toEqual([200, 404, 404]);
  // Inline script is refused by the policy the handler sent.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    return window.__inline === true;
  });
  expect(ran).toBe(false);
});
