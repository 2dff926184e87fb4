// Maps the V8 coverage the stand-in run collected (test-results/standin-coverage/*.json, block
// coverage of dist-electron/main.cjs and preload.cjs) through the bundles' source maps to the
// lines of electron/main/** and electron/preload/**, and writes the result to
// test-results/standin-coverage.txt: a total, then each file with its unexecuted lines.
// A source line counts when the bundle has code for it; it is executed when any of that code ran
// in any app the run started. Usage: node tests/standin/coverage-report.mjs [test-results]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const out = process.argv[2] ?? 'test-results';
const root = process.cwd();
const GLUE = /^electron\/(main|preload)\//;

/** Source-map "mappings" → [generatedLine, generatedColumn, sourceIndex, originalLine] (0-based). */
function decodeMappings(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const segments = [];
  let source = 0;
  let line = 0;
  mappings.split(';').forEach((group, generatedLine) => {
    let generatedColumn = 0;
    for (const segment of group.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      generatedColumn += fields[0];
      if (fields.length < 4) continue;
      source += fields[1];
      line += fields[2];
      segments.push([generatedLine, generatedColumn, source, line]);
    }
  });
  return segments;
}

/** The execution count at `offset`: that of the innermost range around it. */
function countAt(ranges, offset) {
  let best = null;
  for (const r of ranges) {
    if (
      r.startOffset <= offset &&
      offset < r.endOffset &&
      (!best || r.endOffset - r.startOffset < best.endOffset - best.startOffset)
    )
      best = r;
  }
  return best ? best.count : 0;
}

const dir = join(out, 'standin-coverage');
const runs = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
/** file → line → executed */
const lines = new Map();
for (const bundle of ['main.cjs', 'preload.cjs']) {
  const file = join(root, 'dist-electron', bundle);
  if (!existsSync(`${file}.map`)) continue;
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const text = readFileSync(file, 'utf8');
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const sources = map.sources.map((s) =>
    relative(root, resolve(join(root, 'dist-electron'), s))
      .split('\\')
      .join('/'),
  );
  const segments = decodeMappings(map.mappings).filter(([, , s]) => GLUE.test(sources[s]));
  const scripts = runs.filter((r) => r.url.endsWith(`/dist-electron/${bundle}`));
  const ranges = scripts.map((s) => s.functions.flatMap((f) => f.ranges));
  for (const [genLine, genCol, s, origLine] of segments) {
    const offset = lineStarts[genLine] + genCol;
    const ran = ranges.some((r) => countAt(r, offset) > 0);
    const perFile = lines.get(sources[s]) ?? new Map();
    perFile.set(origLine + 1, (perFile.get(origLine + 1) ?? false) || ran);
    lines.set(sources[s], perFile);
  }
}

const ranges = (numbers) => {
  const parts = [];
  for (const n of numbers) {
    const last = parts.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else parts.push([n, n]);
  }
  return parts.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
};
let total = 0;
let executed = 0;
const report = [];
for (const [file, perFile] of [...lines].sort(([a], [b]) => a.localeCompare(b))) {
  const missed = [...perFile]
    .filter(([, ran]) => !ran)
    .map(([n]) => n)
    .sort((a, b) => a - b);
  total += perFile.size;
  executed += perFile.size - missed.length;
  const pct = ((100 * (perFile.size - missed.length)) / perFile.size).toFixed(1);
  report.push(
    `  ${file}: ${pct}% of ${perFile.size} lines${missed.length ? `; not run: ${ranges(missed)}` : ''}`,
  );
}
const headline = runs.length
  ? `stand-in coverage of electron/main + electron/preload: ${((100 * executed) / Math.max(total, 1)).toFixed(1)}% of lines (${executed}/${total})`
  : 'stand-in coverage: no data (the stand-in suite did not run)';
writeFileSync(join(out, 'standin-coverage.txt'), [headline, ...report, ''].join('\n'));
console.log([headline, ...report].join('\n'));
