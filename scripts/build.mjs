// Builds the bundles: renderer (Vite + Svelte), main and preload (Vite library builds, CJS), and
// main's two companions beside it: the voicemail decoder's worker thread (voicemail-worker.cjs)
// and the embedded demo PBX (demo-pbx.cjs), which main loads only when the user asks for the
// demo. The preload must be ONE file: a sandboxed preload cannot require local modules.
import { build } from 'vite';
import { cpSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodeExternals = ['electron', 'keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const only = process.argv[2];

async function bundleNode(entry, fileName, external) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      // Maps for the stand-in's coverage report (tests/standin/coverage-report.mjs). 'hidden'
      // adds no sourceMappingURL comment, so the bundles are the same bytes as without maps, and
      // electron-builder.yml keeps *.map out of the package.
      sourcemap: 'hidden',
      minify: false,
      target: 'node20',
      ssr: entry,
      rollupOptions: {
        external,
        output: {
          format: 'cjs',
          entryFileNames: fileName,
          codeSplitting: false,
        },
      },
    },
    ssr: { noExternal: true },
  });
}

if (!only || only === 'renderer') await build({ configFile: `${root}/vite.config.ts`, logLevel: 'warn' });
// The browser host's build differs only in its bridge adapter (VITE_BRIDGE=browser); the Electron
// build above never contains that adapter.
if (!only || only === 'renderer' || only === 'renderer-browser') {
  await build({ configFile: `${root}/vite.config.ts`, logLevel: 'warn', mode: 'browser-host' });
}
if (!only || only === 'electron') {
  await bundleNode('electron/main/index.ts', 'main.cjs', nodeExternals);
  await bundleNode('electron/core/voicemail/decode-worker.ts', 'voicemail-worker.cjs', nodeExternals);
  await bundleNode('electron/core/demo-pbx/server.ts', 'demo-pbx.cjs', nodeExternals);
  await bundleNode('electron/preload/index.ts', 'preload.cjs', ['electron']);
  // The embedded demo PBX reads its voicemail audio from ./assets beside its module; in the
  // bundle that module is dist-electron/demo-pbx.cjs.
  cpSync(`${root}/electron/core/demo-pbx/assets`, `${root}/dist-electron/assets`, { recursive: true });
}
console.log('build: dist/renderer, dist/renderer-browser, dist-electron/main.cjs, dist-electron/preload.cjs');
