// Launching with the PBX down shows the cached directory at once, marked stale, and recovers by
// itself when the PBX returns; and no device secret ever reaches the page. Also writes the
// documentation screenshot when UPDATE_SCREENSHOTS=1.
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import { test, expect, connect, rows, openDemo } from './fixtures.js';

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

test('no secret from the PBX appears in the page', async ({ app }) => {
  const marker = 'SECRET-MARKER-7f3a9c';
  pbx = await startDemoPbx({ extensions: 25, secretMarker: marker });
  await connect(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  for (let i = 0; i < 4; i++) {
    await rows(app).nth(i).click();
    await app.getByRole('button', { name: 'Refresh' }).click();
    await expect(app.getByText('Up to date from the PBX.')).toBeVisible();
  }
  await app.getByRole('button', { name: 'More actions' }).click();
  await app.getByRole('menuitem', { name: 'Export CSV' }).click();
  expect(await app.content()).not.toContain(marker);
  expect(await app.content()).not.toContain(pbx.appKey);
});

test('offline launch shows the cached directory, marked stale, and recovers when the PBX returns', async ({
  app,
  host,
}) => {
  pbx = await startDemoPbx({ extensions: 40 });
  const port = Number(new URL(pbx.origin).port);
  await connect(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await expect(app.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  const firstRow = await rows(app).first().innerText();

  await pbx.close();
  pbx = null;
  await app.goto(await host.restart());
  await expect(rows(app).first()).toContainText(firstRow.split('\n')[0]!);
  await expect(app.getByText('40 extensions', { exact: true })).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: /Offline|Error/ })).toBeVisible({ timeout: 15_000 });
  await expect(app.getByText(/Showing saved data, synced/)).toBeVisible();
  await expect(app.getByRole('alert')).toContainText('PBX unreachable');

  pbx = await startDemoPbx({ extensions: 40, port });
  await expect(app.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 20_000 });
  await expect(app.getByText(/Showing saved data/)).toHaveCount(0);
});

test('documentation screenshot of the directory (UPDATE_SCREENSHOTS=1)', async ({ app }) => {
  await openDemo(app);
  await app.emulateMedia({ colorScheme: 'light' });
  await rows(app).nth(1).click();
  await app.getByRole('button', { name: 'Refresh' }).click();
  await expect(app.getByText('Up to date from the PBX.')).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 15_000 });
  await app.getByRole('combobox', { name: 'Search extensions' }).focus();
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await app.screenshot({ path: 'docs/screenshot-directory.png' });
  } else {
    console.log('docs/screenshot-directory.png not written: set UPDATE_SCREENSHOTS=1 to refresh it');
  }
  await expect(rows(app).first()).toBeVisible();
});
