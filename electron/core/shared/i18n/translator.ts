// The catalogues and the translator every front end uses: the window, the main process (tray,
// notifications) and the CLI. i18next does the lookups, plurals (Intl.PluralRules) and number
// formatting in placeholders ({{count, number}}); the catalogues are bundled, so nothing is
// fetched at run time, and i18next never compiles code, so the window's CSP needs no eval.
import i18next, { type i18n, type Resource, type TFunction } from 'i18next';
import en from './locales/en.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import ptBR from './locales/pt-BR.json' with { type: 'json' };
import type { Language } from './languages.js';

// English is the source: every key and placeholder the code uses is typed from en.json, so a
// misspelt key or a missing placeholder fails the type-check.
declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const CATALOGUES: Record<Language, Resource[string][string]> = { en, es, 'pt-BR': ptBR };

export type { TFunction };

const shared = new Map<Language, Translator>();

/** One translator per language, for callers that only read (the main process, the CLI). */
export function translatorFor(lang: Language): Translator {
  let tr = shared.get(lang);
  if (!tr) shared.set(lang, (tr = new Translator(lang)));
  return tr;
}

export class Translator {
  readonly #i18n: i18n;
  #lang: Language;
  #fixed: TFunction;

  constructor(lang: Language) {
    this.#lang = lang;
    this.#i18n = i18next.createInstance();
    void this.#i18n.init({
      lng: lang,
      fallbackLng: 'en',
      resources: Object.fromEntries(Object.entries(CATALOGUES).map(([l, c]) => [l, { translation: c }])),
      initAsync: false,
      // Svelte escapes text and the tray and CLI are not HTML: escaping here would double it.
      interpolation: { escapeValue: false },
    });
    this.#fixed = this.#i18n.getFixedT(lang);
  }

  get lang(): Language {
    return this.#lang;
  }

  setLanguage(lang: Language): void {
    this.#lang = lang;
    this.#fixed = this.#i18n.getFixedT(lang);
  }

  has(key: string): boolean {
    return this.#i18n.exists(key, { lng: this.#lang });
  }

  /** Looks a message up in the current language (a fresh function each call keeps `this`). */
  get t(): TFunction {
    return this.#fixed;
  }
}
