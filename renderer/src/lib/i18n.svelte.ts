// The window's language: the browser's (navigator.languages: the OS locale in Electron and in the
// browser host) unless the settings name one, switched at once when the setting changes. `t` reads
// the current language, so every text that uses it re-renders when it changes; nothing restarts.
import {
  type Language,
  type LanguageSetting,
  pickLanguage,
  resolveLanguage,
} from '../../../electron/core/shared/i18n/languages.js';
import * as fmt from '../../../electron/core/shared/i18n/formats.js';
import { Translator, type TFunction } from '../../../electron/core/shared/i18n/translator.js';

const systemLanguages = (): readonly string[] =>
  typeof navigator === 'undefined' ? [] : navigator.languages;

class I18n {
  lang = $state<Language>(pickLanguage(systemLanguages()));
  readonly #translator = new Translator(this.lang);

  constructor() {
    this.#mark();
  }

  /** Looks a message up; reading `lang` makes the caller re-run when the language changes. */
  readonly t = ((...args: unknown[]) => {
    void this.lang;
    return (this.#translator.t as unknown as (...a: unknown[]) => string)(...args);
  }) as unknown as TFunction;

  /** Follows the settings' choice ('system' or none: the browser's languages). */
  apply(setting: LanguageSetting | undefined): void {
    const next = resolveLanguage(setting, systemLanguages());
    if (next === this.lang) return;
    this.#translator.setLanguage(next);
    this.lang = next;
    this.#mark();
  }

  /** Whether a message exists (for keys built from data, such as an error's code and reason). */
  has(key: string): boolean {
    void this.lang;
    return this.#translator.has(key);
  }

  // Screen readers pick their voice from the document's language.
  #mark(): void {
    if (typeof document !== 'undefined') document.documentElement.lang = this.lang;
  }

  number = (n: number): string => fmt.formatNumber(this.lang, n);
  dateTime = (epochMs: number): string => fmt.formatDateTime(this.lang, epochMs);
  duration = (seconds: number): string => fmt.spokenDuration(this.lang, seconds);
  /** "synced 4 min ago" without the "synced": "4 min ago", "hace 4 min" or "just now". */
  ago = (then: number, now: number): string =>
    fmt.relativeAge(this.lang, then, now) ?? this.t('time.justNow');
  collator = (): Intl.Collator => fmt.collator(this.lang);
}

export const i18n = new I18n();
export const t: TFunction = i18n.t;
