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
  // The shortcut is set by pressing it; a press the policy refuses is explained and not saved.
  const shortcut = dialog.getByLabel('Shortcut to bring up the directory');
  await expect(shortcut).toHaveValue('CommandOrControl+Alt+D');
  await shortcut.focus();
  await app.keyboard.press('Control+KeyC');
  await expect(shortcut).toHaveValue('Ctrl+C');
  await expect(dialog.getByRole('alert')).toContainText('two modifiers');
  await expectAccessible(app, testInfo, 'settings-invalid-shortcut');
  await app.keyboard.press('Alt+F4');
  await expect(dialog.getByRole('alert')).toContainText('used by other applications');
  // Modifiers held show as pending; a function key alone is accepted.
  await app.keyboard.down('Control');
  await app.keyboard.down('Alt');
  await expect(shortcut).toHaveValue('Ctrl+Alt+…');
  await app.keyboard.up('Alt');
  await app.keyboard.up('Control');
  await app.keyboard.press('F9');
  await expect(shortcut).toHaveValue('F9');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await app.keyboard.press('Control+Shift+F2');
  await expect(shortcut).toHaveValue('Ctrl+Shift+F2');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // Tab still leaves the field: the keyboard is never trapped.
  await app.keyboard.press('Tab');
  await expect(shortcut).not.toBeFocused();
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
