// The voicemail player end to end through the browser host and howler: the badge after the first
// poll, PCM and GSM messages played to the end, seeking by keyboard, speed, the CSP letting the
// Blob URL through, mark listened and delete, offline playback from the audio cache, privacy in
// the detail pane, and axe on the voicemail screen.
import type { Locator, Page } from '@playwright/test';
import { startDemoPbx, type DemoPbx } from '../../electron/core/demo-pbx/server.js';
import { PbxClient } from '../../electron/core/pbx/client.js';
import { test, expect, expectAccessible, fillConnection, openDemo, rows, shoot } from './fixtures.js';

let pbx: DemoPbx | null = null;
test.afterEach(async () => {
  await pbx?.close();
  pbx = null;
});

/** Records CSP violations in the page, so a blocked Blob URL cannot pass unnoticed. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) fromConsole.push(m.text());
  });
  // A string: the node tsconfig has no DOM types, and this runs in the page anyway.
  await page.addInitScript(`
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)),
  ];
}

const panel = (page: Page) => page.getByRole('region', { name: 'My voicemail' });
const player = (scope: Locator) => scope.getByRole('group', { name: 'Voicemail player' });
const slider = (scope: Locator) => player(scope).getByRole('slider', { name: 'Position' });
const sliderValue = async (scope: Locator) => Number(await slider(scope).inputValue());
const message = (scope: Locator, caller: string) =>
  scope.getByRole('button', { name: new RegExp(`^${caller.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},`) });

/** Waits until the position has moved past `after` seconds (the audio really advances). */
async function expectAdvancing(scope: Locator, after: number): Promise<void> {
  await expect.poll(() => sliderValue(scope), { timeout: 10_000 }).toBeGreaterThan(after);
}

async function expectFinished(scope: Locator): Promise<void> {
  const status = player(scope).getByRole('status').first();
  await expect(status).toHaveText(/Finished/, { timeout: 15_000 });
  const time = player(scope).getByLabel('Elapsed and total time');
  const [elapsed, total] = (await time.innerText()).split('/').map((t) => t.trim());
  // The real length, in the status too: never "0:00" after a message that was heard.
  expect(total).not.toBe('0:00');
  expect(elapsed).toBe(total);
  await expect(status).toHaveText(`Finished · ${total}`);
}

async function openMyVoicemail(page: Page): Promise<Locator> {
  await page.getByRole('listbox', { name: 'Extensions' }).focus();
  await page.keyboard.press('v');
  await expect(panel(page).getByRole('heading', { name: 'My voicemail' })).toBeFocused();
  await expect(panel(page).getByText(/^Mailbox/)).toBeVisible({ timeout: 15_000 });
  return panel(page);
}

test('plays PCM and GSM messages through howler: advance, keyboard seek, speed, end', async ({
  app,
}, testInfo) => {
  test.setTimeout(60_000);
  const cspViolations = await watchCsp(app);
  await app.reload();
  await openDemo(app);
  // The poller's first round (about 1 s after activation) fills the badge.
  // 4 in INBOX and 2 urgent: urgent messages are new until heard.
  await expect(app.getByRole('button', { name: 'My voicemail (6)' })).toBeVisible({ timeout: 15_000 });
  const vm = await openMyVoicemail(app);
  await expect(vm.getByRole('heading', { name: /New \(INBOX\)/ })).toContainText('4 messages');
  await expect(vm.getByText(/^Mailbox/)).toContainText('6 new');
  // Urgent first, each message badged.
  await expect(vm.getByRole('heading', { level: 3 }).first()).toContainText(/^Urgent/);
  await expect(vm.getByRole('region', { name: /^Urgent/ }).getByText('Urgent', { exact: true })).toHaveCount(
    2,
  );

  // PCM: 7 seconds.
  await message(vm, 'Noah Taylor').click();
  await expect(player(vm)).toContainText('PCM');
  await player(vm).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player(vm).getByRole('status').first()).toHaveText(/Playing/);
  await expectAdvancing(vm, 0.3);
  await player(vm).getByRole('button', { name: 'Pause' }).click();
  await expect(player(vm).getByRole('status').first()).toHaveText(/Paused/);

  // Keyboard: → moves exactly 5 s.
  const before = await sliderValue(vm);
  await slider(vm).focus();
  await app.keyboard.press('ArrowRight');
  await expect.poll(() => sliderValue(vm)).toBeCloseTo(before + 5, 1);
  await expect(slider(vm)).toHaveAttribute('aria-valuetext', /of 7 seconds/);
  await app.keyboard.press('ArrowLeft');
  await expect.poll(() => sliderValue(vm)).toBeCloseTo(before, 1);
  await app.keyboard.press('ArrowRight');
  await player(vm).getByRole('button', { name: 'Play', exact: true }).click();
  await expectFinished(vm);
  await expect(message(vm, 'Noah Taylor')).toContainText('Playable offline');
  // Played to the end: heard, as Asterisk marks it (the default setting).
  await expect(vm.getByText('Played to the end: marked as listened.')).toBeVisible();
  await expect(vm.getByRole('region', { name: /^Old/ })).toContainText('Noah Taylor');
  await expect(app.getByRole('button', { name: 'My voicemail (5)' })).toBeVisible();

  // Speed: howler's rate reaches the audio element.
  await player(vm).getByLabel('Speed').selectOption('1.5');
  await player(vm).getByRole('button', { name: 'Play', exact: true }).click();
  await expect(player(vm).getByRole('status').first()).toHaveText('Playing at 1.5x');
  const rates = await app.evaluate(() => {
    type H = { _howls: { _sounds: { _node: { playbackRate: number } }[] }[] };
    const howler = (globalThis as unknown as { Howler: H }).Howler;
    return howler._howls.flatMap((h) => h._sounds.map((s) => s._node.playbackRate));
  });
  expect(rates).toEqual([1.5]);
  await player(vm).getByRole('button', { name: 'Pause' }).click();

  // GSM: the core decodes it; 4 seconds at 1.5x, started from the row's ▶.
  await vm.getByRole('button', { name: 'Play message from Ángel Rodríguez' }).click();
  await expect(player(vm)).toContainText('GSM 6.10');
  await expect(player(vm).getByRole('status').first()).toHaveText(/Playing/);
  await expectAdvancing(vm, 0.3);
  await expectFinished(vm);
  expect(await player(vm).getByLabel('Elapsed and total time').innerText()).toContain('0:04');

  // Next / previous follow the displayed order (Ángel's message is in Old now: heard to the end).
  const msgs = vm.locator('li > button.msg');
  // Attributes one by one: evaluateAll would run an eval the page's CSP reports.
  const current: (string | null)[] = [];
  for (let i = 0; i < (await msgs.count()); i++) current.push(await msgs.nth(i).getAttribute('aria-current'));
  const at = current.indexOf('true');
  expect(await msgs.nth(at).getAttribute('aria-label')).toMatch(/^Ángel Rodríguez,/);
  await player(vm).getByRole('button', { name: 'Next message' }).click();
  await expect(msgs.nth(at + 1)).toHaveAttribute('aria-current', 'true');
  await player(vm).getByRole('button', { name: 'Previous message' }).click();
  await expect(message(vm, 'Ángel Rodríguez')).toHaveAttribute('aria-current', 'true');

  expect(await cspViolations()).toEqual([]);
  await expectAccessible(app, testInfo, 'voicemail');
  await shoot(app, testInfo, 'voicemail');
});

test('mark listened and delete (confirmed) update the list and the badge; others are private', async ({
  app,
}, testInfo) => {
  await openDemo(app);
  await expect(app.getByRole('button', { name: 'My voicemail (6)' })).toBeVisible({ timeout: 15_000 });
  await app.getByRole('button', { name: 'My voicemail (6)' }).click();
  const vm = panel(app);
  await expect(vm.getByText(/^Mailbox/)).toBeVisible({ timeout: 15_000 });

  await message(vm, 'Noah Taylor').click();
  await player(vm).getByRole('button', { name: 'Mark listened' }).click();
  await expect(vm.getByText('Marked as listened.')).toBeVisible();
  await expect(vm.getByRole('region', { name: /^Old/ })).toContainText('Noah Taylor');
  await expect(vm.getByRole('region', { name: /New \(INBOX\)/ })).not.toContainText('Noah Taylor');
  await expect(app.getByRole('button', { name: 'My voicemail (5)' })).toBeVisible();
  await expect(player(vm).getByRole('button', { name: 'Mark listened' })).toBeDisabled();

  // Delete asks first; Cancel keeps the message.
  await message(vm, 'Oliver Brown').click();
  await player(vm).getByRole('button', { name: 'Delete…' }).click();
  const dialog = app.getByRole('alertdialog', { name: 'Delete this message?' });
  await expect(dialog).toContainText('Oliver Brown');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(message(vm, 'Oliver Brown')).toBeVisible();
  await expect(vm).toBeVisible();

  await player(vm).getByRole('button', { name: 'Delete…' }).click();
  // It looks like what it does: filled red, not the accent colour of a safe default.
  await expect(dialog.getByRole('button', { name: 'Delete message' })).toHaveCSS(
    'background-color',
    'rgb(180, 35, 24)',
  );
  await dialog.getByRole('button', { name: 'Delete message' }).click();
  await expect(vm.getByText('Message deleted.')).toBeVisible();
  await expect(message(vm, 'Oliver Brown')).toHaveCount(0);
  await expect(vm.getByText(/^Mailbox/)).toContainText('of 5');
  await vm.getByRole('button', { name: 'Reload voicemail' }).click();
  await expect(message(vm, 'Oliver Brown')).toHaveCount(0);

  // Another extension's mailbox: the profile keeps it private by default.
  await vm.getByRole('button', { name: 'Close voicemail' }).click();
  await rows(app).nth(3).click();
  const detail = app.getByRole('region', { name: 'Voicemail', exact: true });
  await expect(detail).toContainText('turned off');
  await expect(detail.getByRole('button', { name: /^Play/ })).toHaveCount(0);
  await detail.scrollIntoViewIfNeeded();
  await shoot(app, testInfo, 'voicemail-private');
});

test('a played message plays again from the cache with the PBX down; an uncached one says why not', async ({
  app,
}) => {
  test.setTimeout(60_000);
  pbx = await startDemoPbx({ extensions: 30, seed: 3 });
  const client = new PbxClient({
    baseUrl: pbx.origin,
    tenant: pbx.tenant,
    appKey: pbx.appKey,
    tlsPin: null,
    allowHttp: true,
  });
  let mine: { number: string; callers: string[] } | null = null;
  for (const ext of (await client.listExtensions()).extensions) {
    const { records } = await client.listVoicemail(ext.id);
    const callers = records.map((r) => r.caller.name.trim()).filter(Boolean);
    if (new Set(callers).size === callers.length && callers.length >= 2) {
      mine = { number: ext.number, callers };
      break;
    }
  }
  expect(mine, 'the demo data has a mailbox with two named callers').not.toBeNull();
  const [first, second] = mine!.callers as [string, string];

  await fillConnection(app, { url: pbx.origin, tenant: pbx.tenant, key: pbx.appKey, allowHttp: true });
  await app.getByLabel('My extension').fill(mine!.number);
  await app.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(app).first()).toBeVisible({ timeout: 20_000 });
  const vm = await openMyVoicemail(app);

  await vm.getByRole('button', { name: `Play message from ${first}` }).click();
  await expectAdvancing(vm, 0.3);
  await player(vm).getByRole('button', { name: 'Pause' }).click();

  await pbx.close();
  pbx = null;
  await vm.getByRole('button', { name: 'Reload voicemail' }).click();
  await expect(vm.getByRole('status').filter({ hasText: 'Offline:' })).toContainText('saved just now');
  await expect(message(vm, first)).toContainText('Playable offline');
  await expect(message(vm, second)).not.toContainText('Playable offline');

  await message(vm, second).click();
  await expect(player(vm).getByRole('alert')).toContainText('Not available offline');
  await expect(player(vm).getByRole('alert')).toContainText('not cached and the PBX cannot be reached');

  await vm.getByRole('button', { name: `Play message from ${first}` }).click();
  await expect(player(vm)).toContainText('from the saved copy');
  await expectAdvancing(vm, 0.3);
});
