// Which of the app's languages to speak, from what the system or the user prefers. Node-free:
// the renderer (navigator.languages), the main process (app.getLocale()) and the CLI
// (LC_ALL / LC_MESSAGES / LANG) all ask the same question here.

export const LANGUAGES = ['en', 'es', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];
/** The settings value: a language, or 'system' to follow the operating system. */
export type LanguageSetting = Language | 'system';

/** Each language's own name, shown in the language menu whatever the current language is. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
};

/** 'es_MX.UTF-8' or 'es-MX' → 'es-MX'; '' for C/POSIX and empty values (no preference). */
export function normalizeTag(raw: string): string {
  const base = raw.split(/[.@]/)[0]!.replace(/_/g, '-').trim();
  return base === 'C' || base === 'POSIX' ? '' : base;
}

/**
 * The first preferred locale the app speaks: any Spanish variant gets the neutral Latin American
 * 'es', any Portuguese gets 'pt-BR' (the only Portuguese we have), English stays English.
 * Nothing matching: English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const raw of preferred) {
    const primary = normalizeTag(raw).toLowerCase().split('-')[0];
    if (primary === 'en') return 'en';
    if (primary === 'es') return 'es';
    if (primary === 'pt') return 'pt-BR';
  }
  return 'en';
}

/** The setting wins; 'system' (or no setting yet) follows the system's preferences. */
export function resolveLanguage(setting: LanguageSetting | undefined, system: readonly string[]): Language {
  return setting && setting !== 'system' ? setting : pickLanguage(system);
}

/**
 * The CLI's locale, as POSIX programs read it: LC_ALL, then LC_MESSAGES, then LANG; the first
 * one that is set decides, and C/POSIX or nothing set means English.
 */
export function languageFromEnv(env: Record<string, string | undefined>): Language {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return value === undefined ? 'en' : pickLanguage([value]);
}
