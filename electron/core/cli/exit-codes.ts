// The command line's exit status for each error code, so scripts can tell a dead PBX from a bad
// key without parsing text. Documented in the README.
import type { ErrorCode } from '../shared/errors.js';

export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  unreachable: 3,
  auth: 4,
  tls: 5,
  tenantEmpty: 6,
  badResponse: 7,
  keychain: 8,
  cache: 9,
  refused: 10,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'PBX_UNREACHABLE':
    case 'PBX_TIMEOUT':
    case 'CONNECTION_DROPPED':
      return EXIT.unreachable;
    case 'AUTH_BAD_KEY':
    case 'AUTH_FORBIDDEN':
    case 'NO_APP_KEY':
      return EXIT.auth;
    case 'TLS_UNTRUSTED':
    case 'TLS_CHANGED':
    case 'TLS_ERROR':
    case 'INSECURE_HTTP':
      return EXIT.tls;
    case 'TENANT_EMPTY':
      return EXIT.tenantEmpty;
    case 'INVALID_RESPONSE':
    case 'API_NOT_FOUND':
    case 'BODY_TOO_LARGE':
    case 'PBX_ERROR':
    case 'NOT_SUPPORTED':
    case 'NOT_FOUND':
      return EXIT.badResponse;
    case 'KEYCHAIN_UNAVAILABLE':
    case 'KEYCHAIN_LOCKED':
    case 'KEYCHAIN_TIMEOUT':
      return EXIT.keychain;
    case 'CACHE_CORRUPT':
    case 'CACHE_UNAVAILABLE':
    case 'NO_SNAPSHOT':
    case 'PROFILE_NOT_FOUND':
      return EXIT.cache;
    case 'INVALID_REQUEST':
    case 'INVALID_NUMBER':
      return EXIT.usage;
    case 'CALL_REFUSED':
      return EXIT.refused;
    default:
      return EXIT.other;
  }
}
