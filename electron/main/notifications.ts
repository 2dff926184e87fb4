// Desktop notifications for new voicemail in the agent's own mailbox. The first poll after start
// reports what is already there (newKeys empty) and must not notify; only new messages do.
import { Notification } from 'electron';
import type { EventPayloads } from '../core/shared/contract.js';
import type { Language } from '../core/shared/i18n/languages.js';
import { translatorFor } from '../core/shared/i18n/translator.js';

export function voicemailNotice(
  payload: EventPayloads['voicemail:new'],
  language: Language,
): { title: string; body: string } | null {
  const count = payload.newKeys.length;
  if (count === 0) return null;
  const { t } = translatorFor(language);
  return {
    title: t('notify.newVoicemail', { count }),
    body: t('notify.newVoicemailBody', { mailbox: payload.mailbox, unread: payload.unread }),
  };
}

export function notifyNewVoicemail(
  payload: EventPayloads['voicemail:new'],
  language: Language,
  onClick: () => void,
): Notification | null {
  const notice = voicemailNotice(payload, language);
  if (!notice || !Notification.isSupported()) return null;
  const notification = new Notification({ ...notice, silent: false });
  notification.on('click', onClick);
  notification.show();
  return notification;
}

/** The one-time explanation shown the first time closing the window hides it to the tray. */
export function notifyStillRunning(language: Language, onClick: () => void): boolean {
  if (!Notification.isSupported()) return false;
  const { t } = translatorFor(language);
  const notification = new Notification({
    title: t('notify.stillRunning'),
    body: t('notify.stillRunningBody'),
  });
  notification.on('click', onClick);
  notification.show();
  return true;
}
