// Every documented shortcut from every state the help lists (search box, list, details, My
// voicemail, this help), against the focus rules the help and the README state.
import type { Page } from '@playwright/test';
import { test, expect, openDemo, rows } from './fixtures.js';

// A state test presses twelve keys, each from a freshly set-up state.
test.describe.configure({ timeout: 90_000 });

type State = 'search' | 'list' | 'details' | 'voicemail' | 'help';
const STATES: State[] = ['search', 'list', 'details', 'voicemail', 'help'];

const search = (p: Page) => p.getByRole('combobox', { name: 'Search extensions' });
const list = (p: Page) => p.getByRole('listbox', { name: 'Extensions' });
const help = (p: Page) => p.getByRole('dialog', { name: 'Keyboard shortcuts' });
const detailPane = (p: Page) => p.locator('section[aria-labelledby="detail-title"]');
const vmPane = (p: Page) => p.getByRole('region', { name: 'My voicemail' });
const QUERY = 'a';
const START = 6; // the selected row's position (1-based) when each case starts

/** Where focus is, in the terms of the help. */
async function focusIn(p: Page): Promise<string> {
  return p.locator('html').evaluate((root) => {
    const a = root.ownerDocument.activeElement;
    if (!a || a === root.ownerDocument.body) return 'nothing';
    if (a.closest('dialog')) return 'help';
    if (a.id === 'search') return 'search';
    if (a.getAttribute('role') === 'listbox') return 'list';
    if (a.closest('section[aria-labelledby="detail-title"]')) return 'details';
    if (a.closest('section[aria-labelledby="vm-panel-title"]')) return 'voicemail';
    return `${a.tagName} ${a.textContent?.trim().slice(0, 20)}`;
  });
}

async function selected(p: Page): Promise<{ pos: number; size: number; name: string }> {
  const opt = rows(p).and(p.locator('[aria-selected="true"]'));
  return {
    pos: Number(await opt.getAttribute('aria-posinset')),
    size: Number(await opt.getAttribute('aria-setsize')),
    name: (await opt.locator('.name').innerText()).trim(),
  };
}

/** Puts the screen in `state`, with the search holding QUERY and row START selected. */
async function enter(p: Page, state: State): Promise<void> {
  if (await help(p).isVisible()) await help(p).getByRole('button', { name: 'Close' }).click();
  for (const close of ['Close voicemail', 'Close details']) {
    const b = p.getByRole('button', { name: close });
    if (await b.isVisible()) await b.click();
  }
  await search(p).fill(QUERY);
  await search(p).focus();
  for (let i = 1; i < START; i++) await p.keyboard.press('ArrowDown');
  expect((await selected(p)).pos).toBe(START);
  if (state === 'list') await list(p).focus();
  if (state === 'details') {
    await p.keyboard.press('Enter');
    await expect(detailPane(p)).toBeVisible();
  }
  if (state === 'voicemail') await p.getByRole('button', { name: /^My voicemail/ }).click();
  if (state === 'help') {
    await list(p).focus();
    await p.keyboard.press('?');
    await expect(help(p)).toBeVisible();
  }
  expect(await focusIn(p)).toBe(state);
}

interface Outcome {
  focus: string;
  pos?: number | 'last';
  value?: string;
  details?: boolean;
  voicemail?: boolean;
  help?: boolean;
}

/** What each key does in each state: the focus rules of the help, as a table. */
function expected(state: State, key: string): Outcome {
  const pane = state === 'details' || state === 'voicemail';
  // The help is a quick reference: Esc, Enter and ? close it (focus goes back to the list it was
  // opened from); any other shortcut closes it and then does its job from there.
  const from: State = state === 'help' ? 'list' : state;
  const keep = { details: state === 'details', voicemail: state === 'voicemail', help: false };
  const move = (pos: number | 'last'): Outcome => ({ ...keep, focus: from, pos });
  switch (key) {
    case '/':
      return state === 'search'
        ? { ...keep, focus: 'search', value: `${QUERY}/` }
        : { ...keep, focus: 'search' };
    case 'Control+k':
      return { ...keep, focus: 'search', value: QUERY };
    case 'ArrowDown':
      return move(START + 1);
    case 'ArrowUp':
      return move(START - 1);
    case 'PageDown':
      return move(START + 10);
    case 'PageUp':
      return move(1);
    // In the search box Home and End move the text cursor; everywhere else they move the list.
    case 'Home':
      return move(state === 'search' ? START : 1);
    case 'End':
      return move(state === 'search' ? START : 'last');
    case 'Enter':
      if (state === 'help') return { focus: 'list', help: false, details: false, pos: START };
      return { focus: 'details', details: true, voicemail: false, pos: START };
    case 'Escape':
      // One step back, and focus always lands on the list, where single keys are shortcuts.
      if (pane || state === 'help')
        return { focus: 'list', details: false, voicemail: false, help: false, value: QUERY };
      return { focus: 'list', details: false, value: '' };
    case 'v':
      if (state === 'search') return { ...keep, focus: 'search', value: `${QUERY}v` };
      if (state === 'voicemail') return { focus: 'list', voicemail: false, details: false };
      return { focus: 'voicemail', voicemail: true, details: false, help: false };
    case '?':
      if (state === 'search') return { ...keep, focus: 'search', value: `${QUERY}?`, help: false };
      if (state === 'help') return { focus: 'list', help: false };
      return { ...keep, focus: 'help', help: true };
  }
  throw new Error(`no expectation for ${key}`);
}

const KEYS = [
  '/',
  'Control+k',
  'ArrowDown',
  'ArrowUp',
  'PageDown',
  'PageUp',
  'Home',
  'End',
  'Enter',
  'Escape',
  'v',
  '?',
];

for (const state of STATES) {
  test(`every shortcut from the ${state} state`, async ({ app }) => {
    await openDemo(app);
    for (const key of KEYS) {
      await enter(app, state);
      const want = expected(state, key);
      const before = await selected(app);
      await app.keyboard.press(key);
      const what = `${key} in ${state}`;
      if (want.help !== undefined) await expect(help(app), what).toBeVisible({ visible: want.help });
      if (want.details !== undefined)
        await expect(detailPane(app), what).toBeVisible({ visible: want.details });
      if (want.voicemail !== undefined)
        await expect(vmPane(app), what).toBeVisible({ visible: want.voicemail });
      await expect.poll(() => focusIn(app), what).toBe(want.focus);
      if (want.value !== undefined) await expect(search(app), what).toHaveValue(want.value);
      if (want.pos !== undefined) {
        const now = await selected(app);
        expect(now.pos, what).toBe(want.pos === 'last' ? before.size : want.pos);
      }
      if (key === 'Enter' && want.details)
        await expect(detailPane(app).getByRole('heading', { level: 2 }), what).toContainText(before.name);
    }
  });
}

test('after Esc the single-key shortcuts work: v opens My voicemail, ? the help', async ({ app }) => {
  await openDemo(app);
  await app.locator('body').press('/');
  await app.keyboard.type('ma');
  await app.keyboard.press('Enter');
  await expect(detailPane(app)).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(detailPane(app)).toBeHidden();
  await app.keyboard.press('v');
  await expect(vmPane(app)).toBeVisible();
  await expect(search(app)).toHaveValue('ma');
  await app.keyboard.press('Escape');
  await expect(vmPane(app)).toBeHidden();
  await app.keyboard.press('Escape');
  await expect(search(app)).toHaveValue('');
  await app.keyboard.press('?');
  await expect(help(app)).toBeVisible();
});

test('the help lists the states and the focus rules', async ({ app }) => {
  await openDemo(app);
  await app.locator('body').press('?');
  for (const where of ['In the search box', 'In the list', 'In the details or My voicemail', 'In this help'])
    await expect(help(app).getByRole('heading', { name: where })).toBeVisible();
  await expect(help(app)).toContainText('Esc always takes you back to the list');
});
