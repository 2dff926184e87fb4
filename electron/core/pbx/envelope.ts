// Judges a PBX answer: anything but (2xx AND status == "success") is a failure with a stable code;
// HTML pages and broken JSON are INVALID_RESPONSE; the server's own `message` is shown, cleaned,
// capped and with the app key blanked out in case the server echoes it.
import { z } from 'zod';
import { AppError } from '../app-error.js';
import { ERROR_CODES, type ErrorCode } from '../shared/errors.js';
import type { HttpResult } from './http.js';
import { codeForStatus, markRetryable, statusRetryable } from './net-errors.js';

const EnvelopeSchema = z.object({ status: z.string(), message: z.unknown().optional() });

const MESSAGE_CAP = 200;
const KEY_MESSAGE_RE =
  /unauthori[sz]ed|authenticat|(invalid|wrong|bad|missing|unknown|expired|incorrect)\W+(\w+\W+){0,2}(app|api)?[-_ ]?(key|token)|(key|token)\W+(\w+\W+){0,2}(invalid|wrong|not valid|missing|expired|incorrect|denied)/i;
const UNSUPPORTED_RE = /invalid operation|not supported|not implemented/i;

/** Strips markup and control characters, blanks secrets, collapses space and caps the length. */
export function sanitizeServerMessage(raw: unknown, secrets: readonly string[]): string | null {
  if (typeof raw !== 'string') return null;
  let s = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const secret of secrets) {
    if (secret.length >= 4) s = s.split(secret).join('[hidden]');
  }
  if (s === '') return null;
  return s.length > MESSAGE_CAP ? `${s.slice(0, MESSAGE_CAP - 1)}…` : s;
}

function looksLikeHtml(res: HttpResult): boolean {
  const type = String(res.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('html')) return true;
  for (let i = 0; i < res.body.length && i < 64; i++) {
    const c = res.body[i]!;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf)
      continue;
    return c === 0x3c; // '<'
  }
  return false;
}

function parseJson(body: Buffer): unknown {
  let text = body.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return JSON.parse(text);
}

export function failure(code: ErrorCode, status: number, serverMessage: string | null): AppError {
  const message = serverMessage ? `${ERROR_CODES[code]} The PBX said: "${serverMessage}".` : undefined;
  const detail: Record<string, string | number> = { status };
  if (serverMessage) detail.serverMessage = serverMessage;
  const err = new AppError(code, message, { detail });
  return statusRetryable(status) && code === 'PBX_ERROR' ? markRetryable(err) : err;
}

/** A 404 where the API must answer: shows the URL tried (it holds no secret; the key is a header). */
export function apiNotFound(url: URL, cause: AppError): AppError {
  const shown = url.toString();
  return new AppError(
    'API_NOT_FOUND',
    `The address does not point at the VitalPBX API: ${shown} answered 404 Not Found. Check the host, the port and any path before /api/v2.`,
    { cause, detail: { status: 404, url: shown } },
  );
}

function invalid(reason: string, status: number, cause?: unknown): AppError {
  return new AppError('INVALID_RESPONSE', undefined, { cause, detail: { reason, status } });
}

/** Error for a non-2xx answer; reads the JSON `message` when the body has one. */
export function httpFailure(res: HttpResult, secrets: readonly string[]): AppError {
  if (res.status >= 300 && res.status < 400) {
    // Redirects are not followed: the app key must not travel to wherever the PBX points.
    const location = sanitizeServerMessage(res.headers.location, secrets);
    return new AppError(
      'PBX_ERROR',
      'The PBX answered with a redirect to another address. Check the address in the profile (http:// or https://, port, path).',
      { detail: location ? { status: res.status, location } : { status: res.status } },
    );
  }
  let code = codeForStatus(res.status) ?? 'PBX_ERROR';
  let msg: string | null = null;
  if (!looksLikeHtml(res) && res.body.length <= 65536) {
    try {
      const parsed = EnvelopeSchema.partial().safeParse(parseJson(res.body));
      if (parsed.success) msg = sanitizeServerMessage(parsed.data.message, secrets);
    } catch {
      // Not JSON: the status alone decides.
    }
  }
  // A 403 that names the key is a rejected key, not a key without the right to read.
  if (code === 'AUTH_FORBIDDEN' && msg && KEY_MESSAGE_RE.test(msg)) code = 'AUTH_BAD_KEY';
  return failure(code, res.status, msg);
}

/**
 * Returns `data` of a successful envelope, or throws. `dataOptional` is for actions (mark
 * listened, delete) whose success body may carry no data.
 */
export function readEnvelope(res: HttpResult, secrets: readonly string[], dataOptional = false): unknown {
  if (codeForStatus(res.status) !== null) throw httpFailure(res, secrets);
  // An action (mark listened, delete) may succeed with 204 or an empty body.
  if (dataOptional && res.body.toString('utf8').trim() === '') return undefined;
  if (looksLikeHtml(res)) throw invalid('html', res.status);
  let json: unknown;
  try {
    json = parseJson(res.body);
  } catch (err) {
    throw invalid('json', res.status, err);
  }
  const env = EnvelopeSchema.safeParse(json);
  if (!env.success) throw invalid('envelope', res.status);
  const msg = sanitizeServerMessage(env.data.message, secrets);
  if (env.data.status.trim().toLowerCase() !== 'success') {
    let code: ErrorCode = 'PBX_ERROR';
    if (msg && KEY_MESSAGE_RE.test(msg)) code = 'AUTH_BAD_KEY';
    else if (msg && UNSUPPORTED_RE.test(msg)) code = 'NOT_SUPPORTED';
    throw failure(code, res.status, msg);
  }
  const raw = json as Record<string, unknown>;
  if (!dataOptional && !Object.hasOwn(raw, 'data')) throw invalid('envelope', res.status);
  return raw.data;
}
