// Data for the renderer benchmark: a directory fetched once from the demo PBX (realistic names in
// several scripts, devices, caller IDs, queues), written as a data folder the app opens on a cold
// start: one active profile pointing at a PBX that cannot be reached, and its cached snapshot.
// Also the renderer bundle the benchmark serves, built into a private folder so a concurrent
// `scripts/build.mjs` elsewhere cannot swap it mid-run, and the search module alone as an IIFE
// so the page can compare it with plain substring filtering.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startDemoPbx } from '../../electron/core/demo-pbx/server.js';
import { PbxClient } from '../../electron/core/pbx/client.js';
import { type Extension, SNAPSHOT_VERSION } from '../../electron/core/shared/domain.js';
import { ProfileStore } from '../../electron/core/store/profiles.js';
import { SnapshotStore } from '../../electron/core/store/snapshot-store.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Nothing listens on the discard port: every sync fails at once as "PBX unreachable". */
export const UNREACHABLE_PBX = 'http://127.0.0.1:9';
export const BENCH_TENANT = 'vitalpbx';

export async function fetchDirectory(n: number): Promise<Extension[]> {
  const pbx = await startDemoPbx({ extensions: n, tenants: 1, seed: 3 });
  try {
    const tenant = pbx.tenants[0]!;
    const client = new PbxClient({
      baseUrl: new URL(pbx.url).origin,
      tenant: tenant.name,
      appKey: pbx.appKey,
      tlsPin: null,
      allowHttp: true,
    });
    return (await client.listExtensions()).extensions;
  } finally {
    await pbx.close();
  }
}

/** A data folder with one active profile (unreachable PBX) and its cached directory. */
export async function prepareDataDir(extensions: Extension[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'vpbx-bench-renderer-'));
  const profiles = new ProfileStore(dir);
  const profile = await profiles.upsert({
    label: 'Bench PBX',
    baseUrl: UNREACHABLE_PBX,
    tenant: BENCH_TENANT,
    tlsPin: null,
    myExtension: null,
    allowHttp: true,
    showOthersVoicemail: false,
    dialScheme: 'tel',
  });
  await profiles.setActive(profile.id);
  await new SnapshotStore(dir).save({
    version: SNAPSHOT_VERSION,
    profileId: profile.id,
    tenant: BENCH_TENANT,
    syncedAt: Date.now() - 3_600_000,
    extensions,
  });
  return dir;
}

/** The browser-host renderer, production build, in a folder of its own (unminified: to profile). */
export async function buildRenderer(minify = true): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'vpbx-bench-ui-'));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'browser-host',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, minify },
  });
  return outDir;
}

/** The search module (see renderer-search-entry.ts) as a script defining `window.VpbxSearch`. */
export async function buildSearchScript(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'chrome140',
      lib: {
        entry: join(ROOT, 'tests/bench/renderer-search-entry.ts'),
        formats: ['iife'],
        name: 'VpbxSearch',
        fileName: () => 'search.js',
      },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if ('output' in o) {
      const chunk = o.output.find((c) => c.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('search bundle: no output');
}
