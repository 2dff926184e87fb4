// Pure helpers for the voicemail UI: folder grouping and order, which catalogue message names a
// folder or an unsupported action, clock times, seek arithmetic, and download names. No runes,
// no DOM and no language (the components word things through i18n), so the unit tests run them
// in Node.
import type { VoicemailMessage } from '../../../electron/core/shared/contract.js';
import type { AppErrorData } from '../../../electron/core/shared/errors.js';
import { isUnheardFolder } from '../../../electron/core/shared/voicemail-folders.js';

export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
/** Arrow keys on the seek bar move this far. */
export const SEEK_STEP_SEC = 5;

export interface FolderGroup {
  folder: string;
  records: VoicemailMessage[];
}

// Urgent messages are new messages that matter most: they come first, before INBOX.
const FOLDER_RANK: Record<string, number> = { URGENT: 0, INBOX: 1, OLD: 2 };
const FOLDER_KEY = {
  INBOX: 'voicemail.folderInbox',
  URGENT: 'voicemail.folderUrgent',
  OLD: 'voicemail.folderOld',
} as const;

export function isNew(r: VoicemailMessage): boolean {
  return r.folder.toUpperCase() === 'INBOX';
}

/** Not yet heard: Asterisk keeps urgent messages in Urgent until they are listened to. */
export function isUnheard(r: VoicemailMessage): boolean {
  return isUnheardFolder(r.folder);
}

export function isUrgent(r: VoicemailMessage): boolean {
  return r.folder.toUpperCase() === 'URGENT';
}

/** The catalogue key naming a known folder; null for others, which show the PBX's own name. */
export function folderKey(folder: string): (typeof FOLDER_KEY)[keyof typeof FOLDER_KEY] | null {
  return FOLDER_KEY[folder.toUpperCase() as keyof typeof FOLDER_KEY] ?? null;
}

/** Known folders first (Urgent, INBOX, Old), others in the order the PBX returned them;
 *  newest message first within a folder. */
export function groupByFolder(records: readonly VoicemailMessage[]): FolderGroup[] {
  const groups = new Map<string, FolderGroup>();
  for (const r of records) {
    let g = groups.get(r.folder);
    if (!g) groups.set(r.folder, (g = { folder: r.folder, records: [] }));
    g.records.push(r);
  }
  const firstSeen = [...groups.keys()];
  const rank = (f: string) => FOLDER_RANK[f.toUpperCase()] ?? 10 + firstSeen.indexOf(f);
  const out = [...groups.values()].sort((a, b) => rank(a.folder) - rank(b.folder));
  for (const g of out) g.records.sort((a, b) => (b.date ?? 0) - (a.date ?? 0));
  return out;
}

/** The key `step` places away from `key` in the displayed order, or null at either end. */
export function neighbour(
  order: readonly VoicemailMessage[],
  key: string | null,
  step: 1 | -1,
): string | null {
  const i = order.findIndex((r) => r.key === key);
  if (i < 0) return order[0]?.key ?? null;
  return order[i + step]?.key ?? null;
}

/** After a refresh, where did the message go? Its key survives a move between folders when the
 *  PBX gives msg_id; otherwise (key = folder/msgNNNN) it is found again by date and caller. */
export function findAgain(
  records: readonly VoicemailMessage[],
  old: VoicemailMessage,
): VoicemailMessage | null {
  return (
    records.find((r) => r.key === old.key) ??
    records.find(
      (r) =>
        r.date !== null &&
        r.date === old.date &&
        r.caller.number === old.caller.number &&
        r.durationSec === old.durationSec,
    ) ??
    null
  );
}

/** What to select once `deletedKey` is gone: the next message, else the previous one. */
export function selectionAfterDelete(order: readonly VoicemailMessage[], deletedKey: string): string | null {
  const i = order.findIndex((r) => r.key === deletedKey);
  if (i < 0) return null;
  return order[i + 1]?.key ?? order[i - 1]?.key ?? null;
}

/** 0:07, 1:05, 1:02:03. */
export function clock(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–:––';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function clampSeek(target: number, duration: number): number {
  if (!Number.isFinite(target) || target < 0) return 0;
  return duration > 0 ? Math.min(target, duration) : 0;
}

const FORMAT_LABEL: Record<string, string> = { pcm16: 'PCM', gsm: 'GSM 6.10', mulaw: 'μ-law', alaw: 'A-law' };

/** The recording's format on the PBX (GSM arrives already decoded by the core). */
export function formatLabel(format: string): string {
  return FORMAT_LABEL[format] ?? format;
}

/** The directory's or the contacts' name for the caller first, then the caller ID's; null when
 *  there is none (shown as "Unknown caller"). */
export function callerName(r: VoicemailMessage): string | null {
  return r.known?.name.trim() || r.caller.name.trim() || r.caller.number || null;
}

/** The number beside the name, when a name is shown at all. */
export function callerNumber(r: VoicemailMessage): string | null {
  return (r.known?.name.trim() || r.caller.name.trim()) && r.caller.number ? r.caller.number : null;
}

export type ActionName = 'markListened' | 'delete' | 'saveAs';

export const UNSUPPORTED_KEY = {
  markListened: 'voicemail.unsupportedListened',
  delete: 'voicemail.unsupportedDelete',
  saveAs: 'voicemail.unsupportedSave',
} as const;

/** A PBX that answers "not implemented" has not failed: the action is simply not there. */
export function classifyActionError(
  action: ActionName,
  error: AppErrorData,
):
  | { kind: 'unsupported'; key: (typeof UNSUPPORTED_KEY)[ActionName] }
  | { kind: 'failed'; error: AppErrorData } {
  return error.code === 'NOT_SUPPORTED'
    ? { kind: 'unsupported', key: UNSUPPORTED_KEY[action] }
    : { kind: 'failed', error };
}

/** voicemail-101-2026-03-04-09-30.wav; falls back to the message number without a date. */
export function downloadName(r: VoicemailMessage): string {
  const stamp = r.date ? new Date(r.date * 1000).toISOString().slice(0, 16).replace(/[:T]/g, '-') : r.msg;
  const box = r.mailbox.split('@')[0] ?? r.mailbox;
  return `voicemail-${box}-${stamp}.wav`.replace(/[^A-Za-z0-9._-]/g, '_');
}
