// Turns a number from the directory into the one link the OS may open to place a call. The
// main process opens only what this returns, so a crafted "number" cannot reach
// shell.openExternal as a file:, javascript: or arbitrary URL (the risk this closes).
import { AppError } from '../app-error.js';
import type { DialScheme } from '../shared/domain.js';

const DIALABLE = /^\+?[0-9*#]{1,32}$/;
const SIP_USER = /^[A-Za-z0-9._~+*#-]{1,64}$/;
const HOST = /^(?:[A-Za-z0-9-]{1,63}\.)*[A-Za-z0-9-]{1,63}$|^\[[0-9A-Fa-f:.]+\]$/;

/** Visual separators people type or PBXs print: spaces, dashes, dots, brackets. */
function compact(number: string): string {
  return number.trim().replace(/[\s().-]/g, '');
}

export function buildDialUri(number: string, scheme: DialScheme, pbxHost: string | null): string {
  const raw = number.trim();
  if (scheme === 'sip') {
    const at = raw.indexOf('@');
    const user = at >= 0 ? raw.slice(0, at) : compact(raw);
    const host = at >= 0 ? raw.slice(at + 1) : pbxHost;
    if (!SIP_USER.test(user) || !host || !HOST.test(host)) throw new AppError('INVALID_LINK');
    return `sip:${user}@${host}`;
  }
  const digits = compact(raw);
  if (!DIALABLE.test(digits)) throw new AppError('INVALID_LINK');
  // '#' would start a URI fragment: percent-encode it; '*' and '+' are allowed in tel: (RFC 3966).
  return `${scheme}:${digits.replace(/#/g, '%23')}`;
}

/** The only schemes shell.openExternal may receive, and a check that the link is one we built. */
export function isSafeExternalLink(uri: string): boolean {
  const m = /^(tel|callto|sip|mailto):(.+)$/.exec(uri);
  if (!m) return false;
  const [, scheme, rest = ''] = m;
  if (scheme === 'mailto') return /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}$/.test(rest);
  if (scheme === 'sip') {
    const [user = '', host = ''] = rest.split('@');
    return SIP_USER.test(user) && HOST.test(host) && rest.split('@').length === 2;
  }
  return /^\+?[0-9*]*(%23[0-9*]*)*$/.test(rest) && rest.length > 0 && rest.length <= 64;
}
