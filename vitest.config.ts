import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.spec.ts'], environment: 'node' },
      },
      {
        // The window's state classes, beside their modules: compiled by the Svelte plugin as the
        // browser build is (runes live), in a DOM, with the bridge wired to a real core.
        extends: true,
        plugins: [svelte()],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['renderer/src/**/*.svelte.spec.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/renderer-setup.ts'],
        },
      },
    ],
  },
});
