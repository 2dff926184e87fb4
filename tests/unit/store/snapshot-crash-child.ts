// Child process for snapshot-crash.spec.ts (bundled by the test, run with plain node): saves two
// alternating snapshot versions forever, so the parent can SIGKILL it at random points. It
// prepares, prints "armed", and waits for "go" on stdin (so the parent can start the next child
// while the current one runs); then prints "ready <ms>" once version A is on disk, with how long
// that save took, and "saved" after each later save.
import { once } from 'node:events';
import { SnapshotStore } from '../../../electron/core/store/snapshot-store.js';
import { crashVersions } from './snapshot-fixtures.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: child.mjs <dataDir>');
process.stdout.on('error', () => process.exit(0)); // parent gone
const store = new SnapshotStore(dataDir);
const [a, b] = crashVersions();
process.stdout.write('armed\n');
await once(process.stdin, 'data');
const t0 = performance.now();
await store.save(a);
process.stdout.write(`ready ${Math.ceil(performance.now() - t0)}\n`);
for (let i = 0; ; i++) {
  await store.save(i % 2 === 0 ? b : a);
  process.stdout.write('saved\n');
}
