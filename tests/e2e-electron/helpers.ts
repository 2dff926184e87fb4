// Steps the stand-in specs share: open the demo PBX from the first-run screen, the directory rows.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

export const rows = (page: Page) => page.getByRole('listbox', { name: 'Extensions' }).getByRole('option');

export async function openDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo PBX' }).click();
  await expect(rows(page).first()).toBeVisible({ timeout: 40_000 });
}

/** The number of the first extension listed. */
export async function firstNumber(page: Page): Promise<string> {
  const text = await rows(page).first().innerText();
  const number = /\b\d{3,}\b/.exec(text)?.[0];
  if (!number) throw new Error(`no extension number in "${text}"`);
  return number;
}
