// Which voicemail folders hold messages not yet heard, shared by the core's count and the window.
// Deliberately free of zod: the renderer imports it, and zod's schemas test for eval on load,
// which the window's CSP reports.

/**
 * Not yet heard, so counted as new: INBOX, and Urgent, where Asterisk keeps an urgent message
 * until it is listened to (then both move it to Old).
 */
export function isUnheardFolder(folder: string): boolean {
  const f = folder.toUpperCase();
  return f === 'INBOX' || f === 'URGENT';
}
