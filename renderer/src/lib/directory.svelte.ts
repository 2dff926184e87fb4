// The directory screen's state: the cached directory (one big read-only array, loaded from the
// core once per sync), the search index built from it, the query, queue filter and sort, the
// visible result order, the selection and the detail pane. A keystroke runs only the search.
import type { Contact } from '../../../electron/core/shared/agent-domain.js';
import type { Extension } from '../../../electron/core/shared/domain.js';
import type { DirectoryData, ExtensionDetail } from '../../../electron/core/shared/contract.js';
import type { AppErrorData } from '../../../electron/core/shared/errors.js';
import { app } from './app.svelte.js';
import { bridge } from './bridge.js';
import { i18n } from './i18n.svelte.js';
import { DirectorySearch, buildIndex, sortSubset, type SearchIndex } from './search.js';
import { contactEntry, contactKeyOf, type EntryKind, isContact } from './contact-entries.js';

export type SortKey = 'relevance' | 'number' | 'name';

/** Call counts younger than this are shown as they are when the details open, not fetched again. */
export const COUNTS_FRESH_MS = 2 * 60_000;

export interface QueueChip {
  id: string;
  name: string;
  members: number;
}

/**
 * The cached directory, asked for as soon as the renderer starts (alongside the profile list and
 * settings, not after them): with 100,000 extensions it is the longest wait before first paint.
 */
let early: ReturnType<typeof bridge.directory.get> | null = bridge.directory.get();

/**
 * Builds the search strings once the rows are on screen, in slices short enough that a key typed
 * meanwhile is handled at once (a search before the end builds the rest on the spot).
 */
function warmAfterPaint(index: SearchIndex, current: () => boolean): void {
  const slice = () => {
    if (current() && !index.warm(8)) setTimeout(slice, 0);
  };
  requestAnimationFrame(() => setTimeout(slice, 0));
}

export class DirectoryState {
  /** null until the first load answers; `empty` when there is no snapshot yet. */
  loaded = $state<'pending' | 'empty' | 'ready'>('pending');
  data = $state.raw<DirectoryData | null>(null);
  index = $state.raw<SearchIndex | null>(null);
  loadError = $state<AppErrorData | null>(null);

  query = $state('');
  queue = $state<string | null>(null);
  /** Extensions, phonebook contacts, or both (contacts are rows of the same list and index). */
  kind = $state<EntryKind>('both');
  /** How many of the listed entries are contacts (0: the PBX has no phonebook). */
  contactCount = $state(0);
  /** The phonebook contacts as the core keeps them (a contact's details show these fields). */
  contacts = $state.raw<Contact[]>([]);
  sort = $state<SortKey>('relevance');
  /** Position of the highlighted row within `rows`. */
  active = $state(0);
  /** The extension shown in the detail pane. */
  openId = $state<string | null>(null);
  detail = $state.raw<ExtensionDetail | null>(null);
  /** Extensions whose details are being fetched: the pane shows "Refreshing…" for its own only. */
  #busy = $state<string[]>([]);
  detailBusy = $derived(this.openId !== null && this.#busy.includes(this.openId));

  #search: DirectorySearch | null = null;
  /** Details fetched in this session, by extension id: reopened, they show at once with their age. */
  // Not reactive on purpose: read only when a pane opens.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #fetched = new Map<string, ExtensionDetail>();
  // Built once per load (by name: on first use) so an empty query or a sort change never copies
  // 100,000 indexes.
  #byNumber: number[] = [];
  #byName: number[] | null = null;

  queues = $derived.by<QueueChip[]>(() => {
    const counts: Record<string, QueueChip> = Object.create(null);
    for (const ext of this.index?.extensions ?? []) {
      for (const q of ext.queues) {
        const chip = counts[q.id];
        if (chip) chip.members++;
        else counts[q.id] = { id: q.id, name: q.name, members: 1 };
      }
    }
    const collator = i18n.collator();
    return Object.values(counts).sort((a, b) => collator.compare(a.name, b.name));
  });

  /** Which extensions belong to the selected queue, as a mask over the index (built per queue). */
  #queueMask = $derived.by<Uint8Array | null>(() => {
    const index = this.index;
    const id = this.queue;
    const kind = this.kind;
    if (!index || (!id && kind === 'both')) return null;
    const mask = new Uint8Array(index.extensions.length);
    index.extensions.forEach((e, i) => {
      const contact = isContact(e);
      if (kind === (contact ? 'extensions' : 'contacts')) return;
      if (!id || e.queues.some((q) => q.id === id)) mask[i] = 1;
    });
    return mask;
  });

  /** Indexes into index.extensions, in display order. */
  rows = $derived.by<readonly number[]>(() => {
    const index = this.index;
    if (!index || !this.#search) return [];
    const found = this.#search.run(this.query);
    const mask = this.#queueMask;
    const sort = this.sort;
    // Name order follows the window's language (collation differs between languages).
    if (index.setLocale(i18n.lang)) this.#byName = null;
    let out: number[];
    if (found === null) {
      out = sort === 'name' ? (this.#byName ??= Array.from(index.byName)) : this.#byNumber;
    } else {
      out = found;
      if (sort !== 'relevance') sortSubset(index, out, sort);
    }
    return mask ? out.filter((i) => mask[i] === 1) : out;
  });

  total = $derived((this.index?.extensions.length ?? 0) - this.contactCount);
  /** How many listed rows are contacts (the rest are extensions). */
  shownContacts = $derived.by(() => {
    const exts = this.index?.extensions;
    if (!exts || this.contactCount === 0) return 0;
    let n = 0;
    for (const i of this.rows) if (isContact(exts[i]!)) n++;
    return n;
  });
  activeExtension = $derived.by<Extension | null>(() => {
    const i = this.rows[this.active];
    return i === undefined ? null : (this.index?.extensions[i] ?? null);
  });
  openExtension = $derived.by<Extension | null>(() => {
    if (!this.openId) return null;
    if (this.detail?.extension.id === this.openId) return this.detail.extension;
    return this.index?.extensions.find((e) => e.id === this.openId) ?? null;
  });

  async load(): Promise<void> {
    const pending = early;
    early = null;
    let r = pending ? await pending : null;
    // Only an answer for the profile now shown will do; anything else is asked for again.
    if (!r?.ok || r.data?.profileId !== app.activeId) r = await bridge.directory.get();
    if (!r.ok) {
      this.loadError = r.error;
      if (this.loaded === 'pending') this.loaded = 'empty';
      return;
    }
    this.loadError = null;
    if (!r.data) {
      this.data = null;
      this.index = null;
      this.#search = null;
      this.loaded = 'empty';
      return;
    }
    // A refresh that changed the directory updates it in place: the highlighted extension stays
    // highlighted wherever it now sits (query, queue, sort and the open details are kept as is).
    const keep = this.activeExtension?.id ?? null;
    // Contacts are cached by the core (synced after each directory sync); a PBX without
    // phonebooks, or one that failed, simply lists none.
    const c = await bridge.contacts.list();
    const contacts = c.ok ? c.data.contacts.map(contactEntry) : [];
    this.contacts = c.ok ? c.data.contacts : [];
    this.contactCount = contacts.length;
    const index = buildIndex(r.data.extensions, contacts, i18n.lang);
    this.#search = new DirectorySearch(index);
    this.#byNumber = Array.from({ length: index.extensions.length }, (_, i) => i);
    this.#byName = null;
    this.data = r.data;
    this.index = index;
    this.loaded = 'ready';
    if (keep !== null) {
      const at = this.rows.findIndex((i) => index.extensions[i]?.id === keep);
      if (at >= 0) this.active = at;
    }
    this.clamp();
    warmAfterPaint(index, () => this.index === index);
  }

  reset(): void {
    this.#fetched.clear();
    this.data = null;
    this.index = null;
    this.#search = null;
    this.loaded = 'pending';
    this.query = '';
    this.queue = null;
    this.openId = null;
    this.detail = null;
    this.active = 0;
  }

  setQuery(q: string): void {
    this.query = q;
    this.active = 0;
  }

  setKind(kind: EntryKind): void {
    this.kind = kind;
    this.active = 0;
  }

  setQueue(id: string | null): void {
    this.queue = this.queue === id ? null : id;
    this.active = 0;
  }

  move(delta: number): void {
    const n = this.rows.length;
    if (n === 0) return;
    this.active = Math.min(n - 1, Math.max(0, this.active + delta));
  }

  moveTo(pos: number): void {
    this.active = Math.min(Math.max(0, pos), Math.max(0, this.rows.length - 1));
  }

  clamp(): void {
    if (this.active >= this.rows.length) this.active = Math.max(0, this.rows.length - 1);
  }

  /**
   * Shows an extension's details and, unless its call counts are recent, fetches them (with the
   * rest of the extension) so no Refresh is needed; until they arrive the saved counts show with
   * their age.
   */
  open(ext: Extension | null = this.activeExtension): void {
    if (!ext) return;
    this.openId = ext.id;
    if (this.detail?.extension.id !== ext.id) this.detail = this.#fetched.get(ext.id) ?? null;
    // A contact has nothing more to fetch: its phonebook entry is all there is.
    const asOf = (this.detail?.extension ?? ext).cdr?.asOf ?? 0;
    if (!isContact(ext) && Date.now() - asOf > COUNTS_FRESH_MS) void this.refreshOpen();
  }

  close(): void {
    this.openId = null;
    this.detail = null;
  }

  async refreshOpen(): Promise<void> {
    const id = this.openId;
    if (!id || id.startsWith('contact:') || this.#busy.includes(id)) return;
    this.#busy = [...this.#busy, id];
    const r = await bridge.directory.extension({ id });
    this.#busy = this.#busy.filter((b) => b !== id);
    if (r.ok) this.#fetched.set(id, r.data);
    if (this.openId !== id) return;
    if (r.ok) this.detail = r.data;
    else {
      const ext = this.openExtension;
      if (ext) this.detail = { extension: ext, fresh: false, error: r.error };
    }
  }

  /** The rows currently listed (search and filters applied), for export: extension ids and
   *  contact keys apart, as the core takes them. */
  visible(): { ids: string[]; contactKeys?: string[] } {
    const exts = this.index?.extensions ?? [];
    const ids: string[] = [];
    const contactKeys: string[] = [];
    for (const i of this.rows) {
      const key = contactKeyOf(exts[i]!);
      if (key === null) ids.push(exts[i]!.id);
      else contactKeys.push(key);
    }
    return contactKeys.length ? { ids, contactKeys } : { ids };
  }
}
