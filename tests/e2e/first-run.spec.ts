// First run: the connection screen, the demo PBX, and the directory it opens.
import { test, expect, openDemo, expectAccessible, shoot } from './fixtures.js';

test('first run shows the connection screen, and the demo PBX opens the directory', async ({
  app,
}, testInfo) => {
  await expect(app.getByRole('heading', { name: 'Connect to your VitalPBX' })).toBeVisible();
  for (const label of ['PBX address', 'Tenant', 'App key', 'My extension', /Allow plain HTTP/]) {
    await expect(app.getByLabel(label)).toBeVisible();
  }
  await expectAccessible(app, testInfo, 'connection');
  await shoot(app, testInfo, 'connection');

  await openDemo(app);
  await expect(app.getByText(/\d+ extensions/).first()).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Online' })).toBeVisible({ timeout: 15_000 });
  await expect(app.getByText(/synced just now/)).toBeVisible();
  await expectAccessible(app, testInfo, 'directory');
  await shoot(app, testInfo, 'directory');
});
