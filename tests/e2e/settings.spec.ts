// Settings that outlive a restart: voicemail polling, the global shortcut (validated before it is
// saved) and start at login; and the profile's voicemail privacy switch.
import { test, expect, openDemo, expectAccessible } from './fixtures.js';

test('voicemail polling, shortcut and start at login are saved; a bad shortcut is explained', async ({
  app,
  host,
}, testInfo) => {
  await openDemo(app);
  await app.getByRole('button', { name: 'More actions' }).click();
  await app.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Check my voicemail').selectOption('300');
  const shortcut = dialog.getByLabel('Shortcut to bring up the directory');
  await expect(shortcut).toHaveValue('CommandOrControl+Alt+D');
  await shortcut.fill('Ctrl+');
  await shortcut.press('Tab');
  await expect(dialog.getByRole('alert')).toContainText('Not a shortcut');
  await expectAccessible(app, testInfo, 'settings-invalid-shortcut');
  // Keys other applications need are refused, with the reason.
  for (const taken of ['CommandOrControl+C', 'Alt+F4']) {
    await shortcut.fill(taken);
    await shortcut.press('Tab');
    await expect(dialog.getByRole('alert')).toContainText(/two modifiers|used by other applications/);
  }
  await shortcut.fill('Ctrl+Shift+F2');
  await shortcut.press('Tab');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByLabel(/Start at login/).check();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await app.goto(await host.restart());
  await app.getByRole('button', { name: 'More actions' }).click();
  await app.getByRole('menuitem', { name: 'Settings' }).click();
  const again = app.getByRole('dialog', { name: 'Settings' });
  await expect(again.getByLabel('Check my voicemail')).toHaveValue('300');
  await expect(again.getByLabel('Shortcut to bring up the directory')).toHaveValue('Ctrl+Shift+F2');
  await expect(again.getByLabel(/Start at login/)).toBeChecked();
});

test("the connection screen has the switch for other extensions' voicemail, off by default", async ({
  app,
}) => {
  await expect(app.getByLabel(/Show other extensions' voicemail/)).not.toBeChecked();
  await expect(app.getByLabel(/Show other extensions' voicemail/)).toBeVisible();
});
