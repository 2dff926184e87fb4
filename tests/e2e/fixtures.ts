// Playwright fixtures: every test gets its own browser host (the real core, a fresh temporary data
// folder) and a page opened on it. `host.restart()` stops the host and starts a new one on the
// same data folder, as when the app is launched again.
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { startHostProcess, stopHostProcess } from '../support/host-process.js';

export interface Host {
  url: string;
  dataDir: string;
  /** Stops the host (SIGTERM) and starts a new one on the same data folder; returns its URL. */
  restart(env?: Record<string, string>): Promise<string>;
}

const startHost = (dataDir: string, env: Record<string, string>) =>
  startHostProcess({ dataDir, env, timeoutMs: 20_000 });
const stopHost = stopHostProcess;

export const test = base.extend<{ hostEnv: Record<string, string>; host: Host; app: Page }>({
  // The host runs as shipped: no variable here may change how the app behaves.
  hostEnv: [{}, { option: true }],
  host: async ({ hostEnv }, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vpbx-e2e-'));
    let current = await startHost(dataDir, hostEnv);
    const host: Host = {
      url: current.url,
      dataDir,
      async restart(env = {}) {
        await stopHost(current.proc);
        current = await startHost(dataDir, { ...hostEnv, ...env });
        host.url = current.url;
        return current.url;
      },
    };
    await use(host);
    await stopHost(current.proc);
    await rm(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Opens the demo PBX from the first-run screen and waits for the directory. */
export async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo PBX' }).click();
  await expect(page.getByRole('listbox', { name: 'Extensions' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('listbox', { name: 'Extensions' }).getByRole('option').first()).toBeVisible();
}

/** Fills the connection form. */
export async function fillConnection(
  page: Page,
  f: { url: string; tenant: string; key: string; label?: string; allowHttp?: boolean },
): Promise<void> {
  if (f.label) await page.getByLabel('Profile name').fill(f.label);
  await page.getByLabel('PBX address').fill(f.url);
  await page.getByLabel('Tenant').fill(f.tenant);
  await page.getByLabel('App key').fill(f.key);
  if (f.allowHttp) await page.getByLabel(/Allow plain HTTP/).check();
}

/** No serious or critical axe violations on the current screen. */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `axe on ${name}`,
  ).toEqual([]);
}

/** Switches the colour scheme the page sees, for light and dark screenshots. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = testInfo.outputPath(`${name}-${scheme}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`${name}-${scheme}`, { path, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The directory list and its rows. */
export function rows(page: Page) {
  return page.getByRole('listbox', { name: 'Extensions' }).getByRole('option');
}

/** Connects through the form ("Save and connect") and waits for the directory. */
export async function connect(
  page: Page,
  f: { url: string; tenant: string; key: string; label?: string; allowHttp?: boolean },
): Promise<void> {
  await fillConnection(page, f);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(rows(page).first()).toBeVisible({ timeout: 20_000 });
}
