// Getting out of every connection dead end from the window: a certificate changed or never trusted,
// a keychain that cannot store the key, a form that does not say what it needs, a slow test.
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import { test, expect, fillConnection, rows as allRows, shoot } from './fixtures.js';
import type { Page } from '@playwright/test';

/** The extension rows (the demo PBX's phonebook contacts are listed after them). */
const rows = (page: Page) => allRows(page).filter({ hasNotText: 'Contact' });

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

test('a changed certificate can be replaced from the directory once confirmed, keeping the data', async ({
  app,
}, testInfo) => {
  pbx = await startDemoPbx({ extensions: 9, https: true });
  const port = Number(new URL(pbx.origin).port);
  const key = pbx.appKey;
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key });
  await app.getByRole('button', { name: 'Test connection' }).click();
  await app.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(app.getByText(/Connected: 9 extensions/)).toBeVisible();
  await app.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(app)).toHaveCount(9);
  await pbx.close();
  pbx = await startDemoPbx({ extensions: 9, https: true, port });
  await app.getByRole('button', { name: 'Sync now' }).click();
  const region = app.getByRole('region', { name: 'Connection problem' });
  await expect(region).toContainText('certificate has changed');
  await expect(rows(app)).toHaveCount(9); // the saved directory stays
  await region.getByRole('button', { name: 'Review certificate…' }).click();
  const dialog = app.getByRole('alertdialog', { name: 'The certificate has changed' });
  await expect(dialog.getByTestId('presented-fingerprint')).toHaveText(pbx.tls!.fingerprint256);
  await shoot(app, testInfo, 'certificate-changed');
  const replace = dialog.getByRole('button', { name: 'Replace the trusted certificate' });
  await dialog.getByRole('checkbox').check();
  await expect(replace).toBeDisabled(); // the stored key is bound to the old certificate
  await dialog.getByLabel('App key').fill(key);
  await replace.click();
  await expect(app.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 15_000 });
  await expect(region).toHaveCount(0);
  await expect(rows(app)).toHaveCount(9);
});

test('a self-signed PBX saved without a test can be trusted from the empty directory', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 6, https: true });
  // Typed without a scheme, as the README allows: it means https.
  await fillConnection(app, { url: pbx.origin.replace('https://', ''), tenant: pbx.tenant, key: pbx.appKey });
  await app.getByRole('button', { name: 'Save and connect' }).click();
  const region = app.getByRole('region', { name: 'Connection problem' });
  await expect(region).toContainText('not trusted');
  await region.getByRole('button', { name: 'Review certificate…' }).click();
  const dialog = app.getByRole('alertdialog', { name: 'Trust this certificate?' });
  await expect(dialog.getByTestId('cert-fingerprint')).toHaveText(pbx.tls!.fingerprint256);
  await dialog.getByLabel('App key').fill(pbx.appKey);
  await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(rows(app)).toHaveCount(6, { timeout: 15_000 });
});

test('the form says what it still needs, and a slow test can be stopped', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 5, faults: { latencyMs: 60_000, paths: ['/extensions'] } });
  const needs = app.getByTestId('form-needs');
  await expect(needs).toContainText('a PBX address');
  await expect(needs).toContainText('the tenant');
  await expect(needs).toContainText('the app key');
  await expect(app.getByRole('button', { name: 'Test connection' })).toBeDisabled();
  await app.getByLabel('Tenant').fill(pbx.tenant);
  await expect(app.getByLabel('Tenant')).not.toHaveAttribute('placeholder', /blank/);
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await expect(needs).toHaveCount(0);
  await app.getByRole('button', { name: 'Test connection' }).click();
  await expect(app.getByText('Testing the connection…')).toBeVisible();
  await app.getByRole('button', { name: 'Stop test' }).click();
  await expect(app.getByRole('alert')).toContainText('Cancelled', { timeout: 3_000 });
  await expect(app.getByRole('button', { name: 'Test connection' })).toBeEnabled();
});

test.describe('without a working keychain', () => {
  // A desktop session with no Secret Service: keytar cannot reach a keyring at all.
  test.use({ hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' } });

  test('Save creates nothing until the user keeps the key for this session only', async ({ app, host }) => {
    pbx = await startDemoPbx({ extensions: 7 });
    await fillConnection(app, {
      url: pbx.origin,
      tenant: pbx.tenant,
      key: pbx.appKey,
      label: 'Dup test',
      allowHttp: true,
    });
    const save = app.getByRole('button', { name: 'Save and connect' });
    await save.click();
    const alert = app.getByRole('alert');
    await expect(alert).toContainText('Keychain unavailable');
    await expect(alert).not.toContainText('cached directory');
    await save.click();
    await expect(alert).toContainText('Keychain unavailable');
    await alert.getByRole('button', { name: 'Keep the key for this session only' }).click();
    await expect(rows(app)).toHaveCount(7, { timeout: 15_000 });
    await expect(app.getByText('Key kept for this session only')).toBeVisible();
    await app.reload();
    await expect(rows(app)).toHaveCount(7);
    await expect(app.getByLabel('PBX profile').locator('option', { hasText: 'Dup test' })).toHaveCount(1);

    // The next start has no key: the saved directory opens and the app asks for the key again.
    await host.restart();
    await app.goto(host.url);
    await expect(rows(app)).toHaveCount(7);
    const region = app.getByRole('region', { name: 'Connection problem' });
    await expect(region.getByRole('button', { name: 'Enter the app key…' })).toBeVisible({ timeout: 15_000 });
  });
});
