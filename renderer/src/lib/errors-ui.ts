// Short titles for the core's error codes: the core's message says what happened and what to do;
// the title names the problem at a glance (dialog headings, status bar).
import type { AppErrorData, ErrorCode } from '../../../electron/core/shared/errors.js';

const TITLES: Partial<Record<ErrorCode, string>> = {
  PBX_UNREACHABLE: 'PBX unreachable',
  PBX_TIMEOUT: 'PBX not answering',
  CONNECTION_DROPPED: 'Connection dropped',
  AUTH_BAD_KEY: 'App key rejected',
  AUTH_FORBIDDEN: 'Key refused',
  TENANT_EMPTY: 'No extensions for this tenant',
  NOT_SUPPORTED: 'Not supported',
  NOT_FOUND: 'Not found',
  API_NOT_FOUND: 'Not the VitalPBX API',
  PBX_ERROR: 'PBX error',
  INVALID_RESPONSE: 'Not a VitalPBX API',
  BODY_TOO_LARGE: 'Answer too large',
  TLS_UNTRUSTED: 'Certificate not trusted',
  TLS_CHANGED: 'Certificate changed',
  TLS_ERROR: 'Secure connection failed',
  INSECURE_HTTP: 'Plain HTTP not allowed',
  KEYCHAIN_UNAVAILABLE: 'Keychain unavailable',
  KEYCHAIN_LOCKED: 'Keychain locked',
  KEYCHAIN_TIMEOUT: 'Keychain not answering',
  NO_APP_KEY: 'No app key',
  KEY_REQUIRED: 'App key needed again',
  POLICY_LOCKED: 'Set by your administrator',
  POLICY_INVALID: 'Policy file unusable',
  PROFILE_NOT_FOUND: 'Profile not found',
  CACHE_CORRUPT: 'Saved directory damaged',
  CACHE_UNAVAILABLE: 'Saved data unavailable',
  NO_SNAPSHOT: 'Not synced yet',
  SYNC_IN_PROGRESS: 'Sync already running',
  CANCELLED: 'Cancelled',
  INVALID_LINK: 'Cannot dial',
  INVALID_REQUEST: 'Invalid request',
  NO_TLS_CERTIFICATE: 'No certificate there',
  PROBE_RATE_LIMITED: 'Too many checks',
  AUDIO_INVALID: 'Cannot play this message',
  AUDIO_TOO_LONG: 'Message too long',
  AUDIO_UNAVAILABLE: 'Message not available offline',
  AUDIO_LINK_REFUSED: 'Audio link refused',
  VOICEMAIL_DISABLED: 'Voicemail not shown',
  SHORTCUT_NOT_ALLOWED: 'Shortcut not allowed',
  FORBIDDEN_SENDER: 'Request refused',
  UNKNOWN_CHANNEL: 'Unknown operation',
};

export function errorTitle(error: AppErrorData): string {
  return TITLES[error.code] ?? 'Something went wrong';
}
