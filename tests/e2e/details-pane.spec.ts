// The details pane of a trial's fixes: it fetches the call counts when it opens (no Refresh),
// labels each count plainly, shows their age, keeps them for a reopen, and follows the keyboard
// selection after a short pause.
import type { Page } from '@playwright/test';
import { test, expect, openDemo, rows } from './fixtures.js';

async function rowAt(page: Page, i: number): Promise<{ number: string; name: string }> {
  const row = rows(page).nth(i);
  return {
    number: (await row.locator('.number').innerText()).trim(),
    name: (await row.locator('.name').innerText()).trim(),
  };
}

const pane = (page: Page, ext: { number: string; name: string }) =>
  page.getByRole('region', { name: `${ext.number} ${ext.name}` });

test('call counts are fetched on opening, plainly labelled, aged and kept', async ({ app }) => {
  await openDemo(app);
  const first = await rowAt(app, 0);
  await rows(app).first().click();
  const p = pane(app, first);
  // No Refresh pressed: opening asks the PBX.
  await expect(p.getByText('Up to date from the PBX.')).toBeVisible({ timeout: 15_000 });
  await expect(p).toContainText(/As of .*\(just now\)\. Totals for a period the PBX does not state\./, {
    timeout: 15_000,
  });
  for (const label of [
    'Calls received from outside',
    'Calls made to outside numbers',
    'Local calls, as counted by the PBX',
    'Transit calls, as counted by the PBX',
  ])
    await expect(p.getByText(label, { exact: true })).toBeVisible();

  // Reopened: the kept counts show at once, with their age, and are not fetched again so soon.
  await p.getByRole('button', { name: 'Close details' }).click();
  await rows(app).first().click();
  await expect(pane(app, first).getByText(/^As of .*\(just now\)/)).toBeVisible();
  await expect(pane(app, first).getByRole('button', { name: 'Refresh' })).toBeEnabled();
});

test('the details follow the keyboard selection after a short pause', async ({ app }) => {
  await openDemo(app);
  const [first, second, third] = [await rowAt(app, 0), await rowAt(app, 1), await rowAt(app, 2)];
  await rows(app).first().click();
  await expect(pane(app, first)).toBeVisible();
  await app.getByRole('listbox', { name: 'Extensions' }).focus();
  await app.keyboard.press('ArrowDown');
  await expect(pane(app, second)).toBeVisible();
  await expect(pane(app, second).getByText('Up to date from the PBX.')).toBeVisible();
  // The list keeps the keyboard: the next arrow moves on again.
  await expect(app.getByRole('listbox', { name: 'Extensions' })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(pane(app, third)).toBeVisible();
});
