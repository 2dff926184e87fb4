// The directory on the demo PBX: search (accents, typos, highlights), queue filter, sorting,
// the detail pane, export, settings, and a keyboard-only journey.
import type { Page } from '@playwright/test';
import { test, expect, openDemo, rows, expectAccessible, shoot } from './fixtures.js';

const search = (page: Page) => page.getByRole('combobox', { name: 'Search extensions' });
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Number and name of every rendered row. */
async function listed(page: Page): Promise<{ number: string; name: string }[]> {
  return rows(page).evaluateAll((els) =>
    els.map((el) => {
      const spans = el.querySelectorAll('.number, .name');
      return { number: spans[0]?.textContent?.trim() ?? '', name: spans[1]?.textContent?.trim() ?? '' };
    }),
  );
}

test('search is accent-insensitive, typo-tolerant and highlights matches', async ({ app }, testInfo) => {
  await openDemo(app);
  // Scroll through pages of the list until an accented Latin name shows up.
  let accented: { number: string; name: string } | undefined;
  for (let i = 0; i < 30 && !accented; i++) {
    accented = (await listed(app)).find((r) => /^[A-Za-zÀ-ÿ' ]+$/.test(r.name) && fold(r.name) !== r.name);
    if (!accented) await rows(app).last().scrollIntoViewIfNeeded();
  }
  expect(accented, 'the demo data has accented names').toBeDefined();
  const plain = fold(accented!.name).toLowerCase();
  await search(app).fill(plain);
  const hit = rows(app).filter({ hasText: accented!.name }).first();
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toBeVisible();
  await expect(app.getByText(/ of \d+ extensions/)).toBeVisible();

  // A transposed pair of letters still finds the name.
  const word = plain.split(' ').find((w) => w.length >= 5) ?? plain.split(' ')[0]!;
  const typo = word.charAt(0) + word.charAt(2) + word.charAt(1) + word.slice(3);
  await search(app).fill(typo);
  await expect(
    rows(app)
      .filter({ hasText: new RegExp(word.slice(3), 'i') })
      .first(),
  ).toBeVisible();

  // The exact number comes first.
  await search(app).fill(accented!.number);
  await expect(rows(app).first()).toContainText(accented!.number);
  await expect(rows(app).first().locator('.number mark')).toHaveText(accented!.number);

  // No results: said so, with a way out.
  await search(app).fill('zzqqxxyy');
  await expect(app.getByRole('heading', { name: 'No matches' })).toBeVisible();
  await expectAccessible(app, testInfo, 'no-matches');
  await app.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect(search(app)).toHaveValue('');
  await expect(rows(app).first()).toBeVisible();
});

test('queue chips filter the list to their members, and sorting by name works', async ({ app }) => {
  await openDemo(app);
  const chip = app.getByRole('group', { name: 'Filter by queue' }).getByRole('button').first();
  const [, queue, count] = /^(.*\S)\s+(\d+)$/.exec((await chip.innerText()).replace(/\s+/g, ' ').trim())!;
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByText(new RegExp(`^${count} of \\d+ extensions$`))).toBeVisible();
  // Every member listed really is in the queue: its detail says so.
  await rows(app).first().click();
  await expect(app.getByRole('region', { name: /^\d+/ }).getByRole('cell', { name: queue! })).toBeVisible();
  await app.getByRole('button', { name: 'Close details' }).click();
  await chip.click();
  await expect(app.getByText(/^\d+ extensions$/)).toBeVisible();

  await app.getByLabel('Sort').selectOption('name');
  const names = (await listed(app)).map((r) => r.name).filter((n) => /^[A-Za-z]/.test(fold(n)));
  const sorted = [...names].sort((a, b) =>
    fold(a).localeCompare(fold(b), undefined, { sensitivity: 'base' }),
  );
  expect(names.slice(0, 5)).toEqual(sorted.slice(0, 5));
});

test('the detail pane shows the extension, its devices, queues and calls, and its actions work', async ({
  app,
}, testInfo) => {
  await openDemo(app);
  const first = (await listed(app))[0]!;
  await rows(app).first().click();
  const pane = app.getByRole('region', { name: `${first.number} ${first.name}` });
  await expect(pane).toBeVisible();
  for (const h of ['Devices', 'Queues', 'Calls'])
    await expect(pane.getByRole('heading', { name: h })).toBeVisible();
  await expect(pane.getByRole('region', { name: 'Voicemail' })).toContainText('Voicemail');
  await expect(pane.getByText('Email', { exact: true })).toBeVisible();
  await expect(pane.getByText('Internal caller ID', { exact: true })).toBeVisible();

  await pane.getByRole('button', { name: 'Refresh' }).click();
  await expect(pane.getByText('Up to date from the PBX.')).toBeVisible();
  await expect(pane.getByText(/As of /)).toBeVisible();
  await expect(
    pane.getByRole('columnheader', { name: 'Technology' }).or(pane.getByText('No devices.')),
  ).toBeVisible();

  await pane.getByRole('button', { name: 'Call' }).click();
  await expect(pane.getByRole('link', { name: new RegExp(`^tel:.*${first.number}`) })).toBeVisible();

  await expectAccessible(app, testInfo, 'detail');
  await shoot(app, testInfo, 'detail');
});

test('export downloads the filtered list as CSV and vCard', async ({ app }) => {
  await openDemo(app);
  await app.getByRole('group', { name: 'Filter by queue' }).getByRole('button').first().click();
  const shown = Number(/^(\d+) of/.exec(await app.getByText(/ of \d+ extensions$/).innerText())![1]);
  const [csv] = await Promise.all([
    app.waitForEvent('download'),
    app
      .getByRole('button', { name: 'More actions' })
      .click()
      .then(() => app.getByRole('menuitem', { name: 'Export CSV' }).click()),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const text = await (await csv.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
  const lines = text.trim().split(/\r?\n/);
  expect(lines.length).toBe(shown + 1);

  const [vcf] = await Promise.all([
    app.waitForEvent('download'),
    app
      .getByRole('button', { name: 'More actions' })
      .click()
      .then(() => app.getByRole('menuitem', { name: 'Export vCard' }).click()),
  ]);
  const cards = await (await vcf.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
  expect(cards.match(/BEGIN:VCARD/g)).toHaveLength(shown);

  const [vcf3] = await Promise.all([
    app.waitForEvent('download'),
    app
      .getByRole('button', { name: 'More actions' })
      .click()
      .then(() =>
        app.getByRole('menuitem', { name: 'Export for Outlook and desk phones (vCard 3.0)' }).click(),
      ),
  ]);
  const cards3 = await (
    await vcf3.createReadStream()
  )
    .toArray()
    .then((b) => Buffer.concat(b).toString('utf8'));
  expect(cards3.match(/VERSION:3\.0/g)).toHaveLength(shown);
  expect(cards3.match(/\r\nN:[^\r]*;[^\r]*;;;\r\n/g)).toHaveLength(shown);
});

test('settings switch the theme and are accessible', async ({ app }, testInfo) => {
  await openDemo(app);
  await app.getByRole('button', { name: 'More actions' }).click();
  await app.getByRole('menuitem', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await expectAccessible(app, testInfo, 'settings');
  await dialog.getByLabel('Theme').selectOption('dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dialog.getByLabel('Call links').selectOption('sip');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await rows(app).first().click();
  await app.getByRole('button', { name: 'Call' }).click();
  await expect(app.getByRole('link', { name: /^sip:/ })).toBeVisible();
});

test('keyboard only: search, move, open, go back, help', async ({ app }, testInfo) => {
  await openDemo(app);
  await app.locator('body').press('/');
  await expect(search(app)).toBeFocused();
  await app.keyboard.type('a');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  const selected = rows(app).and(app.locator('[aria-selected="true"]'));
  await expect(selected).toHaveCount(1);
  const third = (await listed(app))[2]!;
  await expect(selected).toContainText(third.number);
  await expect(search(app)).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  await app.keyboard.press('Enter');
  const heading = app.getByRole('heading', { level: 2, name: `${third.number} ${third.name}` });
  await expect(heading).toBeFocused();
  // Esc goes back one step and always lands on the list, where single keys are shortcuts.
  const list = app.getByRole('listbox', { name: 'Extensions' });
  await app.keyboard.press('Escape');
  await expect(heading).toHaveCount(0);
  await expect(list).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(search(app)).toHaveValue('');
  await expect(list).toBeFocused();
  // Tab reaches the list; the arrows work there too.
  await search(app).focus();
  for (let i = 0; i < 60 && !(await list.evaluate((el) => el === el.ownerDocument.activeElement)); i++) {
    await app.keyboard.press('Tab');
  }
  await expect(list).toBeFocused();
  await app.keyboard.press('End');
  await expect(rows(app).and(app.locator('[aria-selected="true"]'))).toHaveAttribute(
    'aria-posinset',
    (await rows(app).first().getAttribute('aria-setsize'))!,
  );
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+K');
  await expectAccessible(app, testInfo, 'help');
  await shoot(app, testInfo, 'help');
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await app.keyboard.press('Control+k');
  await expect(search(app)).toBeFocused();
});
