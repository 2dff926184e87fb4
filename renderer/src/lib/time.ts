// Data age and timestamps in the window's language (Intl, through i18n).
import { i18n, t } from './i18n.svelte.js';

/** "synced 4 min ago" in the window's language. */
export function syncedAgo(then: number, now: number): string {
  return t('time.synced', { when: i18n.ago(then, now) });
}

export function ago(then: number, now: number): string {
  return i18n.ago(then, now);
}

/** True when the data is old enough that an agent should not trust it blindly. */
export function isStale(then: number, now: number): boolean {
  return now - then > 60 * 60 * 1000;
}

export function dateTime(epochMs: number): string {
  return i18n.dateTime(epochMs);
}
