// Vite build of the Svelte renderer. Main and preload are bundled by scripts/build.mjs.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(
      new URL(mode === 'browser-host' ? './dist/renderer-browser' : './dist/renderer', import.meta.url),
    ),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome140',
  },
  define: { 'import.meta.env.VITE_BRIDGE': JSON.stringify(mode === 'browser-host' ? 'browser' : 'electron') },
}));
