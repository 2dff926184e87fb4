// Packages the app for Linux with electron-builder (a stand-in Electron folder replaces the
// binary we cannot download) and inspects what would ship: the real app.asar, the unpacked
// native module, the tray icons and the fuses flipped in the executable. Also runs
// electron-builder's own validation of electron-builder.yml.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import type * as Fuses from '@electron/fuses';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

let tmp: string;
let unpacked: string;
let files: string[];

beforeAll(() => {
  const built = ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html'];
  if (!built.every((f) => existsSync(join(root, f)))) {
    console.log('packaging test: no build found, running node scripts/build.mjs first');
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  tmp = mkdtempSync(join(tmpdir(), 'vpbx-package-'));
  // The stand-in executable carries a fuse wire in Electron's default state (version 1, eight
  // fuses) after the sentinel, so electron-builder flips fuses exactly as in a real binary.
  const dist = join(tmp, 'electron');
  mkdirSync(dist);
  writeFileSync(join(dist, 'electron'), `#!/bin/sh\n# ${FUSE_SENTINEL}\x01\x0810110001\n`);
  chmodSync(join(dist, 'electron'), 0o755);
  const out = join(tmp, 'out');
  execFileSync(
    join(root, 'node_modules/.bin/electron-builder'),
    ['--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${out}`],
    {
      cwd: root,
      env: {
        ...process.env,
        ELECTRON_BUILDER_CACHE: join(tmp, 'cache'),
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
      },
      stdio: 'pipe',
    },
  );
  unpacked = join(out, 'linux-unpacked');
  files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false });
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('packaged app (linux dir)', () => {
  it('has the built main, preload and renderer in app.asar', () => {
    for (const f of [
      '/package.json',
      '/dist-electron/main.cjs',
      '/dist-electron/preload.cjs',
      '/dist/renderer/index.html',
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => /^\/dist\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('unpacks keytar’s native module next to the asar', () => {
    const node = join(
      unpacked,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'keytar',
      'build',
      'Release',
      'keytar.node',
    );
    expect(existsSync(node)).toBe(true);
    expect(files).toContain('/node_modules/keytar/build/Release/keytar.node');
  });

  it('ships no sources, tests, fixtures, source maps, env files or the browser-host build', () => {
    const bad = files.filter(
      (f) =>
        /\.(ts|tsx|map|svelte)$/.test(f) ||
        /(^|\/)\.env/.test(f) ||
        /(^|\/)(tests?|__tests__|fixtures)(\/|$)/.test(f) ||
        /(^|\/)(test|test-[^/]*|[^/]*\.(test|spec))\.js$/.test(f) ||
        /^\/(electron|renderer|scripts|src|build|docs)\//.test(f) ||
        f.startsWith('/dist/renderer-browser'),
    );
    expect(bad).toEqual([]);
  });

  it('includes the demo PBX audio when the build copied it', () => {
    const assets = files.filter((f) => f.startsWith('/dist-electron/assets/') && f.endsWith('.wav'));
    if (!existsSync(join(root, 'dist-electron', 'assets'))) {
      console.log(
        'packaging test: dist-electron/assets/ not built, so the demo PBX plays tones (see build.mjs)',
      );
      expect(assets).toEqual([]);
      return;
    }
    expect(assets.length).toBeGreaterThan(0);
  });

  it('ships the tray icons as resources', () => {
    const tray = readdirSync(join(unpacked, 'resources', 'tray'));
    for (const v of ['normal', 'offline', 'unread']) {
      expect(tray).toEqual(
        expect.arrayContaining([`tray-${v}-24.png`, `tray-${v}-24@2x.png`, `tray-${v}Template.png`]),
      );
    }
  });

  it('flips every fuse the config asks for', async () => {
    const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof Fuses;
    const wire = await getCurrentFuseWire(join(unpacked, 'vitalpbx-directory'));
    const ON = 49;
    const OFF = 48;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspectArgs: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      v8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: OFF,
      cookieEncryption: ON,
      nodeOptions: OFF,
      inspectArgs: OFF,
      asarIntegrity: ON,
      onlyAsar: ON,
      v8Snapshot: OFF,
      fileProtocol: OFF,
    });
  });
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own validation and has the required settings', async () => {
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({
      appId: 'com.vitalpbx.directory',
      productName: 'VitalPBX Directory',
      directories: { buildResources: 'build' },
      asarUnpack: ['**/*.node'],
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
      win: { target: ['nsis'] },
      mac: {
        target: ['dmg'],
        hardenedRuntime: true,
        gatekeeperAssess: false,
        entitlements: 'build/entitlements.mac.plist',
      },
    });
  });

  it('rejects a broken config, so the validation above can fail', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
    const { DebugLogger } = require('builder-util');
    await expect(
      validateConfiguration({ appId: 5, nonsense: true }, new DebugLogger(false)),
    ).rejects.toThrow();
  });
});
