// The renderer benchmark's app host, run as its own process (as the Electron main process would
// be): the real core and browser host on a prepared data folder, serving a given renderer build.
// The app key comes from memory instead of the OS keychain, so the core gets as far as dialling
// the (unreachable) PBX. Prints `Browser host ready: <url>`.
// Usage: tsx tests/bench/renderer-host.ts DATA_DIR STATIC_DIR
import { createAppCore } from '../../electron/core/app/app-core.js';
import { startBrowserHost } from '../../electron/core/browser-host/server.js';
import type { SecretStore } from '../../electron/core/credentials/keychain.js';

const [dataDir, staticDir] = process.argv.slice(2);
if (!dataDir || !staticDir) {
  console.error('usage: renderer-host.ts DATA_DIR STATIC_DIR');
  process.exit(2);
}

const secrets: SecretStore = {
  probe: async () => {},
  get: async () => 'bench-app-key',
  has: async () => true,
  set: async () => {},
  delete: async () => true,
};

const core = createAppCore({
  dataDir,
  capabilities: { host: 'browser', version: '0.0.0-bench' },
  secrets,
});
await core.start();
const host = await startBrowserHost({ dispatch: core.dispatch, events: core.events, staticDir, port: 0 });
console.log(`Browser host ready: ${host.launchUrl()}`);

const stop = async (): Promise<void> => {
  await host.close();
  await core.dispose();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
