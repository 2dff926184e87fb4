// The renderer's screens over the real preload and IPC wiring: voicemail playback and "save as"
// (the native dialog), a second PBX profile, and an offline launch from the saved directory.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import { test, expect, appWindow } from './fixtures.js';
import { openDemo, rows } from './helpers.js';

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

test('voicemail: the badge, playback through the bridge, and save as through the native dialog', async ({
  launch,
}) => {
  const app = await launch();
  const page = await appWindow(app);
  await openDemo(page);
  await expect(page.getByRole('button', { name: 'My voicemail (6)' })).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => app.trays[0]?.menu?.getMenuItemById('voicemail')?.label).toBe('My voicemail (6)');
  await expect.poll(() => app.trays[0]?.image.path).toMatch(/tray-unread-24\.png$/);

  // The tray's "My voicemail" opens the panel, as the shell's focus event.
  app.trays[0]!.clickMenuItem('voicemail');
  const vm = page.getByRole('region', { name: 'My voicemail' });
  await expect(vm.getByText(/^Mailbox/)).toBeVisible({ timeout: 15_000 });
  await vm.getByRole('button', { name: /^Noah Taylor,/ }).click();
  const player = vm.getByRole('group', { name: 'Voicemail player' });
  await player.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player.getByRole('status').first()).toHaveText(/Playing/);
  await expect
    .poll(async () => Number(await player.getByRole('slider', { name: 'Position' }).inputValue()), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0.3);
  await player.getByRole('button', { name: 'Pause' }).click();

  const dir = await mkdtemp(join(tmpdir(), 'vpbx-save-'));
  try {
    app.dialog.answers.push({ canceled: false, filePath: join(dir, 'message.wav') });
    await player.getByRole('button', { name: 'Save as…' }).click();
    await expect.poll(() => app.dialog.calls.length).toBe(1);
    await expect
      .poll(async () =>
        (await readFile(join(dir, 'message.wav')).catch(() => Buffer.alloc(0))).subarray(0, 4).toString(),
      )
      .toBe('RIFF');
    // Cancelling the dialog writes nothing and is not an error.
    await player.getByRole('button', { name: 'Save as…' }).click();
    await expect.poll(() => app.dialog.calls.length).toBe(2);
    await expect(vm.getByRole('alert')).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a second PBX profile is added and used; switching back shows the demo again', async ({ launch }) => {
  const app = await launch();
  const page = await appWindow(app);
  await openDemo(page);
  pbx = await startDemoPbx({ extensions: 12, tenants: 1 });
  await page.getByLabel('PBX profile').selectOption({ label: 'Add a PBX…' });
  await page.getByLabel('PBX address').fill(pbx.origin);
  await page.getByLabel('Tenant').fill(pbx.tenant);
  await page.getByLabel('App key').fill(pbx.appKey);
  await page.getByLabel(/Allow plain HTTP/).check();
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.getByText('12 extensions').first()).toBeVisible({ timeout: 15_000 });
  const switcher = page.getByLabel('PBX profile');
  const demo = await switcher.locator('option', { hasText: 'Demo PBX' }).getAttribute('value');
  await switcher.selectOption(demo ?? '');
  await expect(page.getByText('500 extensions').first()).toBeVisible({ timeout: 15_000 });
});

test('offline launch shows the saved directory, marked stale, and recovers when the PBX returns', async ({
  launch,
}) => {
  pbx = await startDemoPbx({ extensions: 40 });
  const port = Number(new URL(pbx.origin).port);
  const first = await launch();
  const page = await appWindow(first);
  await page.getByLabel('PBX address').fill(pbx.origin);
  await page.getByLabel('Tenant').fill(pbx.tenant);
  await page.getByLabel('App key').fill(pbx.appKey);
  await page.getByLabel(/Allow plain HTTP/).check();
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(page).first()).toBeVisible({ timeout: 20_000 });
  expect(await first.close()).toBe(0);
  await pbx.close();
  pbx = null;

  const again = await launch();
  const next = await appWindow(again);
  await expect(next.getByText('40 extensions', { exact: true })).toBeVisible();
  await expect(next.getByText(/Showing saved data, synced/)).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => again.trays[0]?.image.path, { timeout: 15_000 }).toMatch(/tray-offline-24\.png$/);
  pbx = await startDemoPbx({ extensions: 40, port });
  await next.getByRole('button', { name: 'Sync now' }).click();
  await expect(next.getByText(/Showing saved data/)).toHaveCount(0, { timeout: 20_000 });
});
