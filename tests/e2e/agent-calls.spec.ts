// Calling through the PBX from the details pane, voicemail and Recent calls, on the demo PBX: the
// profile's call mode decides what Call does, the outcome is shown, missed calls are counted,
// and a colleague's details open from a recent call.
import type { Page } from '@playwright/test';
import { test, expect, openDemo, rows } from './fixtures.js';

async function callThroughPbx(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'More actions' }).click();
  await app.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Call button (this profile)').selectOption('pbx');
  await dialog.getByRole('button', { name: 'Done' }).click();
}

test('calls a colleague through the PBX from the details pane', async ({ app }) => {
  await openDemo(app);
  await callThroughPbx(app);
  await rows(app).nth(2).click();
  await app.getByRole('button', { name: 'Call through the PBX' }).click();
  await expect(
    app.getByRole('status').filter({ hasText: 'The PBX accepted the call: your phone' }),
  ).toBeVisible();
});

test('the softphone mode still hands a call link to the softphone', async ({ app }) => {
  await openDemo(app);
  await rows(app).first().click();
  await app.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(app.getByRole('link', { name: /^tel:/ })).toBeVisible();
});

test('recent calls: missed calls counted, call back through the PBX, details of a colleague', async ({
  app,
}) => {
  await openDemo(app);
  await callThroughPbx(app);
  await app.getByRole('button', { name: /^Recent/ }).click();
  const panel = app.getByRole('region', { name: 'Recent calls' });
  await expect(panel.getByText(/\d+ calls, \d+ missed/)).toBeVisible({ timeout: 15_000 });
  const list = panel.getByRole('list', { name: 'Recent calls list' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const missed = await list.getByRole('listitem', { name: /^Missed call/ }).count();
  await expect(panel.getByText(`${missed} missed`)).toBeVisible();
  await list
    .getByRole('button', { name: /^Call back/ })
    .first()
    .click();
  await expect(panel.getByText(/^The PBX accepted the call/)).toBeVisible();
  const details = list.getByRole('button', { name: 'Details' }).first();
  await details.click();
  await expect(app.getByRole('heading', { level: 2, name: /^\d+ / })).toBeVisible();
});

test('voicemail: Call back a caller through the PBX, or with the softphone link', async ({ app }) => {
  await openDemo(app);
  await app.getByRole('listbox', { name: 'Extensions' }).focus();
  await app.keyboard.press('v');
  const vm = app.getByRole('region', { name: 'My voicemail' });
  await expect(vm.getByText(/^Mailbox/)).toBeVisible({ timeout: 15_000 });
  const first = vm.getByRole('button', { name: /^Noah Taylor,/ });
  const number = /^Noah Taylor, ([^,]+),/.exec((await first.getAttribute('aria-label')) ?? '')?.[1];
  expect(number).toMatch(/\d/);
  await first.click();
  const player = vm.getByRole('group', { name: 'Voicemail player' });

  // The profile's call mode holds here too: the softphone link first (the default)...
  await player.getByRole('button', { name: 'Call back Noah Taylor' }).click();
  await expect(player.getByRole('link', { name: `tel:${number!.replace(/[\s()-]/g, '')}` })).toBeVisible();

  // ...then through the PBX, which rings my phone and dials the caller's number.
  await callThroughPbx(app);
  await player.getByRole('button', { name: 'Call back Noah Taylor' }).click();
  await expect(
    player.getByRole('status').filter({ hasText: `The PBX accepted the call: your phone` }),
  ).toContainText(`answer it to call ${number!.replace(/[\s()-]/g, '')}.`);
});
