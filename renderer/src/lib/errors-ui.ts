// How an error from the core reads in the window: a short title for its code, and its sentence in
// the window's language. The core speaks English data (a stable code, sometimes a detail such as
// a reason); the catalogue turns the code, and a reason it knows, into the sentence to show.
import { ERROR_CODES, type AppErrorData, type ErrorCode } from '../../../electron/core/shared/errors.js';
import { i18n, t } from './i18n.svelte.js';

const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && Object.hasOwn(ERROR_CODES, v);

export function errorTitle(error: AppErrorData): string {
  const key = `errorTitles.${error.code}`;
  return i18n.has(key) ? t(key as 'errorTitles.INTERNAL') : t('common.somethingWrong');
}

export function errorMessage(error: AppErrorData): string {
  const reason = error.detail?.reason;
  const specific = typeof reason === 'string' ? `errorReasons.${error.code}.${reason}` : null;
  if (specific && i18n.has(specific)) {
    // A reason can quote another error (causeCode): that one is translated too.
    const cause = error.detail?.causeCode;
    const values = { ...error.detail };
    if (isErrorCode(cause))
      values.message = errorMessage({ code: cause, message: String(values.message ?? '') });
    return t(specific as 'errorReasons.INTERNAL.host-stopped', values);
  }
  // A sentence the core wrote for this case (naming a file, a field, an option) is more precise
  // than the code's general one: English shows it as written, other languages the code's.
  if (i18n.lang === 'en' && error.message !== ERROR_CODES[error.code]) return error.message;
  const key = `errors.${error.code}`;
  return i18n.has(key) ? t(key as 'errors.INTERNAL') : error.message;
}
