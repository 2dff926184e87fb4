// The directory at the smallest supported window (900×600) and a common one (1280×800), light and
// dark: nothing is clipped or wraps, the name column is the widest, secondary actions live in an
// accessible menu, and a long status-bar error can be read whole. Screenshots are attached.
import type { Page, TestInfo } from '@playwright/test';
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import { test, expect, openDemo, rows, connect, expectAccessible } from './fixtures.js';
import { overflowProblems } from './overflow.js';

const SIZES = [
  { width: 900, height: 600 },
  { width: 1280, height: 800 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

// Each test walks several screens on a 2-core machine shared with the rest of the suite.
test.describe.configure({ timeout: 90_000 });

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

/** Widths of the columns of the first rendered row. */
async function columns(
  page: Page,
): Promise<{ name: number; queues: number; devices: number; number: number }> {
  return rows(page)
    .first()
    .evaluate((row) => {
      const w = (sel: string) => {
        const el = row.querySelector<typeof row>(sel);
        return el && el.offsetParent !== null ? el.getBoundingClientRect().width : 0;
      };
      return { name: w('.main'), queues: w('.queues'), devices: w('.devices'), number: w('.number') };
    });
}

async function expectNameWins(page: Page, where: string): Promise<void> {
  const c = await columns(page);
  expect(c.name, `name column vs queues (${where}): ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(c.queues);
  expect(c.name, `name column vs devices (${where}): ${JSON.stringify(c)}`).toBeGreaterThanOrEqual(c.devices);
  expect(c.name, `name column width (${where})`).toBeGreaterThanOrEqual(180);
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const size of SIZES) {
  for (const scheme of SCHEMES) {
    test(`at ${size.width}×${size.height}, ${scheme}: nothing is clipped and names get the room`, async ({
      app,
    }, testInfo) => {
      await app.setViewportSize(size);
      await app.emulateMedia({ colorScheme: scheme });
      await openDemo(app);
      const tag = `${size.width}x${size.height}`;
      const more = app.getByRole('button', { name: 'More actions' });
      expect(await overflowProblems(app), `list, ${scheme}`).toEqual([]);
      await expectNameWins(app, `full list, ${scheme}`);
      await shot(app, testInfo, `list-${tag}-${scheme}`);

      // The menu opens inside the window, with every secondary action.
      await more.click();
      const menu = app.getByRole('menu', { name: 'More actions' });
      await expect(menu).toBeVisible();
      for (const item of ['Export CSV', 'Export vCard', 'Settings', 'Keyboard shortcuts'])
        await expect(menu.getByRole('menuitem', { name: item })).toBeVisible();
      const box = (await menu.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      await shot(app, testInfo, `menu-${tag}-${scheme}`);
      await app.keyboard.press('Escape');
      await expect(menu).toBeHidden();

      // With the detail pane open the list is narrowest; names still come first.
      await rows(app).nth(1).click();
      await expect(app.getByRole('button', { name: 'Close details' })).toBeVisible();
      expect(await overflowProblems(app), `detail, ${scheme}`).toEqual([]);
      await expectNameWins(app, `with details, ${scheme}`);
      await shot(app, testInfo, `detail-${tag}-${scheme}`);
      await app.getByRole('button', { name: 'Close details' }).click();

      // The shortcuts help fits the window (it scrolls inside itself if it must).
      await app.keyboard.press('?');
      const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
      const hb = (await help.boundingBox())!;
      expect(hb.y).toBeGreaterThanOrEqual(0);
      expect(hb.y + hb.height).toBeLessThanOrEqual(size.height);
      await shot(app, testInfo, `help-${tag}-${scheme}`);
      await app.keyboard.press('Escape');
      await expect(help).toBeHidden();
      await expectAccessible(app, testInfo, `layout-${tag}-${scheme}`);
    });
  }
}

test('the menu button is a keyboard menu: arrows move, Esc closes and returns focus', async ({
  app,
}, testInfo) => {
  await app.setViewportSize({ width: 900, height: 600 });
  await openDemo(app);
  const more = app.getByRole('button', { name: 'More actions' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.focus();
  await app.keyboard.press('Enter');
  const menu = app.getByRole('menu', { name: 'More actions' });
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await app.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await app.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await expectAccessible(app, testInfo, 'menu-open');
  // Esc closes only the menu: the search and the list behind it are untouched.
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // ArrowUp on the button opens it on the last item; Enter on an item runs it.
  await app.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await expect(items.last()).toHaveText(/Keyboard shortcuts/);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(menu).toBeHidden();
});

test('a long status-bar error can be read whole, with its code, from the keyboard', async ({
  app,
}, testInfo) => {
  await app.setViewportSize({ width: 900, height: 600 });
  pbx = await startDemoPbx({ extensions: 30 });
  await connect(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await pbx.close();
  pbx = null;
  await app.getByRole('button', { name: 'Sync now' }).click();
  const status = app.getByRole('contentinfo', { name: 'Sync status' });
  await expect(status.getByRole('alert')).toContainText('PBX unreachable', { timeout: 20_000 });

  const toggle = status.getByRole('button', { name: /error details/i });
  await toggle.focus();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await app.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const details = app.getByRole('dialog', { name: /PBX unreachable/ });
  await expect(details).toBeVisible();
  await expect(details).toContainText(
    'The PBX could not be reached. Check the address and your network, then try again.',
  );
  await expect(details).toContainText('PBX_UNREACHABLE');
  // The whole message is on screen, not cut: every line of it lies inside the window.
  const box = (await details.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(900);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  expect(await details.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await overflowProblems(app)).toEqual([]);
  for (const scheme of SCHEMES) {
    await app.emulateMedia({ colorScheme: scheme });
    await shot(app, testInfo, `status-error-900x600-${scheme}`);
  }
  await expectAccessible(app, testInfo, 'status-error');

  // A retry runs while the details are open (the PBX is still down): they stay open, focus stays.
  await expect(status.getByRole('status')).toHaveText(/Syncing/, { timeout: 30_000 });
  await expect(status.getByRole('status')).toHaveText(/Offline/, { timeout: 30_000 });
  await expect(details).toBeVisible();
  await expect(toggle).toBeFocused();

  // Esc closes the details (and nothing else: the search keeps its text), focus goes back; after a
  // search was typed, Enter on the button opens them again.
  await app.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(toggle).toBeFocused();
  await app.getByRole('combobox', { name: 'Search extensions' }).fill('a');
  await toggle.focus();
  await app.keyboard.press('Enter');
  await expect(details).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(app.getByRole('combobox', { name: 'Search extensions' })).toHaveValue('a');
});
