import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.js';

// Two hosts for the same renderer: the browser host (tests/e2e), and the shipped Electron bundles
// run through the Electron stand-in (tests/e2e-electron, see tests/standin/runtime.ts).
export default defineConfig({
  projects: [
    { name: 'browser-host', testDir: 'tests/e2e' },
    { name: 'electron-standin', testDir: 'tests/e2e-electron' },
  ],
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e-artifacts',
  // Generous: a test that fails does so on an assertion, and the machines have two cores.
  timeout: 60_000,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
