// `npm run preview`: the app in a browser, on the real core, for UI work, tests and machines
// without an Electron binary. Prints `Browser host ready: <url>` once it is listening.
import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAppCore } from '../app/app-core.js';
import { secureDataDir } from '../app/data-dir.js';
import { defaultDataDir } from '../app/paths.js';
import { type LaunchFile, writeLaunchFile } from './launch-file.js';
import { startBrowserHost } from './server.js';

const HELP = `Usage: npm run preview -- [options]
  --data-dir DIR     where profiles, the cached directory and voicemail live
                     (default: ${defaultDataDir()})
  --port N           port on 127.0.0.1 (default: a free one)
  --demo-if-empty    with no saved profile, open the embedded demo PBX
  --help             this text`;

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string' },
    'demo-if-empty': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const staticDir = `${root}dist/renderer-browser`;
if (!existsSync(`${staticDir}/index.html`)) {
  console.error(
    `The renderer is not built (${staticDir} is missing). Run: node scripts/build.mjs renderer-browser`,
  );
  process.exit(1);
}
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string };

const dataDir = values['data-dir'] ?? defaultDataDir();
await secureDataDir(dataDir, (msg, err) => console.error(msg, err));
const core = createAppCore({
  dataDir,
  capabilities: { host: 'browser', version: pkg.version },
  log: (msg, err) => console.error(`${msg}:`, err),
});
const host = await startBrowserHost({
  dispatch: core.dispatch,
  events: core.events,
  staticDir,
  port: values.port ? Number(values.port) : 0,
});
await core.start();
if (values['demo-if-empty']) {
  const list = await core.dispatch('profiles:list', undefined, { host: 'browser' });
  if (list.ok && (list.data as { profiles: unknown[] }).profiles.length === 0) {
    await core.dispatch('profiles:use-demo', undefined, { host: 'browser' });
  }
}
// The printed URL holds a one-time code, not the session token (see server.ts): the first page
// that opens it is the only one that gets in.
console.log(`Browser host ready: ${host.launchUrl()}`);
let launch: LaunchFile | null = null;
if (process.env.VPBX_OPEN_BROWSER === '1') {
  // Not the URL itself: a process argument is readable by every user of the machine.
  launch = await writeLaunchFile(host.launchUrl());
  const { spawn } = await import('node:child_process');
  spawn('xdg-open', [launch.path], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}

let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await launch?.dispose();
  await host.close();
  await core.dispose();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
