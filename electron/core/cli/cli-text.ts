// The command line's words, in the language of its locale (LC_ALL, LC_MESSAGES, LANG). English
// is what scripts have always read, byte for byte: the English catalogue holds the CLI's
// sentences exactly as they were, numbers unformatted. `error CODE:` starts an error line in every
// language, so a script can still match the code.
import { AppError } from '../app-error.js';
import { languageFromEnv, type Language } from '../shared/i18n/languages.js';
import { translatorFor, type TFunction } from '../shared/i18n/translator.js';

let language: Language = 'en';

/** Chooses the language from the environment, as POSIX programs do. */
export function useLocale(env: Record<string, string | undefined>): void {
  language = languageFromEnv(env);
}

/** Looks a message up in the CLI's language. */
export const say = ((...args: unknown[]) =>
  (translatorFor(language).t as unknown as (...a: unknown[]) => string)(...args)) as unknown as TFunction;

/** A usage mistake (exit status 2), worded in the CLI's language. */
export function usageError(message: string): AppError {
  return new AppError('INVALID_REQUEST', say('cli.usage', { message }), { detail: { worded: true } });
}

/** An error the CLI words itself (not the core's sentence for the code). */
export function wordedError(code: AppError['code'], message: string): AppError {
  return new AppError(code, message, { detail: { worded: true } });
}

/** `error CODE: sentence`: English prints the core's sentence as it always has; other languages
 *  the catalogue's sentence for the code, unless the CLI worded the error itself. */
export function errorLine(e: AppError): string {
  const own = language === 'en' || e.detail?.worded === true;
  return `error ${e.code}: ${own ? e.message : say(`errors.${e.code}` as 'errors.INTERNAL')}\n`;
}
