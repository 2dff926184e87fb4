// Human wording for data age ("synced 4 min ago") and timestamps.

export function ago(then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  const d = Math.round(h / 24);
  return d === 1 ? 'yesterday' : `${d} days ago`;
}

/** True when the data is old enough that an agent should not trust it blindly. */
export function isStale(then: number, now: number): boolean {
  return now - then > 60 * 60 * 1000;
}

// One formatter for the whole app: building one per call costs ~30 ms over a list's first paint.
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function dateTime(epochMs: number): string {
  return DATE_TIME.format(new Date(epochMs));
}
