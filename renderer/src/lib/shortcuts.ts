// The directory's keyboard shortcuts and the focus rules that decide, for a key press, whether it
// is a shortcut or belongs to the control that has focus. The help overlay lists the same keys
// (its words are in the catalogue, help.*), so what the help says is what the keys do.

export type Shortcut =
  | 'search'
  | 'search-select'
  | 'up'
  | 'down'
  | 'page-up'
  | 'page-down'
  | 'first'
  | 'last'
  | 'open'
  | 'back'
  | 'voicemail'
  | 'help';

const PLAIN: Record<string, Shortcut> = {
  '/': 'search',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'page-up',
  PageDown: 'page-down',
  Home: 'first',
  End: 'last',
  Enter: 'open',
  Escape: 'back',
  v: 'voicemail',
  V: 'voicemail',
  '?': 'help',
};

/** The shortcut a key press names, whoever has focus; null for any other key. */
export function shortcutOf(e: KeyboardEvent): Shortcut | null {
  if (e.ctrlKey || e.metaKey) return (e.key === 'k' || e.key === 'K') && !e.altKey ? 'search-select' : null;
  if (e.altKey) return null;
  return PLAIN[e.key] ?? null;
}

const MOVES = new Set<Shortcut>(['up', 'down', 'page-up', 'page-down', 'first', 'last']);
const CHARACTERS = new Set<Shortcut>(['search', 'voicemail', 'help']);
const TEXT_INPUTS = /^(text|search|url|email|password|number|tel)$/;

/**
 * Whether the focused element needs this key for itself, so it is not a shortcut there. A text
 * field keeps the characters it types and the caret keys (the search box lends the list its
 * arrows, paging keys, Enter and Esc, as a combobox does); a drop-down keeps its keys; a slider
 * keeps the keys that move it; a button or link keeps Enter. Ctrl+K is never kept.
 */
export function ownsKey(target: EventTarget | null, shortcut: Shortcut, isSearch: boolean): boolean {
  if (shortcut === 'search-select' || !(target instanceof HTMLElement)) return false;
  const input = target instanceof HTMLInputElement ? target : null;
  if (isSearch) return CHARACTERS.has(shortcut) || shortcut === 'first' || shortcut === 'last';
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    (input && TEXT_INPUTS.test(input.type))
  )
    return true;
  if (target instanceof HTMLSelectElement) return shortcut !== 'back';
  if (input?.type === 'range' || input?.type === 'radio' || target.getAttribute('role') === 'slider')
    return MOVES.has(shortcut);
  if (shortcut === 'open')
    return target.matches(
      'button, a[href], summary, input, [role="button"], [role="menuitem"], [role="link"]',
    );
  return false;
}

/** The help overlay's rows, in order: keys into the catalogue's help.keys and help.states. */
export const KEYS = ['search', 'move', 'page', 'ends', 'open', 'back', 'voicemail', 'seek', 'help'] as const;
export const STATES = ['search', 'list', 'panes', 'help'] as const;
