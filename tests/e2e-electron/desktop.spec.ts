// The desktop shell of the shipped main.cjs through the stand-in: the tray and its menu, close to
// tray, start at login (hidden), the global shortcut, a second launch with a tel: link, and a
// desktop without a tray.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, appWindow } from './fixtures.js';
import { firstNumber, openDemo } from './helpers.js';

const SHORTCUT = 'CommandOrControl+Alt+D';

test('tray, close to tray, start at login from the tray menu, and Quit', async ({
  launch,
  configHome,
  dataDir,
}) => {
  const app = await launch();
  const page = await appWindow(app);
  const win = app.windows()[0]!;
  expect(win.isVisible()).toBe(true);
  await openDemo(page);
  const tray = app.trays[0]!;
  expect(tray.image.isEmpty(), `tray icon ${tray.image.path}`).toBe(false);
  await expect.poll(() => tray.tooltip, { timeout: 15_000 }).toMatch(/online, synced just now/);

  // Closing hides to the tray, and says so once.
  win.close();
  expect(win.isDestroyed()).toBe(false);
  expect(win.isVisible()).toBe(false);
  expect(app.notifications.map((n) => n.options.title)).toEqual(['VitalPBX Directory is still running']);
  tray.click();
  expect(win.isVisible() && win.isFocused()).toBe(true);
  tray.click();
  expect(win.isVisible()).toBe(false);
  win.show();
  win.close();
  expect(app.notifications).toHaveLength(1);
  tray.clickMenuItem('open');
  expect(win.isVisible()).toBe(true);
  tray.clickMenuItem('sync');

  // Start at login: the XDG autostart entry starts the app hidden.
  const entry = join(configHome, 'autostart', 'vitalpbx-directory.desktop');
  tray.clickMenuItem('login');
  await expect.poll(() => existsSync(entry)).toBe(true);
  expect(readFileSync(entry, 'utf8')).toMatch(/^Exec=".*" --hidden$/m);
  await expect.poll(() => tray.menu?.getMenuItemById('login')?.checked).toBe(true);
  tray.clickMenuItem('login');
  await expect.poll(() => existsSync(entry)).toBe(false);

  tray.clickMenuItem('quit');
  expect(await app.app.exited).toBe(0);
  expect(tray.isDestroyed()).toBe(true);
  expect(app.globalShortcut.registered.size).toBe(0);
  expect(JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8'))).toMatchObject({
    trayHintShown: true,
  });
});

test('started at login (--hidden) it stays in the tray until opened', async ({ launch }) => {
  const app = await launch({ args: ['--hidden'] });
  const page = await appWindow(app);
  await expect(page.getByRole('heading', { name: 'Connect to your VitalPBX' })).toBeAttached();
  const win = app.windows()[0]!;
  expect(win.isVisible()).toBe(false);
  app.trays[0]!.clickMenuItem('open');
  expect(win.isVisible()).toBe(true);
});

test('the global shortcut brings the directory up with the search focused; settings change it', async ({
  launch,
}) => {
  const app = await launch();
  const page = await appWindow(app);
  await openDemo(page);
  const win = app.windows()[0]!;
  expect([...app.globalShortcut.registered.keys()]).toEqual([SHORTCUT]);
  win.hide();
  await page.getByRole('button', { name: 'More actions' }).focus();
  app.globalShortcut.fire(SHORTCUT);
  expect(win.isVisible()).toBe(true);
  await expect(page.getByRole('combobox', { name: 'Search extensions' })).toBeFocused();

  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  // Set by pressing the keys in the field.
  await dialog.getByLabel('Shortcut to bring up the directory').press('Control+Shift+F2');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => [...app.globalShortcut.registered.keys()]).toEqual(['Ctrl+Shift+F2']);
});

test('a second launch with a tel: link hands it to the running app, which searches for it', async ({
  launch,
}) => {
  const first = await launch();
  const page = await appWindow(first);
  await openDemo(page);
  const number = await firstNumber(page);
  first.windows()[0]!.hide();

  const second = await launch({ args: [`tel:${number}`] });
  expect(await second.app.exited).toBe(0);
  expect(second.windows()).toHaveLength(0);
  const win = first.windows()[0]!;
  await expect.poll(() => win.isVisible()).toBe(true);
  await expect(page.getByRole('combobox', { name: 'Search extensions' })).toHaveValue(number);
  await expect(page.getByRole('combobox', { name: 'Search extensions' })).toBeFocused();
});

test('a first launch with a tel: link opens the app searching for that number', async ({ launch }) => {
  // The demo profile must exist first: a launch without a profile shows the connection screen.
  const setup = await launch();
  const first = await appWindow(setup);
  await openDemo(first);
  const number = await firstNumber(first);
  expect(await setup.close()).toBe(0);

  const app = await launch({ args: [`tel:${number}`] });
  const page = await appWindow(app);
  const search = page.getByRole('combobox', { name: 'Search extensions' });
  await expect(search).toHaveValue(number, { timeout: 20_000 });
  await expect(search).toBeFocused();
});

test('without a tray (--no-tray) closing the window quits the app', async ({ launch }) => {
  const app = await launch({ args: ['--no-tray'] });
  await appWindow(app);
  expect(app.trays).toHaveLength(0);
  app.windows()[0]!.close();
  expect(await app.app.exited).toBe(0);
});
