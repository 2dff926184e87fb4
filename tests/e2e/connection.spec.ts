// The connection form against demo PBXs started by the test: each failure is named in plain
// words, a self-signed certificate can be trusted, a changed one is a hard stop.
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import type { Page } from '@playwright/test';
import { test, expect, fillConnection, rows, expectAccessible, shoot } from './fixtures.js';

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

async function testConnection(page: Page) {
  await page.getByRole('button', { name: 'Test connection' }).click();
}

test('a wrong app key is named as such', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 20 });
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: 'not-the-key', allowHttp: true });
  await testConnection(app);
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('App key rejected');
  await expect(alert).toContainText('The PBX rejected the app key');
});

test('a tenant with no extensions is named as such', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 20 });
  await fillConnection(app, { url: pbx.origin, tenant: 'no-such-tenant', key: pbx.appKey, allowHttp: true });
  await testConnection(app);
  await expect(app.getByRole('alert')).toContainText('No extensions for this tenant');
  await expect(app.getByRole('alert')).toContainText('Check the tenant name or id');
});

test('an unreachable PBX is named as such, and plain HTTP needs consent', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 5 });
  const origin = pbx.origin;
  await pbx.close();
  pbx = null;
  await fillConnection(app, { url: origin, tenant: '1', key: 'k' });
  await testConnection(app);
  await expect(app.getByRole('alert')).toContainText('Plain HTTP not allowed');
  await app.getByLabel(/Allow plain HTTP/).check();
  await testConnection(app);
  await expect(app.getByRole('alert')).toContainText('PBX unreachable');
  await expect(app.getByRole('alert')).toContainText('could not be reached');
});

test('a good connection tests green and saves into the directory', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 30 });
  await fillConnection(app, {
    url: pbx.origin,
    tenant: pbx.tenant,
    key: pbx.appKey,
    allowHttp: true,
    label: 'Office',
  });
  await testConnection(app);
  await expect(app.getByText(/Connected: 30 extensions/)).toBeVisible();
  await app.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(app)).not.toHaveCount(0);
  await expect(app.getByText('30 extensions', { exact: true })).toBeVisible();
  // The stored key is never shown back.
  await app.getByRole('button', { name: 'Edit' }).click();
  await expect(app.getByText('A key is stored — enter a new one to replace it.')).toBeVisible();
  await expect(app.getByLabel('App key')).toHaveValue('');
  expect(await app.content()).not.toContain(pbx.appKey);
});

test('a self-signed certificate can be trusted after comparing its fingerprint', async ({
  app,
}, testInfo) => {
  pbx = await startDemoPbx({ extensions: 12, https: true });
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey });
  await testConnection(app);
  const dialog = app.getByRole('alertdialog', { name: 'Trust this certificate?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(pbx.tls!.fingerprint256);
  await expect(dialog).toContainText('Subject');
  await expect(dialog).toContainText('Valid');
  await expectAccessible(app, testInfo, 'trust-dialog');
  await shoot(app, testInfo, 'trust-dialog');
  await dialog.getByRole('button', { name: 'Trust this certificate' }).click();
  await expect(app.getByText(/Connected: 12 extensions/)).toBeVisible();
  await app.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(app).first()).toBeVisible();
});

test('a changed certificate is a hard stop that only a confirmed replacement gets past', async ({ app }) => {
  pbx = await startDemoPbx({ extensions: 8, https: true });
  const port = Number(new URL(pbx.origin).port);
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey });
  await testConnection(app);
  const first = pbx.tls!.fingerprint256;
  await app.getByRole('button', { name: 'Trust this certificate' }).click();
  await app.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(app).first()).toBeVisible();
  const key = pbx.appKey;
  await pbx.close();
  pbx = await startDemoPbx({ extensions: 8, https: true, port });
  const second = pbx.tls!.fingerprint256;
  expect(second).not.toBe(first);
  await app.getByRole('button', { name: 'Edit' }).click();
  await app.getByLabel('App key').fill(key);
  await testConnection(app);
  const dialog = app.getByRole('alertdialog', { name: 'The certificate has changed' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('expected-fingerprint')).toHaveText(first);
  await expect(dialog.getByTestId('presented-fingerprint')).toHaveText(second);
  // Not one click: the replacement stays disabled until the administrator's confirmation is ticked.
  const replace = dialog.getByRole('button', { name: 'Replace the trusted certificate' });
  await expect(replace).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('alert')).toContainText('Certificate changed');
});
