// What the directory screen shows beside the list (details, My voicemail, an overlay) and where
// focus goes when that changes, plus the one window-level key handler that applies the focus
// rules of shortcuts.ts. Focus moves after a synchronous flush so the element it goes to exists.
import { flushSync } from 'svelte';
import type { DirectoryState } from './directory.svelte.js';
import { ownsKey, shortcutOf, type Shortcut } from './shortcuts.js';

const PAGE = 10;
const SEARCH_ID = 'search';

export type Overlay = null | 'help' | 'settings';

export class ScreenKeys {
  /** "My voicemail" takes the side pane; opening an extension gives it back to the details. */
  voicemailOpen = $state(false);
  overlay = $state<Overlay>(null);
  /** Where focus was when an overlay opened, to go back there when it closes. */
  #returnTo: HTMLElement | null = null;

  readonly dir: DirectoryState;
  readonly listId: string;

  constructor(dir: DirectoryState, listId: string) {
    this.dir = dir;
    this.listId = listId;
  }

  #focus(id: string): boolean {
    flushSync();
    const el = document.getElementById(id);
    el?.focus();
    return !!el;
  }

  focusSearch(select = false): void {
    const el = document.getElementById(SEARCH_ID);
    if (!(el instanceof HTMLInputElement)) return;
    el.focus();
    if (select) el.select();
  }

  /** The list, or nothing when there is none (empty directory), so single keys stay shortcuts. */
  focusList(): void {
    if (!this.#focus(this.listId) && document.activeElement instanceof HTMLElement)
      document.activeElement.blur();
  }

  openActive(): void {
    this.voicemailOpen = false;
    this.dir.open();
    if (this.dir.openId) this.#focus('detail-title');
  }

  closeDetails(): void {
    this.dir.close();
    this.focusList();
  }

  openVoicemail(): void {
    this.voicemailOpen = true;
    this.#focus('vm-panel-title');
  }

  closeVoicemail(): void {
    this.voicemailOpen = false;
    this.focusList();
  }

  toggleVoicemail(): void {
    if (this.voicemailOpen) this.closeVoicemail();
    else this.openVoicemail();
  }

  /** Esc: one step back (voicemail, details, then the search and queue filter), ending on the list. */
  back(): void {
    if (this.voicemailOpen) this.voicemailOpen = false;
    else if (this.dir.openId) this.dir.close();
    else {
      this.dir.setQuery('');
      this.dir.queue = null;
    }
    this.focusList();
  }

  openOverlay(kind: Exclude<Overlay, null>): void {
    const active = document.activeElement;
    this.#returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
    this.overlay = kind;
  }

  closeOverlay(): void {
    this.overlay = null;
    flushSync();
    const back = this.#returnTo;
    this.#returnTo = null;
    if (back?.isConnected) back.focus();
  }

  #run(shortcut: Shortcut): void {
    const dir = this.dir;
    const actions: Record<Shortcut, () => void> = {
      search: () => this.focusSearch(),
      'search-select': () => this.focusSearch(true),
      up: () => dir.move(-1),
      down: () => dir.move(1),
      'page-up': () => dir.move(-PAGE),
      'page-down': () => dir.move(PAGE),
      first: () => dir.moveTo(0),
      last: () => dir.moveTo(dir.rows.length - 1),
      open: () => this.openActive(),
      back: () => this.back(),
      voicemail: () => this.toggleVoicemail(),
      help: () => this.openOverlay('help'),
    };
    actions[shortcut]();
  }

  onkeydown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    // Open menus and popovers (and the settings or a confirmation dialog) keep their own keys.
    if (document.querySelector(':popover-open') || this.overlay === 'settings') return;
    const shortcut = shortcutOf(e);
    if (!shortcut) return;
    if (this.overlay === 'help') {
      e.preventDefault();
      this.closeOverlay();
      if (shortcut === 'back' || shortcut === 'open' || shortcut === 'help') return;
      if (ownsKey(document.activeElement, shortcut, document.activeElement?.id === SEARCH_ID)) return;
      return this.#run(shortcut);
    }
    if (e.target instanceof Element && e.target.closest('dialog')) return;
    if (ownsKey(e.target, shortcut, e.target instanceof Element && e.target.id === SEARCH_ID)) return;
    e.preventDefault();
    this.#run(shortcut);
  };
}
