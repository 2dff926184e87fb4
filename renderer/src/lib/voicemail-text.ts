// The voicemail UI's words for data: caller, folder, playback rate, an action's outcome. Kept
// beside voicemail-format.ts (which stays language-free for the Node unit tests).
import type { VoicemailMessage } from '../../../electron/core/shared/contract.js';
import { i18n, t } from './i18n.svelte.js';
import type { Note } from './voicemail.svelte.js';
import { callerName, folderKey } from './voicemail-format.js';

export function callerText(r: VoicemailMessage): string {
  return callerName(r) ?? t('voicemail.unknownCaller');
}

export function folderText(folder: string): string {
  const key = folderKey(folder);
  return key ? t(key) : folder;
}

export function rateText(rate: number): string {
  return t('player.rate', { rate });
}

export function noteText(note: Note | null): string {
  if (!note) return '';
  if (note.kind === 'saved') return t('voicemail.savedTo', { path: note.path });
  const key = {
    marked: 'voicemail.marked',
    markedAtEnd: 'voicemail.markedAtEnd',
    deleted: 'voicemail.deleted',
    download: 'voicemail.download',
  } as const;
  return t(key[note.kind]);
}

export function dateText(r: VoicemailMessage): string {
  return r.date ? i18n.dateTime(r.date * 1000) : t('time.noDate');
}
