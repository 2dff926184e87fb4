// The trial's PBX troubles as the window words them, served by the demo PBX's faults to the app
// as shipped: HTML 200/403/500 pages, a reset mid-answer, an address with the wrong path, and a
// directory dripping in slowly with its progress shown in bytes and percent.
import type { Page } from '@playwright/test';
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import { test, expect, connect, fillConnection } from './fixtures.js';

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' });

async function connected(page: Page, opts: Parameters<typeof startDemoPbx>[0] = {}): Promise<DemoPbx> {
  pbx = await startDemoPbx({ extensions: 30, tenants: 1, ...opts });
  await connect(page, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await expect(statusBar(page).getByRole('status')).toHaveText('Online');
  return pbx;
}

/** Sync now against the fault; the status bar names it, and the saved directory stays. */
async function syncSays(page: Page, status: string, title: string, text: RegExp): Promise<void> {
  await statusBar(page).getByRole('button', { name: 'Sync now' }).click();
  await expect(statusBar(page).getByRole('status')).toHaveText(status, { timeout: 15_000 });
  await expect(statusBar(page).getByRole('alert')).toContainText(title);
  await expect(statusBar(page).getByRole('alert')).toContainText(text);
  await expect(page.getByText('30 extensions', { exact: true })).toBeVisible();
}

test('a wrong key behind an HTML 403 page: the key may be wrong or not allowed', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 5, tenants: 1, badKeyMode: 'html403' });
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: 'not-the-key', allowHttp: true });
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByRole('alert')).toContainText('Key refused');
  await expect(app.getByRole('alert')).toContainText('the app key may be wrong, or not allowed');
});

test('a wrong path: not the VitalPBX API, with the URL that was tried', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 5, tenants: 1 });
  const wrong = `${pbx.origin}/vitalpbx`;
  await fillConnection(app, { url: wrong, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByRole('alert')).toContainText('Not the VitalPBX API');
  await expect(app.getByRole('alert')).toContainText(`${wrong}/api/v2/extensions`);
  await expect(app.getByRole('alert')).not.toContainText('item any more');
});

test('HTML 200 and 500 pages and a reset mid-answer are named, and the directory stays', async ({ app }) => {
  const p = await connected(app);
  p.setFaults({ kind: 'html200', paths: ['/extensions'] });
  await syncSays(app, 'Error', 'Not a VitalPBX API', /cannot read/);
  p.setFaults({ kind: 'error500-html', paths: ['/extensions'] });
  await syncSays(app, 'Error', 'PBX error', /The PBX reported an error/);
  p.setFaults({ kind: 'reset', paths: ['/extensions'] });
  await syncSays(app, 'Offline', 'Connection dropped', /dropped while its answer was arriving/);
  await expect(statusBar(app).getByRole('alert')).not.toContainText('VitalPBX API');
  p.setFaults(null);
  // The retries of the production schedule bring it back.
  await expect(statusBar(app).getByRole('status')).toHaveText('Online', { timeout: 45_000 });
});

test('a slow directory shows its progress in bytes and percent, then finishes', async ({ app }) => {
  const p = await connected(app, { extensions: 2_000 });
  // ~2.6 MB at ~320 KB/s, its size declared as a buffering proxy does.
  p.setFaults({ drip: { bytes: 32 * 1024, intervalMs: 100 }, contentLength: true, paths: ['/extensions'] });
  await statusBar(app).getByRole('button', { name: 'Sync now' }).click();
  await expect(statusBar(app)).toContainText(/Downloading \d+\.\d MB of 2\.\d MB \(\d+ %\)…/);
  await expect(statusBar(app).getByRole('progressbar', { name: 'Sync progress' })).toHaveAttribute('max');
  await expect(statusBar(app).getByRole('status')).toHaveText('Online', { timeout: 45_000 });
  await expect(app.getByText(/^2,?000 extensions$/)).toBeVisible();
});
