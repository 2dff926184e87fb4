import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './renderer/svelte.config.js';

// The untranslated-text check (see the rules below): two letters make a word.
const WORDS = '/[A-Za-z\\u00C0-\\u024F]{2}/';
// A string with two words separated by a space reads as a sentence. The few that are not (a CSS
// class list, a developer's error) say so with an eslint-disable comment giving the reason.
const SENTENCE = '/[A-Za-z]{2,} [A-Za-z]{2,}/';
const USER_ATTRIBUTES = '/^(title|aria-label|aria-description|aria-valuetext|placeholder|alt|label)$/';
const UI_PROPERTIES = '/^(label|sublabel|toolTip|title|body|subtitle|message|detail|buttonLabel)$/';
const UNTRANSLATED = 'User-visible text must come from the catalogue: t(key) (see docs/TRANSLATING.md).';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-electron/',
      'release/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,svelte}', 'renderer/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    // zod's schema compiler probes for eval, which the renderer's CSP forbids: the renderer may
    // use the contract's types, never its schemas.
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'zod', allowTypeImports: true, message: 'No zod in the renderer (CSP forbids eval).' },
          ],
          patterns: [
            {
              group: ['**/shared/contract.js', '**/shared/domain.js'],
              allowTypeImports: true,
              message: 'contract.ts and domain.ts bundle zod: import their types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every word a user reads comes from the catalogue (electron/core/shared/i18n/locales):
    // text, user-facing attributes and sentence-like strings written straight into the window's
    // code would stay English in every language. Data, ids and CSS classes are not words.
    files: ['renderer/src/**/*.svelte', 'renderer/src/**/*.ts'],
    ignores: ['renderer/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `SvelteText[value=${WORDS}]:not(SvelteStyleElement > SvelteText)`,
          message: UNTRANSLATED,
        },
        {
          selector: `SvelteAttribute[key.name=${USER_ATTRIBUTES}] > SvelteLiteral[value=${WORDS}]`,
          message: UNTRANSLATED,
        },
        { selector: `Literal[value=${SENTENCE}]`, message: UNTRANSLATED },
        { selector: `TemplateElement[value.raw=${SENTENCE}]`, message: UNTRANSLATED },
      ],
    },
  },
  {
    // The main process's UI (tray menu and tooltip, notifications, dialogs) speaks through the
    // same catalogue; its log lines are for developers and stay English.
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Property[key.name=${UI_PROPERTIES}] > Literal[value=${WORDS}]`, message: UNTRANSLATED },
        { selector: `Property[key.name=${UI_PROPERTIES}] > TemplateLiteral`, message: UNTRANSLATED },
        {
          selector: `CallExpression[callee.property.name='setToolTip'] > :matches(Literal, TemplateLiteral)`,
          message: UNTRANSLATED,
        },
      ],
    },
  },
  {
    // The core must stay runnable in plain Node: no Electron import anywhere below electron/core.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron/core is plain Node: no electron import.' }] },
      ],
    },
  },
  {
    // Code the renderer shares with the core must not touch Node.
    files: ['electron/core/shared/**/*.ts', 'renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/renderer code must not use Electron.' },
            { name: 'keytar', message: 'shared/renderer code must not use keytar.' },
          ],
          patterns: [{ group: ['node:*'], message: 'shared/renderer code must not use Node.' }],
        },
      ],
    },
  },
);
