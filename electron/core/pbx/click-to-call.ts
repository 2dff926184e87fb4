// Judges the answer to POST /core/click_to_call. Success is `status: "success"` (its `data` is
// unspecified, so only the `message` is read). Any other answer the PBX gave on purpose (4xx, or
// 200 with an error status) is CALL_REFUSED carrying the PBX's own message; key, network and 5xx
// failures keep their usual codes.
import { AppError } from '../app-error.js';
import { ERROR_CODES } from '../shared/errors.js';
import { readEnvelope, sanitizeServerMessage } from './envelope.js';
import type { HttpResult } from './http.js';
import { isObject } from './parse-values.js';

function refusal(err: unknown): unknown {
  if (!(err instanceof AppError)) return err;
  const status = typeof err.detail?.status === 'number' ? err.detail.status : 0;
  const refused = ['PBX_ERROR', 'NOT_FOUND', 'NOT_SUPPORTED'].includes(err.code) && status < 500;
  if (!refused) return err;
  const said = err.detail?.serverMessage;
  const message =
    typeof said === 'string'
      ? `${ERROR_CODES.CALL_REFUSED} The PBX said: "${said}".`
      : ERROR_CODES.CALL_REFUSED;
  return new AppError('CALL_REFUSED', message, { cause: err, detail: err.detail });
}

export function readClickToCall(res: HttpResult, secrets: readonly string[]): { message: string | null } {
  try {
    readEnvelope(res, secrets, true);
  } catch (err) {
    throw refusal(err);
  }
  try {
    const parsed: unknown = JSON.parse(res.body.toString('utf8'));
    return { message: isObject(parsed) ? sanitizeServerMessage(parsed.message, secrets) : null };
  } catch {
    return { message: null }; // an empty success body has no message to show
  }
}
