// Voicemail state: one mailbox's list (grouped by folder, with the selection and the message
// actions) and the app-wide count of the agent's new messages behind the "My voicemail" badge,
// fed by the core's poller (`voicemail:new`) and by every list the UI fetches.
import type { VoicemailList } from '../../../electron/core/shared/contract.js';
import type { VoicemailMessage } from '../../../electron/core/shared/contract.js';
import type { AppErrorData } from '../../../electron/core/shared/errors.js';
import { bridge } from './bridge.js';
import {
  type ActionName,
  classifyActionError,
  downloadName,
  findAgain,
  groupByFolder,
  neighbour,
  selectionAfterDelete,
} from './voicemail-format.js';

/** What a message action did, for the line under the player. */
export type Note =
  | { kind: 'marked' }
  | { kind: 'markedAtEnd' }
  | { kind: 'deleted' }
  | { kind: 'download' }
  | { kind: 'saved'; path: string };

/** The badge: unread messages in the agent's own INBOX, null while unknown. The core is its one
 *  source: its voicemail events, and their latest value for a window that loaded after them. */
class VoicemailInbox {
  unread = $state<number | null>(null);
  /** New messages to announce to screen readers (worded by the button, in the current language). */
  announced = $state(0);
  #heard = false;

  /** Follows the core's events; returns the unsubscribe function. */
  start(): () => void {
    const off = bridge.on('voicemail:new', ({ unread, newKeys }) => {
      this.#heard = true;
      this.unread = unread;
      if (newKeys.length > 0) this.announced = newKeys.length;
    });
    void bridge.events.latest().then((r) => {
      const latest = r.ok ? r.data['voicemail:new'] : null;
      if (latest && !this.#heard) this.unread = latest.unread;
    });
    return off;
  }

  /** Another profile: its mailbox is unknown until the core reports it. */
  reset(): void {
    this.unread = null;
    this.announced = 0;
  }
}

export const inbox = new VoicemailInbox();

let hostIsBrowser: Promise<boolean> | null = null;
/** The browser host cannot open a save dialog: there, "save as" downloads the WAV instead. */
export function isBrowserHost(): Promise<boolean> {
  hostIsBrowser ??= bridge.app.info().then((r) => r.ok && r.data.host === 'browser');
  return hostIsBrowser;
}

export function downloadWav(record: VoicemailMessage, wav: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([wav.slice().buffer], { type: 'audio/wav' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = downloadName(record);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export class MailboxState {
  list = $state.raw<VoicemailList | null>(null);
  loading = $state(false);
  /** Why there is no list at all (turned off, no "my extension", PBX down and nothing saved). */
  error = $state<AppErrorData | null>(null);
  selectedKey = $state<string | null>(null);
  busy = $state<ActionName | null>(null);
  actionError = $state<AppErrorData | null>(null);
  /** An action's outcome, worded at render time (see noteText in VoicemailPlayer). */
  note = $state<Note | null>(null);
  /** Actions this PBX answered "not implemented" to, with the explanation shown beside them. */
  unsupported = $state<Partial<Record<ActionName, true>>>({});
  #extraCached = $state<string[]>([]);

  groups = $derived(groupByFolder(this.list?.records ?? []));
  order = $derived(this.groups.flatMap((g) => g.records));
  selected = $derived(this.order.find((r) => r.key === this.selectedKey) ?? null);
  cachedKeys = $derived([...(this.list?.cached ?? []), ...this.#extraCached]);
  newCount = $derived(this.list?.unread ?? 0);

  /** `extensionId` undefined: the agent's own mailbox ("my extension"). */
  constructor(readonly extensionId?: string) {}

  get mine(): boolean {
    return this.extensionId === undefined;
  }

  async load(): Promise<void> {
    this.loading = true;
    const r = await bridge.voicemail.list(this.extensionId ? { extensionId: this.extensionId } : undefined);
    this.loading = false;
    if (r.ok) this.#apply(r.data);
    else {
      this.error = r.error;
      this.list = null;
    }
  }

  #apply(list: VoicemailList): void {
    const previous = this.selected;
    this.error = null;
    this.list = list;
    this.#extraCached = [];
    if (previous) this.selectedKey = findAgain(list.records, previous)?.key ?? null;
  }

  /** `keepNote`: an action's outcome ("Message deleted.") outlives the selection it caused. */
  select(key: string | null, keepNote = false): void {
    this.selectedKey = key;
    this.actionError = null;
    if (!keepNote) this.note = null;
  }

  step(direction: 1 | -1): string | null {
    const key = neighbour(this.order, this.selectedKey, direction);
    if (key) this.select(key);
    return key;
  }

  /** The core has just cached this message's audio (it caches on every fetch). */
  isCached(key: string): boolean {
    return this.cachedKeys.includes(key);
  }

  markCached(key: string): void {
    if (!this.isCached(key)) this.#extraCached = [...this.#extraCached, key];
  }

  async #act(action: 'markListened' | 'delete', record: VoicemailMessage): Promise<boolean> {
    if (!this.list) return false;
    this.busy = action;
    this.actionError = null;
    this.note = null;
    const req = { extensionId: this.list.extensionId, key: record.key };
    const r = await (action === 'delete' ? bridge.voicemail.delete(req) : bridge.voicemail.markListened(req));
    this.busy = null;
    if (r.ok) {
      this.#apply(r.data);
      return true;
    }
    const outcome = classifyActionError(action, r.error);
    if (outcome.kind === 'unsupported') this.unsupported = { ...this.unsupported, [action]: true };
    else this.actionError = outcome.error;
    return false;
  }

  /** `atEnd`: the message played to its end and the setting marks it heard then. */
  async markListened(record: VoicemailMessage, atEnd = false): Promise<boolean> {
    const ok = await this.#act('markListened', record);
    if (ok) this.note = { kind: atEnd ? 'markedAtEnd' : 'marked' };
    return ok;
  }

  async remove(record: VoicemailMessage): Promise<boolean> {
    const next = selectionAfterDelete(this.order, record.key);
    const ok = await this.#act('delete', record);
    if (ok) {
      this.selectedKey = next && this.order.some((r) => r.key === next) ? next : null;
      this.note = { kind: 'deleted' };
    }
    return ok;
  }

  /** Desktop: the core's save dialog. Browser host: a download of the bytes already loaded, or
   *  fetched now. */
  async saveAs(record: VoicemailMessage, loaded: Uint8Array | null): Promise<void> {
    if (!this.list) return;
    const extensionId = this.list.extensionId;
    this.busy = 'saveAs';
    this.actionError = null;
    this.note = null;
    try {
      if (await isBrowserHost()) {
        let wav = loaded;
        if (!wav) {
          const a = await bridge.voicemail.audio({ extensionId, key: record.key });
          if (!a.ok) return void (this.actionError = a.error);
          wav = a.data.wav;
          this.markCached(record.key);
        }
        downloadWav(record, wav);
        this.note = { kind: 'download' };
        return;
      }
      const r = await bridge.voicemail.saveAs({ extensionId, key: record.key });
      if (r.ok) this.note = r.data.saved ? { kind: 'saved', path: r.data.saved } : null;
      else {
        const outcome = classifyActionError('saveAs', r.error);
        if (outcome.kind === 'unsupported') this.unsupported = { ...this.unsupported, saveAs: true };
        else this.actionError = outcome.error;
      }
    } finally {
      this.busy = null;
    }
  }
}
