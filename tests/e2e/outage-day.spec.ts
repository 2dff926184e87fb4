// An outage day, as an agent lives it with the app exactly as shipped: a PBX started on its own
// (a separate process on a fixed port) and saved through the connection form, then stopped and
// started again three times. Each time the window says "Offline" within seconds and keeps the
// saved directory, search, cached details and export working; and each time it is back online by
// itself, on the production retry schedule (first retry within 5 s), waited for in real time.
import type { Page } from '@playwright/test';
import {
  type DemoPbxProcess,
  freePort,
  startDemoPbxProcess,
  stopDemoPbxProcess,
} from '../support/demo-pbx-process.js';
import { test, expect, connect, rows } from './fixtures.js';

const EXTENSIONS = 500;
let pbx: DemoPbxProcess | null = null;

test.afterEach(async () => {
  if (pbx) await stopDemoPbxProcess(pbx.proc);
  pbx = null;
});

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' });
const statusOf = (page: Page) => statusBar(page).getByRole('status');
const search = (page: Page) => page.getByRole('combobox', { name: 'Search extensions' });

/** Everything that needs no PBX: the saved list, search, a cached detail, an export. */
async function worksOffline(page: Page): Promise<void> {
  await expect(page.getByText(/Showing saved data, synced/)).toBeVisible();
  await expect(page.getByText(`${EXTENSIONS} extensions`, { exact: true })).toBeVisible();

  const second = (await rows(page).nth(1).innerText()).split('\n');
  const name = second.find((line) => /\p{L}{3}/u.test(line)) ?? second[0]!;
  await search(page).fill(name);
  await expect(page.getByText(new RegExp(`^\\d+ of ${EXTENSIONS} extensions$`))).toBeVisible();
  await expect(rows(page).first()).toContainText(name);
  await search(page).fill('');

  await rows(page).first().click();
  const pane = page.getByRole('region').filter({ has: page.getByRole('button', { name: /Refresh/ }) });
  await pane.getByRole('button', { name: 'Refresh' }).click();
  await expect(pane.getByText(/showing the saved copy/)).toBeVisible();
  await expect(pane.getByRole('heading', { name: 'Devices' })).toBeVisible();

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: 'More actions' })
      .click()
      .then(() => page.getByRole('menuitem', { name: 'Export CSV' }).click()),
  ]);
  const text = await (await csv.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
  // Every extension is exported (the phonebook contacts shown with them follow).
  const numbers = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0]);
  expect(numbers.filter((n) => /^\d{3}$/.test(n ?? ''))).toHaveLength(EXTENSIONS);
}

test('three outages in a day: offline within seconds, still useful, back online by itself', async ({
  app,
  host,
}, testInfo) => {
  test.setTimeout(240_000);
  const port = await freePort();
  const args = ['--port', String(port), '--extensions', String(EXTENSIONS), '--tenants', '1', '--seed', '5'];
  pbx = await startDemoPbxProcess(args);
  await connect(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await expect(statusOf(app)).toHaveText('Online', { timeout: 20_000 });

  for (const outage of [1, 2, 3]) {
    await stopDemoPbxProcess(pbx.proc);
    pbx = null;
    const down = Date.now();
    let page = app;
    if (outage === 2) {
      // The middle outage starts with the app launched again while the PBX is down.
      await app.goto(await host.restart());
      page = app;
    } else {
      await page.getByRole('button', { name: 'Sync now' }).click();
    }
    await expect(statusOf(page)).toHaveText('Offline', { timeout: 15_000 });
    const offlineAfter = Date.now() - down;
    await expect(statusBar(page).getByRole('alert')).toContainText('PBX unreachable');
    await expect(statusBar(page).getByRole('alert')).toContainText('The app retries by itself.');
    await worksOffline(page);

    pbx = await startDemoPbxProcess(args);
    const up = Date.now();
    // No click: the app's own retries bring it back.
    await expect(statusOf(page)).toHaveText('Online', { timeout: 45_000 });
    await expect(page.getByText(/Showing saved data/)).toHaveCount(0);
    await expect(page.getByText(`${EXTENSIONS} extensions`, { exact: true })).toBeVisible();
    testInfo.annotations.push({
      type: `outage ${outage}`,
      description: `offline shown after ${offlineAfter} ms; online ${Date.now() - up} ms after the PBX returned`,
    });
  }
});
