import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './renderer/svelte.config.js';

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
