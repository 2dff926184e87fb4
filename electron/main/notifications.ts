// Desktop notifications for new voicemail in the agent's own mailbox. The first poll after start
// reports what is already there (newKeys empty) and must not notify; only new messages do.
import { Notification } from 'electron';
import type { EventPayloads } from '../core/shared/contract.js';

export function voicemailNotice(
  payload: EventPayloads['voicemail:new'],
): { title: string; body: string } | null {
  const count = payload.newKeys.length;
  if (count === 0) return null;
  return {
    title: count === 1 ? 'New voicemail' : `${count} new voicemails`,
    body: `Mailbox ${payload.mailbox}: ${payload.unread} unread. Click to open the directory.`,
  };
}

export function notifyNewVoicemail(
  payload: EventPayloads['voicemail:new'],
  onClick: () => void,
): Notification | null {
  const notice = voicemailNotice(payload);
  if (!notice || !Notification.isSupported()) return null;
  const notification = new Notification({ ...notice, silent: false });
  notification.on('click', onClick);
  notification.show();
  return notification;
}

/** The one-time explanation shown the first time closing the window hides it to the tray. */
export function notifyStillRunning(onClick: () => void): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({
    title: 'VitalPBX Directory is still running',
    body: 'It keeps the directory up to date in the tray. Use the tray menu’s Quit to close it.',
  });
  notification.on('click', onClick);
  notification.show();
  return true;
}
