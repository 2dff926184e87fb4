// The desktop shell's `shell:focus` event (global shortcut, tray, a second launch with a number)
// reaches the same renderer code here through the browser host's test hook.
import type { Page } from '@playwright/test';
import { test, expect, openDemo } from './fixtures.js';

// The hook only adds the route that stands in for the shell; the app itself runs as shipped.
test.use({ hostEnv: { VPBX_TEST_HOOKS: '1' } });

async function focusFromShell(page: Page, payload: object): Promise<void> {
  const status = await page.evaluate(async (body) => {
    const res = await fetch('/api/test/shell-focus', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vpbx-token':
          (
            globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
          ).sessionStorage.getItem('vpbx-token') ?? '',
      },
      body: JSON.stringify(body),
    });
    return res.status;
  }, payload);
  expect(status).toBe(200);
}

test('a shortcut or second launch focuses the search with the number, or opens the voicemail', async ({
  app,
}) => {
  await openDemo(app);
  const search = app.getByRole('combobox', { name: 'Search extensions' });
  await app.getByRole('button', { name: 'More actions' }).focus();
  await focusFromShell(app, { target: 'search', query: '101' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('101');
  await focusFromShell(app, { target: 'voicemail', query: null });
  await expect(app.getByRole('region', { name: 'My voicemail' })).toBeVisible();
});
