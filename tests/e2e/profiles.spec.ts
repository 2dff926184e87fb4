// Several PBX profiles: add a second one, switch, and remove one (with confirmation), ending on
// the profile that is left.
import { test, expect, openDemo, fillConnection, expectAccessible } from './fixtures.js';
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

test('a second PBX can be added, and a profile removed after confirming', async ({ app }, testInfo) => {
  await openDemo(app);
  pbx = await startDemoPbx({ extensions: 12, tenants: 1 });
  await app.getByLabel('PBX profile').selectOption({ label: 'Add a PBX…' });
  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await app.getByRole('button', { name: 'Save and connect' }).click();
  await expect(app.getByText('12 extensions').first()).toBeVisible({ timeout: 15_000 });

  await app.getByRole('button', { name: 'Edit' }).click();
  await app.getByRole('button', { name: 'Remove this PBX…' }).click();
  const confirm = app.getByRole('alertdialog');
  await expect(confirm).toContainText('stored app key are deleted');
  await expectAccessible(app, testInfo, 'remove-profile');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await app.getByRole('button', { name: 'Remove this PBX…' }).click();
  await app.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();

  const switcher = app.getByLabel('PBX profile');
  await expect(switcher).toBeVisible();
  await expect(switcher.locator('option')).toHaveText([/Demo PBX/, 'Add a PBX…']);
});
