// The app in Spanish (from the browser's language, as the OS locale reaches it) and Brazilian
// Portuguese (chosen in Settings, applied without a reload): every screen is scanned for English
// words from the English catalogue, nothing is clipped at 1280×800 or 900×600, light and dark,
// and axe finds no serious or critical violation (the suite's accessibility bar). Screenshots are attached.
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, expectAccessible, shoot } from './fixtures.js';
import { englishOnScreen, ENGLISH_ONLY } from './english-words.js';
import { overflowProblems } from './overflow.js';

// Many screens, each at two sizes in two schemes with axe, on a 2-core machine.
test.describe.configure({ timeout: 300_000 });
test.use({ locale: 'es-MX' });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 900, height: 600 },
] as const;

/** Words of the demo PBX's own data on screen (names of people, queues, devices, folders). */
async function dataWords(page: Page): Promise<string[]> {
  const texts = await page
    .locator('.row .name, .row .other, .chip, .who strong, .now strong, .msg .name, td, dd, .summary strong')
    .allInnerTexts();
  return texts.flatMap((t) => t.match(/\p{L}{4,}/gu) ?? []);
}

async function expectTranslated(page: Page, where: string): Promise<void> {
  expect(await englishOnScreen(page, await dataWords(page)), `English words on ${where}`).toEqual([]);
}

/** At both sizes, light and dark: nothing clipped, axe clean, a screenshot each. */
async function checkLayout(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await overflowProblems(page), `${name} at ${size.width}×${size.height}, ${scheme}`).toEqual([]);
      await expectAccessible(page, testInfo, `${name}-${size.width}x${size.height}-${scheme}`);
    }
    await shoot(page, testInfo, `${name}-${size.width}x${size.height}`);
  }
  await page.setViewportSize(SIZES[0]);
}

test('the scan knows the English words it looks for', () => {
  for (const w of ['search', 'extensions', 'voicemail', 'settings', 'shortcuts', 'details']) {
    expect(ENGLISH_ONLY.has(w), w).toBe(true);
  }
});

test('Spanish from the browser language: first run, the directory, a search, the details', async ({
  app,
}, testInfo) => {
  // First run.
  await expect(app.getByRole('heading', { name: 'Conéctese a su VitalPBX' })).toBeVisible();
  expect(await app.locator('html').getAttribute('lang')).toBe('es');
  await expectTranslated(app, 'the connection screen');
  await checkLayout(app, testInfo, 'es-connect');

  // The directory.
  await app.getByRole('button', { name: 'Probar la PBX de demostración' }).click();
  const list = app.getByRole('listbox', { name: 'Extensiones' });
  await expect(list.getByRole('option').first()).toBeVisible({ timeout: 20_000 });
  await expect(app.getByText(/^[\d.]+ extensiones$/)).toBeVisible();
  await expect(app.getByRole('button', { name: 'Sincronizar ahora' })).toBeEnabled({ timeout: 20_000 });
  await expectTranslated(app, 'the directory');
  await checkLayout(app, testInfo, 'es-directory');

  // A search with no match.
  const search = app.getByRole('combobox', { name: 'Buscar extensiones' });
  await search.fill('zzzzqqq');
  await expect(app.getByRole('heading', { name: 'Sin resultados' })).toBeVisible();
  await expectTranslated(app, 'an empty search');
  await search.fill('');

  // Details of an extension.
  await app.getByRole('listbox').getByRole('option').first().click();
  await expect(app.getByRole('button', { name: 'Copiar número' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Dispositivos' })).toBeVisible();
  await expectTranslated(app, 'the detail pane');
  await checkLayout(app, testInfo, 'es-details');
  // The README's Spanish screenshot, refreshed on request like docs/screenshot-directory.png.
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    await app.emulateMedia({ colorScheme: 'light' });
    await app.screenshot({ path: 'docs/screenshot-directory-es.png' });
  }
});

test('Spanish: voicemail, recent calls, the menu, help and settings; then Portuguese from Settings at once', async ({
  app,
}, testInfo) => {
  await app.getByRole('button', { name: 'Probar la PBX de demostración' }).click();
  await expect(app.getByRole('listbox', { name: 'Extensiones' }).getByRole('option').first()).toBeVisible({
    timeout: 20_000,
  });

  // My voicemail with the player.
  await app.getByRole('button', { name: /^Mi buzón de voz/ }).click();
  const panel = app.getByRole('region', { name: 'Mi buzón de voz' });
  await panel
    .getByRole('button', { name: /^Escuchar el mensaje de/ })
    .first()
    .click();
  await expect(panel.getByRole('group', { name: 'Reproductor del buzón de voz' })).toBeVisible();
  await expect(
    panel.getByRole('status').filter({ hasText: /Reproduciendo a|En pausa|Terminado|Listo/ }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expectTranslated(app, 'my voicemail');
  await checkLayout(app, testInfo, 'es-voicemail');
  await panel.getByRole('button', { name: 'Cerrar el buzón de voz' }).click();

  // Recent calls.
  await app.getByRole('button', { name: /^Recientes/ }).click();
  await expect(app.getByRole('heading', { name: 'Llamadas recientes' })).toBeVisible();
  await expect(app.getByText(/últimos 7 días/)).toBeVisible({ timeout: 20_000 });
  await expectTranslated(app, 'recent calls');
  await app.getByRole('button', { name: 'Cerrar llamadas recientes' }).click();

  // The menu, the keyboard help and Settings.
  await app.getByRole('button', { name: 'Más acciones' }).click();
  await expect(app.getByRole('menu', { name: 'Más acciones' })).toBeVisible();
  await expectTranslated(app, 'the menu');
  await app.getByRole('menuitem', { name: 'Atajos de teclado' }).click();
  await expect(app.getByRole('dialog', { name: 'Atajos de teclado' })).toBeVisible();
  await expectTranslated(app, 'the keyboard help');
  await checkLayout(app, testInfo, 'es-help');
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Más acciones' }).click();
  await app.getByRole('menuitem', { name: 'Configuración' }).click();
  const settings = app.getByRole('dialog', { name: 'Configuración' });
  await expect(settings).toBeVisible();
  await expectTranslated(app, 'settings');
  await checkLayout(app, testInfo, 'es-settings');

  // Portuguese, chosen in Settings: the window changes language at once, without a reload.
  await app.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await settings.getByLabel('Idioma').selectOption('pt-BR');
  await expect(app.getByRole('dialog', { name: 'Configurações' })).toBeVisible();
  expect(
    await app.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument),
  ).toBe(true);
  expect(await app.locator('html').getAttribute('lang')).toBe('pt-BR');
  await checkLayout(app, testInfo, 'pt-settings');
  await app.getByRole('button', { name: 'Concluído' }).click();
  await expect(app.getByText(/^[\d.]+ ramais$/)).toBeVisible();
  await expectTranslated(app, 'the directory in Portuguese');
  await checkLayout(app, testInfo, 'pt-directory');
  await app.getByRole('listbox').getByRole('option').nth(1).click();
  await expect(app.getByRole('button', { name: 'Copiar número' })).toBeVisible();
  await expectTranslated(app, 'the detail pane in Portuguese');
  await checkLayout(app, testInfo, 'pt-details');

  // The choice is kept: a reload stays in Portuguese although the browser speaks Spanish.
  await app.reload();
  await expect(app.getByRole('listbox', { name: 'Ramais' })).toBeVisible({ timeout: 20_000 });
});
