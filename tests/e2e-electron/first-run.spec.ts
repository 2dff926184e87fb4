// The shipped bundles start: the window opens on app://bundle through the protocol handler, the
// preload's bridge is there and Node is not, the demo PBX fills the directory and the tray.
import { test, expect, appWindow } from './fixtures.js';

test('first run opens app://bundle with the bridge and shows the demo directory', async ({ launch }) => {
  const app = await launch();
  const page = await appWindow(app);
  const win = app.windows()[0]!;
  await expect(page.getByRole('heading', { name: 'Connect to your VitalPBX' })).toBeVisible();
  expect(win.webContents.getURL()).toBe('app://bundle/index.html');
  expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe(
    'undefined',
  );
  expect(await page.evaluate(() => typeof (globalThis as unknown as { vpbx?: unknown }).vpbx)).toBe('object');
  await page.getByRole('button', { name: 'Try the demo PBX' }).click();
  await expect(page.getByRole('listbox', { name: 'Extensions' }).getByRole('option').first()).toBeVisible({
    timeout: 20_000,
  });
});
