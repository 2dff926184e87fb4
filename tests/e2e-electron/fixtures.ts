// Fixtures for the shipped bundles under the Electron stand-in: `launch()` starts
// dist-electron/main.cjs with a fresh data folder (and its own config folder, where start at login
// writes its autostart entry), `appWindow()` waits for its window and returns the page with
// uncaught page errors collected. Every app still running is quit at the end of the test, and
// each worker writes the V8 coverage of main.cjs and preload.cjs it collected.
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoverageRecorder } from '../standin/coverage.js';
import { launchApp, type StandinApplication } from '../standin/runtime.js';
import type { WebContents } from '../standin/web-contents.js';

export interface LaunchOpts {
  args?: string[];
  env?: Record<string, string>;
}

export interface Fixtures {
  dataDir: string;
  configHome: string;
  launch: (opts?: LaunchOpts) => Promise<StandinApplication>;
  pageErrors: string[];
}

export const test = base.extend<Fixtures, { coverage: CoverageRecorder }>({
  coverage: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures
    async ({}, use, workerInfo) => {
      const recorder = new CoverageRecorder();
      await recorder.start();
      await use(recorder);
      await recorder.write(`worker-${workerInfo.workerIndex}-${process.pid}`);
    },
    { scope: 'worker', auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- as above
  dataDir: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'vpbx-standin-'));
    await use(join(root, 'data'));
    await rm(root, { recursive: true, force: true });
  },
  configHome: async ({ dataDir }, use) => use(join(dataDir, '..', 'config')),
  // eslint-disable-next-line no-empty-pattern -- as above
  pageErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, 'uncaught errors in the app window').toEqual([]);
  },
  launch: async ({ browser, dataDir, configHome, coverage, pageErrors }, use) => {
    if (!existsSync('dist-electron/main.cjs') || !existsSync('dist/renderer/index.html'))
      throw new Error('the app is not built: run node scripts/build.mjs first');
    await mkdir(dataDir, { recursive: true });
    await mkdir(configHome, { recursive: true });
    const apps: StandinApplication[] = [];
    await use(async (opts = {}) => {
      const app = await launchApp({
        browser,
        coverage,
        args: opts.args ?? [],
        env: {
          VPBX_DATA_DIR: dataDir,
          XDG_CONFIG_HOME: configHome,
          ...opts.env,
        },
      });
      app.app.on('web-contents-created', (_event: unknown, contents: WebContents) => {
        void contents.ready.then(() => contents.page?.on('pageerror', (e) => pageErrors.push(e.message)));
      });
      apps.push(app);
      return app;
    });
    for (const app of apps) await app.close();
  },
});

/** The page of the app's first window. */
export async function appWindow(app: StandinApplication): Promise<Page> {
  const win = await app.firstWindow();
  return win.webContents.page!;
}

export { expect };
