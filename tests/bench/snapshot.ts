// Benchmark: loading and saving a 100,000-extension offline snapshot against the bare
// JSON.parse / JSON.stringify of the same data, measured in the same run (targets: within 1.5x).
// Also times full zod validation, the reason the store validates with a hand-written check.
// Used by the bench runner through benchSnapshot(); runnable alone with
// `npx tsx tests/bench/snapshot.ts`, which prints the table.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SnapshotSchema } from '../../electron/core/shared/domain.js';
import { SnapshotStore } from '../../electron/core/store/snapshot-store.js';
import { checkSnapshot } from '../../electron/core/store/snapshot-validate.js';
import { makeSnapshot } from '../unit/store/snapshot-fixtures.js';
import type { BenchRow } from './stats.js';

export type { BenchRow };

const EXTENSIONS = 100_000;
const RUNS = 7;
const TARGET_RATIO = 1.5;
const PROFILE = 'bench';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const p95 = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.95,
  );
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

// A full collection before each timed step, so no step pays for garbage left by the one before
// (each step makes or drops a ~60 MB string and a graph of a million objects).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function time(fn: () => unknown): Promise<number> {
  gc();
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function benchSnapshot(): Promise<{ rows: BenchRow[] }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-snapshot-'));
  try {
    const snapshot = makeSnapshot({ profileId: PROFILE, count: EXTENSIONS, seed: 42 });
    const store = new SnapshotStore(dataDir);
    await store.save(snapshot);
    const file = join(store.profileDir(PROFILE), 'snapshot.json');
    const text = await readFile(file, 'utf8');
    if (checkSnapshot(snapshot) !== null || !SnapshotSchema.safeParse(snapshot).success) {
      throw new Error('generated snapshot is not valid');
    }

    const t = {
      parse: [] as number[],
      readParse: [] as number[],
      load: [] as number[],
      stringify: [] as number[],
      save: [] as number[],
    };
    const zod: number[] = [];
    const fast: number[] = [];
    const loadRatio: number[] = [];
    const saveRatio: number[] = [];
    for (let run = -1; run < RUNS; run++) {
      // Each pair is measured back to back so both see the same machine state; run -1 warms up.
      const parse = await time(() => JSON.parse(text));
      const load = await time(async () => {
        const got = await new SnapshotStore(dataDir).load(PROFILE);
        if (!got || got.recovered) throw new Error('load failed');
      });
      const readParse = await time(async () => JSON.parse(await readFile(file, 'utf8')));
      const stringify = await time(() => JSON.stringify(snapshot));
      const save = await time(() => store.save(snapshot));
      const f = await time(() => checkSnapshot(snapshot));
      const z = run < 2 ? await time(() => SnapshotSchema.parse(snapshot)) : Number.NaN; // slow: 3 runs
      if (run < 0) continue;
      t.parse.push(parse);
      t.readParse.push(readParse);
      t.load.push(load);
      t.stringify.push(stringify);
      t.save.push(save);
      if (!Number.isNaN(z)) zod.push(z);
      fast.push(f);
      loadRatio.push(load / parse);
      saveRatio.push(save / stringify);
    }

    const mb = Buffer.byteLength(text) / 1e6;
    const loadX = median(loadRatio);
    const saveX = median(saveRatio);
    return {
      rows: [
        { name: `snapshot size (${EXTENSIONS} extensions)`, value: round(mb), unit: 'MB' },
        { name: 'JSON.parse: median', value: round(median(t.parse)), unit: 'ms' },
        { name: 'JSON.parse: p95', value: round(p95(t.parse)), unit: 'ms' },
        { name: 'readFile + JSON.parse (reference): median', value: round(median(t.readParse)), unit: 'ms' },
        { name: 'store.load (read + parse + check): median', value: round(median(t.load)), unit: 'ms' },
        { name: 'store.load: p95', value: round(p95(t.load)), unit: 'ms' },
        {
          name: 'store.load / JSON.parse (median of per-run ratios)',
          value: round(loadX, 2),
          unit: 'x',
          target: `<= ${TARGET_RATIO}x`,
          ok: loadX <= TARGET_RATIO,
        },
        { name: 'JSON.stringify: median', value: round(median(t.stringify)), unit: 'ms' },
        { name: 'JSON.stringify: p95', value: round(p95(t.stringify)), unit: 'ms' },
        {
          name: 'store.save (check + chunked stringify + atomic write, 2 fsyncs): median',
          value: round(median(t.save)),
          unit: 'ms',
        },
        { name: 'store.save: p95', value: round(p95(t.save)), unit: 'ms' },
        {
          name: 'store.save / JSON.stringify (median of per-run ratios)',
          value: round(saveX, 2),
          unit: 'x',
          target: `<= ${TARGET_RATIO}x`,
          ok: saveX <= TARGET_RATIO,
        },
        { name: 'checkSnapshot (hand-written): median', value: round(median(fast)), unit: 'ms' },
        {
          name: 'SnapshotSchema.parse (zod, not used on this path): median',
          value: round(median(zod)),
          unit: 'ms',
        },
      ],
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows } = await benchSnapshot();
  console.table(rows.map((r) => ({ ...r, ok: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO' })));
}
