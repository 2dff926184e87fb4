// The catalogues are complete: every message of the English source exists in every language,
// with the same placeholders, every plural form the language's rules use, and nothing extra;
// English error sentences are the core's own, and every error code has a title and a sentence.
import { describe, expect, it } from 'vitest';
import en from '../../../electron/core/shared/i18n/locales/en.json' with { type: 'json' };
import { CATALOGUES } from '../../../electron/core/shared/i18n/translator.js';
import { LANGUAGES } from '../../../electron/core/shared/i18n/languages.js';
import { ERROR_CODES } from '../../../electron/core/shared/errors.js';

type Tree = { [key: string]: string | string[] | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf as key → text (array items get their index as a key). */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (Array.isArray(v)) v.forEach((s, i) => out.set(`${key}.${i}`, s));
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

/** Messages with their plural forms folded: base key → { forms, placeholders }. */
function messages(tree: Tree): Map<string, { forms: Set<string>; placeholders: Set<string> }> {
  const out = new Map<string, { forms: Set<string>; placeholders: Set<string> }>();
  for (const [key, text] of leaves(tree)) {
    const base = key.replace(PLURAL, '');
    const m = out.get(base) ?? { forms: new Set(), placeholders: new Set() };
    const form = PLURAL.exec(key)?.[1];
    if (form) m.forms.add(form);
    for (const [, name] of text.matchAll(/\{\{\s*([\w.]+)/g)) m.placeholders.add(name!);
    out.set(base, m);
  }
  return out;
}

const source = messages(en as Tree);

describe.each(LANGUAGES)('the %s catalogue', (lang) => {
  const catalogue = messages(CATALOGUES[lang] as Tree);
  const categories = new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);

  it('has every message of the English source, and no other', () => {
    expect([...catalogue.keys()].sort()).toEqual([...source.keys()].sort());
  });

  it('uses the same placeholders as English in every message', () => {
    for (const [key, m] of source) {
      expect([...(catalogue.get(key)?.placeholders ?? [])].sort(), key).toEqual([...m.placeholders].sort());
    }
  });

  it("has each plural message in every form the language's plural rules choose", () => {
    for (const [key, m] of catalogue) {
      if (source.get(key)!.forms.size === 0) continue;
      expect([...m.forms].sort(), key).toEqual([...categories].sort());
    }
  });

  it('has no empty message', () => {
    for (const [key, text] of leaves(CATALOGUES[lang] as Tree)) expect(text.trim(), key).not.toBe('');
  });
});

describe('error codes', () => {
  it('each has a title and a sentence in the catalogue', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect(source.has(`errorTitles.${code}`), code).toBe(true);
      expect(source.has(`errors.${code}`), code).toBe(true);
    }
  });

  it("the English sentences are the core's, word for word", () => {
    expect(en.errors).toEqual(ERROR_CODES);
  });
});
