// Turns socket, TLS and HTTP-level failures into AppErrors with stable codes, and remembers which
// of them a GET may retry (network trouble and 5xx) without exposing that flag to callers.
import { AppError } from '../app-error.js';
import type { AppErrorData, ErrorCode } from '../shared/errors.js';

const retryable = new WeakSet<AppError>();

export function markRetryable(err: AppError): AppError {
  retryable.add(err);
  return err;
}

export function isRetryable(err: unknown): boolean {
  return err instanceof AppError && retryable.has(err);
}

/** Node/OpenSSL verification failures: the chain or name does not check out against the CA store. */
export const CERT_UNTRUSTED_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EADDRNOTAVAIL',
  'ERR_SOCKET_CLOSED',
  'UND_ERR_SOCKET',
]);

function errCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function cancelled(): AppError {
  return new AppError('CANCELLED');
}

const TIMEOUT_MESSAGES: Record<TimeoutPhase, string | undefined> = {
  connect: undefined,
  response: undefined,
  body: 'The PBX stopped sending in the middle of its answer. The network or the PBX may be overloaded; try again shortly.',
  total:
    "The PBX's answer was still arriving long after any directory should have. Check the network, or ask your PBX administrator how large the directory is.",
};

/**
 * connect: no connection; response: no answer; body: the answer stalled (nothing arrived for the
 * idle limit); total: the overall safety cap ran out while bytes were still trickling in.
 */
export type TimeoutPhase = 'connect' | 'response' | 'body' | 'total';

export function timeoutError(phase: TimeoutPhase): AppError {
  const err = new AppError('PBX_TIMEOUT', TIMEOUT_MESSAGES[phase], { detail: { phase } });
  // A connect timeout is cheap to retry; the others have already waited long enough.
  return phase === 'connect' ? markRetryable(err) : err;
}

/** Maps an error raised before any response arrived (connect, TLS, send). */
export function connectError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = errCode(err);
  if (CERT_UNTRUSTED_CODES.has(code)) {
    return new AppError('TLS_UNTRUSTED', undefined, { cause: err, detail: { reason: code } });
  }
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || code === 'EPROTO') {
    return new AppError('TLS_ERROR', undefined, { cause: err, detail: { reason: code } });
  }
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_HTTP_INVALID_HEADER_VALUE') {
    // Never echo the offending value: it may be the app key.
    return new AppError(
      'INVALID_REQUEST',
      'The tenant or app key contains characters that cannot be sent to the PBX. Re-enter them in the connection settings.',
      { cause: err, detail: { reason: code } },
    );
  }
  const detail: AppErrorData['detail'] = code ? { reason: code } : {};
  const mapped = new AppError('PBX_UNREACHABLE', undefined, { cause: err, detail });
  // Only known network failures are retried; an unexpected error is reported at once.
  return UNREACHABLE_CODES.has(code) ? markRetryable(mapped) : mapped;
}

/**
 * The connection dropped while the answer was arriving (a reset, a proxy or PBX crash): a network
 * failure, not a sign that the address is wrong, so it is not reported as an unreadable answer.
 * The answer is unusable, but a GET may retry.
 */
export function droppedError(cause?: unknown): AppError {
  const reason = errCode(cause) || 'incomplete';
  return markRetryable(new AppError('CONNECTION_DROPPED', undefined, { cause, detail: { reason } }));
}

export function bodyTooLarge(limit: number): AppError {
  return new AppError('BODY_TOO_LARGE', undefined, { detail: { limitBytes: limit } });
}

/** The code an HTTP error status stands for, or null for 2xx. */
export function codeForStatus(status: number): ErrorCode | null {
  if (status >= 200 && status < 300) return null;
  if (status === 401) return 'AUTH_BAD_KEY';
  if (status === 403) return 'AUTH_FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 501) return 'NOT_SUPPORTED';
  return 'PBX_ERROR';
}

/** 5xx (other than 501 "not implemented", which will not change on retry) is worth a retry. */
export function statusRetryable(status: number): boolean {
  return status >= 500 && status !== 501;
}
