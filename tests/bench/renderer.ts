// Benchmark: the renderer in real Chromium, on the real core (browser host), with a directory of
// 1k, 10k and 100k extensions cached on disk and the PBX unreachable. Measures
// - search: keydown to the painted frame with the new results, typing 6-character queries one key
//   at a time (targets: p95 under 8 ms at 100k); the same keystrokes through our search and a
//   plain `includes` filter in the same page (ratio), and which typo queries each finds;
// - first paint from cache: navigation start to the first directory rows painted
//   (targets: 300 ms at 10k, 800 ms at 100k, on the median of several launches);
// - JS heap after a forced GC with the directory loaded (targets: 60 MB at 10k, 250 MB at 100k).
// `npx tsx tests/bench/renderer.ts [--sizes 1000,10000,100000] [--profile DIR]`; --profile writes
// Chromium CPU profiles of a first paint and of the typing at each size into DIR.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { fold } from '../../renderer/src/lib/search-text.js';
import type { Extension } from '../../electron/core/shared/domain.js';
import { buildRenderer, buildSearchScript, fetchDirectory, prepareDataDir } from './renderer-data.js';
import { type CompareResult, FIRST_ROWS_PROBE, KEY_PROBE, compareScript } from './renderer-page.js';
import { topFunctions } from './renderer-profile.js';
import { type BenchRow, printTable, quantile, round } from './stats.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { startHostProcess } from '../support/host-process.js';

const FIRST_PAINT_RUNS = 5;
const KEY_DELAY_MS = 150;
const MB = 2 ** 20;

function startHost(dataDir: string, uiDir: string) {
  return startHostProcess({ script: 'tests/bench/renderer-host.ts', args: [dataDir, uiDir] });
}

/** Six-character queries an agent would type, taken from the directory itself. */
export function pickQueries(exts: readonly Extension[]): string[] {
  const words = new Map<string, number>();
  for (const e of exts) {
    for (const w of fold(e.name)
      .toLowerCase()
      .split(/[^a-z]+/)) {
      if (w.length >= 6) words.set(w, (words.get(w) ?? 0) + 1);
    }
  }
  const common = [...words.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const picked = common
    .filter((_, i) => i % 3 === 0)
    .slice(0, 4)
    .map(([w]) => w.slice(0, 6));
  // Typed keys must be keys: a name in Latin letters (CJK arrives through an input method).
  const latin = (e: Extension) => /^[a-z]+ [a-z]+$/.test(fold(e.name).toLowerCase());
  const from = Math.floor(exts.length / 3);
  const two = fold((exts.slice(from).find(latin) ?? exts.find(latin) ?? exts[0]!).name).toLowerCase();
  const [first = 'jose', last = 'm'] = two.split(' ');
  picked.push(`${first.slice(0, 4)} ${last.slice(0, 1)}`.slice(0, 6));
  picked.push(exts[Math.floor(exts.length / 2)]!.number.slice(0, 6));
  return picked;
}

/** Misspelt names (two letters swapped, or one left out) for names that are in the directory. */
export function pickTypos(exts: readonly Extension[]): { query: string; word: string }[] {
  const words = new Set<string>();
  for (const e of exts)
    for (const w of fold(e.name)
      .toLowerCase()
      .split(/[^a-z]+/))
      if (w.length >= 4) words.add(w);
  return [...words]
    .sort()
    .filter((_, i) => i % 4 === 0)
    .slice(0, 12)
    .map((word, i) => {
      const query =
        i % 2 === 0
          ? word.charAt(0) + word.charAt(2) + word.charAt(1) + word.slice(3)
          : word.slice(0, 2) + word.slice(3);
      return { query, word };
    });
}

async function firstPaint(browser: Browser, url: string, profile: string | null) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    // The app's CSP forbids eval and inline scripts, which the probes are.
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(FIRST_ROWS_PROBE);
  const cdp = await context.newCDPSession(page);
  if (profile) await startProfile(cdp);
  await page.goto(url);
  await page.waitForFunction('window.__vpbxBench.rowsPainted !== null', undefined, { timeout: 120_000 });
  if (profile) await stopProfile(cdp, profile);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const t = (await page.evaluate('window.__vpbxBench')) as { rowsInDom: number; rowsPainted: number };
  return { page, cdp, ms: t.rowsPainted, close: () => context.close() };
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

async function stopProfile(cdp: CDPSession, file: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop');
  await writeFile(file, JSON.stringify(profile));
  console.log(`  profile ${file}; most self time:`);
  for (const f of topFunctions(profile, 8)) console.log(`    ${f.ms.toFixed(1).padStart(8)} ms  ${f.name}`);
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

interface KeyTiming {
  ms: number;
  handled: number;
  frame: number;
}

async function typeQueries(page: Page, queries: string[], rounds: number): Promise<KeyTiming[]> {
  await page.evaluate(KEY_PROBE);
  const box = page.locator('#search');
  await box.click();
  const all: KeyTiming[] = [];
  for (let r = 0; r < rounds + 1; r++) {
    for (const q of queries) {
      await page.evaluate('window.__vpbxBench.keys = []');
      await box.pressSequentially(q, { delay: KEY_DELAY_MS });
      await page
        .waitForFunction(`window.__vpbxBench.keys.length >= ${q.length}`, undefined, { timeout: 30_000 })
        .catch(async () => {
          const got = await page.evaluate('JSON.stringify(window.__vpbxBench.keys)');
          throw new Error(`typing ${JSON.stringify(q)}: no painted frame for every key (${got})`);
        });
      const keys = (await page.evaluate('window.__vpbxBench.keys')) as KeyTiming[];
      if (r > 0) all.push(...keys); // the first round warms the JIT up
      await box.fill('');
      await page.waitForTimeout(300);
    }
  }
  return all;
}

export async function benchRenderer(
  sizes = [1_000, 10_000, 100_000],
  profileDir: string | null = null,
): Promise<{ rows: BenchRow[] }> {
  const rows: BenchRow[] = [];
  const [uiDir, searchJs] = await Promise.all([buildRenderer(!profileDir), buildSearchScript()]);
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const n of sizes) {
      const label = n >= 1000 ? `${n / 1000}k` : String(n);
      const exts = await fetchDirectory(n);
      const dataDir = await prepareDataDir(exts);
      const host = await startHost(dataDir, uiDir);
      try {
        console.log(`renderer ${label}: ${exts.length} extensions`);
        const paints: number[] = [];
        let last: Awaited<ReturnType<typeof firstPaint>> | null = null;
        for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
          await last?.close();
          const prof =
            profileDir && i === FIRST_PAINT_RUNS - 1
              ? join(profileDir, `first-paint-${label}.cpuprofile`)
              : null;
          last = await firstPaint(browser, host.url, prof);
          paints.push(last.ms);
        }
        const { page, cdp } = last!;
        // Whatever the app defers past first paint (the search index) must be in the figure.
        await page.waitForTimeout(n >= 100_000 ? 4000 : 1500);
        const heap = await heapMb(cdp);

        const queries = pickQueries(exts);
        const typos = pickTypos(exts);
        if (profileDir) await startProfile(cdp);
        const keys = await typeQueries(page, queries, 2);
        if (profileDir) await stopProfile(cdp, join(profileDir, `typing-${label}.cpuprofile`));
        await page.addScriptTag({ content: searchJs });
        const cmp = (await page.evaluate(compareScript(queries, typos))) as CompareResult;
        await last!.close();

        const fpTarget = n === 10_000 ? 300 : n === 100_000 ? 800 : undefined;
        const memTarget = n === 10_000 ? 60 : n === 100_000 ? 250 : undefined;
        const p50 = quantile(
          keys.map((k) => k.ms),
          0.5,
        );
        const p95 = quantile(
          keys.map((k) => k.ms),
          0.95,
        );
        const handled = keys.map((k) => k.handled);
        const ours = quantile(cmp.ours, 0.5);
        const inc = quantile(cmp.includes, 0.5);
        const typoOurs = cmp.typos.filter((t) => t.ours).length;
        const typoInc = cmp.typos.filter((t) => t.includes).length;
        rows.push(
          { name: `${label}: keystroke to paint, p50 (${keys.length} keys)`, value: round(p50), unit: 'ms' },
          {
            name: `${label}: keystroke to paint, p95`,
            value: round(p95),
            unit: 'ms',
            ...(n === 100_000 ? { target: '< 8 ms', ok: p95 < 8 } : {}),
          },
          {
            // The app's share: keydown to the DOM updated, before waiting for and making a frame.
            name: `${label}: keystroke handled (search + DOM update), median / p95`,
            value: round(quantile(handled, 0.5)),
            unit: `ms / ${round(quantile(handled, 0.95))} ms`,
          },
          {
            name: `${label}: search compute per key, median / p95`,
            value: round(ours),
            unit: `ms / ${round(quantile(cmp.ours, 0.95))} ms`,
          },
          {
            name: `${label}: includes filter per key, median / p95`,
            value: round(inc),
            unit: `ms / ${round(quantile(cmp.includes, 0.95))} ms`,
          },
          { name: `${label}: search vs includes, median`, value: round(ours / inc), unit: 'x' },
          { name: `${label}: typo queries found by search`, value: typoOurs, unit: `of ${cmp.typos.length}` },
          {
            name: `${label}: typo queries found by includes`,
            value: typoInc,
            unit: `of ${cmp.typos.length}`,
          },
          { name: `${label}: search index build (in page)`, value: round(cmp.buildMs), unit: 'ms' },
          {
            name: `${label}: first rows painted from cache, median of ${paints.length}`,
            value: round(quantile(paints, 0.5), 0),
            unit: `ms (max ${round(Math.max(...paints), 0)})`,
            ...(fpTarget ? { target: `< ${fpTarget} ms`, ok: quantile(paints, 0.5) < fpTarget } : {}),
          },
          {
            name: `${label}: JS heap after GC, directory loaded`,
            value: round(heap, 1),
            unit: 'MB',
            ...(memTarget ? { target: `< ${memTarget} MB`, ok: heap < memTarget } : {}),
          },
        );
        console.log(
          `  queries ${JSON.stringify(queries)}; typos ${cmp.typos.map((t) => `${t.query}${t.ours ? '+' : '-'}${t.includes ? '+' : '-'}`).join(' ')}`,
        );
      } finally {
        host.proc.kill('SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    await rm(uiDir, { recursive: true, force: true });
  }
  return { rows };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, profile: { type: 'string' } } });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : undefined;
  printTable((await benchRenderer(sizes, values.profile ?? null)).rows);
}
