// Every error a user or a script can meet, with a stable code and a sentence that says what
// happened and what to do. Errors cross IPC and the CLI as data ({ code, message }), never as
// thrown objects, so the code survives every boundary. Node-free: the renderer imports this.

export const ERROR_CODES = {
  PBX_UNREACHABLE: 'The PBX could not be reached. Check the address and your network, then try again.',
  PBX_TIMEOUT: 'The PBX did not answer in time. It may be busy or the network slow; try again shortly.',
  CONNECTION_DROPPED:
    'The connection to the PBX dropped while its answer was arriving. Try again; if it keeps happening, check the network.',
  AUTH_BAD_KEY:
    'The PBX rejected the app key. Ask your PBX administrator for a valid key and enter it again.',
  AUTH_FORBIDDEN:
    'The PBX refused the request: the app key may be wrong, or not allowed to read this data. Check the key, or ask your PBX administrator to grant it.',
  TENANT_EMPTY:
    'The PBX returned no extensions for this tenant. Check the tenant name or id in the connection settings.',
  NOT_SUPPORTED: 'This PBX does not support that operation.',
  NOT_FOUND: 'The PBX does not know that item any more. Sync the directory and try again.',
  API_NOT_FOUND:
    'The address does not point at the VitalPBX API (it answered 404 Not Found). Check the host, the port and any path before /api/v2.',
  PBX_ERROR: 'The PBX reported an error. Try again later; if it persists, tell your PBX administrator.',
  INVALID_RESPONSE:
    'The PBX sent an answer the app cannot read (not the expected JSON). Check that the address points to the VitalPBX API.',
  BODY_TOO_LARGE: 'The PBX sent more data than the app accepts. Tell your PBX administrator.',
  TLS_UNTRUSTED:
    "The PBX's certificate is not trusted. Compare its fingerprint with your administrator's before trusting it.",
  TLS_CHANGED:
    "The PBX's certificate has changed since you trusted it. Do not continue until your administrator confirms the new fingerprint.",
  TLS_ERROR: 'A secure connection to the PBX could not be set up. Check the address and the PBX certificate.',
  NO_TLS_CERTIFICATE:
    'No TLS certificate could be read at that address: nothing answered there, or it does not speak TLS. Check the address and port.',
  PROBE_RATE_LIMITED: 'Too many certificate checks in a short time. Wait a minute, then try again.',
  INSECURE_HTTP:
    'This profile uses plain http://, which sends the app key unencrypted. Allow plain HTTP in the profile or use https://.',
  KEYCHAIN_UNAVAILABLE:
    "The system keychain is not available, so the app key cannot be stored or read. Start your desktop's keyring service, or keep the key for this session only.",
  KEYCHAIN_LOCKED: 'The system keychain is locked. Unlock it (log in to your keyring) and try again.',
  KEYCHAIN_TIMEOUT:
    'The system keychain did not answer. Unlock it if it is waiting for a password, then try again.',
  NO_APP_KEY: 'No app key is stored for this profile. Enter the app key in the connection settings.',
  KEY_REQUIRED:
    'Enter the app key again: the address, tenant, certificate or plain-HTTP setting changed, and a stored key is only sent to the connection it was entered for.',
  POLICY_LOCKED: 'Your administrator has set this value for this computer; it cannot be changed here.',
  POLICY_INVALID: "The administrator's policy file cannot be used. Ask your administrator to fix it.",
  PROFILE_NOT_FOUND: 'That PBX profile does not exist. Choose another profile or create one.',
  CACHE_CORRUPT:
    'The saved directory was damaged; the last good copy was loaded instead. Sync to refresh it.',
  CACHE_UNAVAILABLE:
    'The saved data could not be read or written. Check the disk space and the data folder permissions.',
  NO_SNAPSHOT: 'No directory has been synced for this profile yet. Connect to the PBX and sync.',
  SYNC_IN_PROGRESS: 'A sync is already running for this profile. Wait for it to finish.',
  CANCELLED: 'The operation was cancelled.',
  AUDIO_INVALID: 'The voicemail audio file is damaged or in a format the app cannot play.',
  AUDIO_TOO_LONG:
    'This voicemail is longer than the 30 minutes the app plays. Listen to it on your phone, or ask your PBX administrator.',
  AUDIO_UNAVAILABLE: 'This message is not cached and the PBX cannot be reached. Play it again when online.',
  AUDIO_LINK_REFUSED:
    'The PBX gave a voicemail audio link outside its own address (another host, port or scheme), so the app did not send the key there. Tell your PBX administrator.',
  VOICEMAIL_DISABLED: "Viewing other extensions' voicemail is turned off in this profile's settings.",
  INVALID_REQUEST: 'The app sent a malformed request. This is a bug; please report it.',
  UNKNOWN_CHANNEL: 'The app asked for an operation that does not exist. This is a bug; please report it.',
  FORBIDDEN_SENDER: 'The request did not come from the app window and was refused.',
  SHORTCUT_NOT_ALLOWED:
    'That global shortcut would take keys other applications need. Use a function key, or at least two modifiers with Ctrl, Alt or Super, like Ctrl+Alt+D.',
  INVALID_LINK: 'That number cannot be dialled: only digits, +, *, # and SIP addresses are allowed.',
  CALL_REFUSED:
    'The PBX did not place the call. Check "my extension" in the profile and the number, then try again.',
  CALL_IN_PROGRESS: 'A call is already being placed. Wait for its outcome before placing another.',
  NO_MY_EXTENSION:
    'This profile has no "my extension", so the PBX does not know which phone to ring. Set it in the connection settings.',
  INVALID_NUMBER:
    'That number cannot be dialled: use digits, with an optional leading + (spaces, dashes and brackets are fine).',
  INTERNAL: 'Something went wrong inside the app. Try again; if it persists, please report it.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Extra facts for the UI (e.g. a certificate fingerprint, an HTTP status). Never secrets. */
  detail?: Record<string, string | number | boolean | null>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorData };

export function errorData(code: ErrorCode, message?: string, detail?: AppErrorData['detail']): AppErrorData {
  return detail
    ? { code, message: message ?? ERROR_CODES[code], detail }
    : { code, message: message ?? ERROR_CODES[code] };
}
