// Benchmark: syncing the directory from the demo PBX on loopback, against the floor of plain
// fetch + JSON.parse of the same response, measured in the same run. The client's own parse
// (normalising loose types, dropping secrets) and the full sync (client + snapshot save) are
// reported as ratios to that floor. Target: sync within 1.5x at 10,000 extensions.
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { PbxClient } from '../../electron/core/pbx/client.js';
import { SnapshotStore } from '../../electron/core/store/snapshot-store.js';
import { SNAPSHOT_VERSION } from '../../electron/core/shared/domain.js';
import { removeDir, tempDir } from '../support/core-harness.js';
import { type BenchRow, printTable, quantile, round, time } from './stats.js';

/** The demo PBX in its own process, as a real PBX would be: its CPU work and ours don't mix. */
async function startPbxProcess(n: number) {
  const child = spawn(
    'node_modules/.bin/tsx',
    ['electron/core/demo-pbx/cli.ts', '--extensions', String(n), '--tenants', '1', '--seed', '3'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const fields = await new Promise<{ url: string; key: string; tenant: string }>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`demo PBX exited (${code})`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening: (\S+)/.exec(out)?.[1];
      const key = /app-key: (\S+)/.exec(out)?.[1];
      const tenant = /tenant: +(\S+)/.exec(out)?.[1];
      if (url && key && tenant) resolve({ url, key, tenant });
    });
  });
  const origin = new URL(fields.url).origin;
  return {
    url: fields.url,
    origin,
    appKey: fields.key,
    tenant: fields.tenant,
    close: () => child.kill('SIGTERM'),
  };
}

export async function benchSync(sizes = [10_000, 100_000]): Promise<{ rows: BenchRow[] }> {
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const pbx = await startPbxProcess(n);
    const dir = await tempDir('vpbx-bench-sync-');
    try {
      const headers = { 'app-key': pbx.appKey, tenant: pbx.tenant };
      const runs = n >= 100_000 ? 5 : 15;
      // A pooled socket that the server closed after its keep-alive timeout fails with
      // ECONNRESET (the server's clock starts when it has written 130 MB, ours when we have read
      // it): try again on a fresh socket, as any client must.
      const get = async (): Promise<Response> => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await fetch(`${pbx.url}/extensions`, { headers });
          } catch (err) {
            if (attempt >= 3) throw err;
          }
        }
      };
      const floor = await time(async () => JSON.parse(await (await get()).text()), runs);
      const client = PbxClient.forDemo(pbx);
      const list = await time(() => client.listExtensions(), runs);
      const store = new SnapshotStore(dir);
      const full = await time(async () => {
        const { extensions } = await client.listExtensions();
        await store.save({
          version: SNAPSHOT_VERSION,
          profileId: 'bench',
          tenant: pbx.tenant,
          syncedAt: Date.now(),
          extensions,
        });
      }, runs);
      const f = quantile(floor, 0.5);
      const l = quantile(list, 0.5);
      const s = quantile(full, 0.5);
      const label = `${n / 1000}k`;
      rows.push(
        { name: `sync ${label}: fetch + JSON.parse (floor), median`, value: round(f), unit: 'ms' },
        { name: `sync ${label}: client fetch + parse, median`, value: round(l), unit: 'ms' },
        {
          name: `sync ${label}: client vs floor`,
          value: round(l / f),
          unit: 'x',
          target: n === 10_000 ? '≤ 1.5x' : undefined,
          ok: n === 10_000 ? l / f <= 1.5 : undefined,
        },
        { name: `sync ${label}: full sync incl. snapshot save, median`, value: round(s), unit: 'ms' },
        { name: `sync ${label}: full sync vs floor`, value: round(s / f), unit: 'x' },
      );
    } finally {
      pbx.close();
      await removeDir(dir);
    }
  }
  return { rows };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printTable((await benchSync()).rows);
}
