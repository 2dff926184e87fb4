// `npm run bench`: runs every benchmark, prints one table, and writes the figures to
// test-results/bench.json and the table into docs/PERFORMANCE.md (between its markers).
// Benchmarks report; they never fail the test command.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { type BenchRow, printTable } from './stats.js';

type Bench = { name: string; load: () => Promise<() => Promise<{ rows: BenchRow[] }>> };

const benches: Bench[] = [
  { name: 'sync', load: async () => (await import('./sync.js')).benchSync.bind(null, undefined) },
  { name: 'snapshot', load: async () => (await import('./snapshot.js')).benchSnapshot },
  { name: 'gsm', load: async () => (await import('./gsm-decode.js')).benchGsmDecode },
  { name: 'renderer', load: async () => (await import('./renderer.js')).benchRenderer },
  { name: 'fleet', load: async () => (await import('./fleet.js')).benchFleet },
  { name: 'voicemail', load: async () => (await import('./voicemail-start.js')).benchVoicemailStart },
];

// Names of benchmarks to run; `--name value` pairs are options of a benchmark (fleet's --agents).
const args = process.argv.slice(2);
const only = args.filter(
  (a, i) => !a.startsWith('--') && !args[i - 1]?.match(/^--(agents|extensions|hours)$/),
);
const all: (BenchRow & { bench: string })[] = [];
for (const b of benches) {
  if (only.length && !only.includes(b.name)) continue;
  console.log(`\n── ${b.name}`);
  try {
    const fn = await b.load();
    const { rows } = await fn();
    printTable(rows);
    all.push(...rows.map((r) => ({ ...r, bench: b.name })));
  } catch (err) {
    console.log(`${b.name}: could not run: ${err instanceof Error ? err.message : String(err)}`);
    all.push({ bench: b.name, name: `${b.name}: could not run`, value: NaN, unit: '' });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const date = new Date().toISOString().slice(0, 10);
await mkdir('test-results', { recursive: true });
await writeFile('test-results/bench.json', JSON.stringify({ date, machine, rows: all }, null, 2));
console.log(`\nfigures written to test-results/bench.json (${machine})`);

if (process.argv.includes('--update-docs') && only.length === 0) {
  const table = [
    `Measured ${date} on ${machine}.`,
    '',
    '| benchmark | figure | value | target | verdict |',
    '|---|---|---|---|---|',
    ...all.map(
      (r) =>
        `| ${r.bench} | ${r.name} | ${Number.isNaN(r.value) ? '—' : `${r.value} ${r.unit}`} | ${r.target ?? ''} | ${r.ok === undefined ? '' : r.ok ? 'met' : '**missed**'} |`,
    ),
  ].join('\n');
  const doc = await readFile('docs/PERFORMANCE.md', 'utf8');
  const next = doc.replace(
    /<!-- bench:start -->[\s\S]*<!-- bench:end -->/,
    `<!-- bench:start -->\n${table}\n<!-- bench:end -->`,
  );
  await writeFile('docs/PERFORMANCE.md', next);
  console.log('docs/PERFORMANCE.md updated');
}
