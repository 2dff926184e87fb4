// Phonebook contacts in the directory list: counted, marked, filtered (extensions, contacts or
// both), found by the same typo-tolerant search, and called, copied and exported like extensions.
import { test, expect, openDemo, rows } from './fixtures.js';

test('contacts are listed, marked, filtered, searched, called and exported', async ({ app }) => {
  await openDemo(app);
  await expect(app.getByText(/^· \d+ contacts$/)).toBeVisible();
  const total = Number(/(\d+)/.exec(await app.getByText(/^· \d+ contacts$/).innerText())![1]);
  expect(total).toBeGreaterThan(0);

  await app.getByLabel('Show').selectOption('contacts');
  await expect(app.getByText(/^0 of \d+ extensions$/)).toBeVisible();
  await expect(rows(app).first().getByText('Contact', { exact: true })).toBeVisible();
  // A contact with a telephone (some have none: the PBX's fields are optional).
  let name = '';
  let number = '';
  for (let i = 0; i < 10 && !number; i++) {
    name = (await rows(app).nth(i).locator('.name').innerText()).trim();
    number = (await rows(app).nth(i).locator('.number').innerText()).trim();
  }
  expect(number).toMatch(/\d/);

  // Found with a typo, as extensions are: one letter of the name left out.
  const word = name.split(' ').sort((a, b) => b.length - a.length)[0]!;
  await app.getByLabel('Show').selectOption('both');
  await app.getByRole('combobox', { name: 'Search extensions' }).fill(word.slice(0, 2) + word.slice(3));
  await expect(rows(app).filter({ hasText: name }).first()).toBeVisible();
  await app.getByLabel('Show').selectOption('extensions');
  await expect(rows(app).filter({ hasText: 'Contact' })).toHaveCount(0);
  await app.getByLabel('Show').selectOption('contacts');
  await app.getByRole('combobox', { name: 'Search extensions' }).fill(number);
  await rows(app).filter({ hasText: name }).first().click();

  const pane = app.getByRole('region', { name });
  await expect(pane.getByText('Phonebook', { exact: true })).toBeVisible();
  await pane.getByRole('button', { name: 'Call', exact: true }).click();
  await expect(pane.getByRole('link', { name: /^tel:/ })).toBeVisible();

  const [csv] = await Promise.all([
    app.waitForEvent('download'),
    app
      .getByRole('button', { name: 'More actions' })
      .click()
      .then(() => app.getByRole('menuitem', { name: 'Export CSV' }).click()),
  ]);
  const text = await (await csv.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8'));
  expect(text).toContain(name);
  expect(text.trim().split(/\r?\n/).length).toBe((await rows(app).count()) + 1);
});
