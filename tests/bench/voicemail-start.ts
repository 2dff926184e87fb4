// Benchmark: click to first audio frame for a CACHED voicemail message, in real Chromium on the
// real core (browser host with the demo PBX). Two paths, each run many times:
// - row ▶ on a message not loaded in the player: the core reads the cached WAV, the renderer
//   makes a Blob URL and a Howl (HTML5 audio) and plays it (target: median under 150 ms);
// - the player's Play on the loaded message.
// Measured in the page: from the click event's timestamp to the first moment an audio element
// reports currentTime > 0 (timeupdate or an animation-frame check), plus to its `playing` event.
// Runnable alone: `npx tsx tests/bench/voicemail-start.ts` (builds the browser renderer if absent).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { type BenchRow, printTable, quantile, round } from './stats.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.js';
import { startHostProcess, stopHostProcess } from '../support/host-process.js';

const RUNS = 15;
const TARGET_MS = 150;

// Runs in the page before the app: remembers every media element howler plays, and times one
// armed click against the first frame any of them plays.
const PROBE = `
(() => {
  const nodes = new Set();
  const probe = { t0: 0, playing: 0, frame: 0, armed: false };
  const seen = (kind) => {
    // Only after the click: a paused element's late timeupdate must not count.
    if (!probe.armed || !probe.t0) return;
    const now = performance.now();
    if (kind === 'playing' && !probe.playing) probe.playing = now - probe.t0;
    if (kind === 'frame' && !probe.frame) probe.frame = now - probe.t0;
  };
  const watch = (node) => {
    if (nodes.has(node)) return;
    nodes.add(node);
    node.addEventListener('playing', () => seen('playing'));
    node.addEventListener('timeupdate', () => { if (!node.paused && node.currentTime > 0) seen('frame'); });
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (...a) { watch(this); return play.apply(this, a); };
  document.addEventListener('click', (e) => {
    if (!probe.armed || probe.t0) return;
    probe.t0 = e.timeStamp;
    const tick = () => {
      for (const n of nodes) if (!n.paused && n.currentTime > 0) seen('frame');
      if (!probe.frame) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, true);
  window.__vmProbe = {
    arm() { Object.assign(probe, { t0: 0, playing: 0, frame: 0, armed: true }); },
    wait() {
      return new Promise((resolve) => {
        const started = performance.now();
        const check = () => {
          if ((probe.frame && probe.playing) || performance.now() - started > 5000) {
            probe.armed = false;
            resolve({ playing: probe.playing, frame: probe.frame });
          } else setTimeout(check, 10);
        };
        check();
      });
    },
  };
})();
`;

interface Timing {
  playing: number;
  frame: number;
}

function startHost(dataDir: string) {
  return startHostProcess({ dataDir });
}

async function timedClick(page: Page, name: string): Promise<Timing> {
  await page.evaluate(() => (globalThis as unknown as { __vmProbe: { arm(): void } }).__vmProbe.arm());
  await page.getByRole('button', { name, exact: true }).click();
  const t = await page.evaluate(() =>
    (globalThis as unknown as { __vmProbe: { wait(): Promise<Timing> } }).__vmProbe.wait(),
  );
  if (!t.frame) throw new Error(`no audio frame within 5 s after clicking "${name}"`);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  return t;
}

function rowsFor(label: string, runs: Timing[], target: boolean): BenchRow[] {
  const frames = runs.map((r) => r.frame);
  const playing = runs.map((r) => r.playing).filter((v) => v > 0);
  const median = round(quantile(frames, 0.5), 1);
  return [
    {
      name: `${label}: click → first frame, median`,
      value: median,
      unit: 'ms',
      ...(target ? { target: `< ${TARGET_MS} ms`, ok: median < TARGET_MS } : {}),
    },
    { name: `${label}: click → first frame, p95`, value: round(quantile(frames, 0.95), 1), unit: 'ms' },
    { name: `${label}: click → playing event, median`, value: round(quantile(playing, 0.5), 1), unit: 'ms' },
  ];
}

export async function benchVoicemailStart(): Promise<{ rows: BenchRow[] }> {
  if (!existsSync('dist/renderer-browser/index.html')) {
    const b = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer-browser'], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('could not build the browser renderer');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-vm-'));
  const host = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(PROBE);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Try the demo PBX' }).click();
    const list = page.getByRole('listbox', { name: 'Extensions' });
    await list.getByRole('option').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: /^My voicemail/ }).click();
    const panel = page.getByRole('region', { name: 'My voicemail' });
    await panel.getByText(/^Mailbox/).waitFor({ timeout: 30_000 });

    // Two messages, played once each so the core has them in its audio cache.
    const plays = panel.getByRole('button', { name: /^Play message from / });
    const names: string[] = [];
    for (let i = 0; i < 2; i++) names.push((await plays.nth(i).getAttribute('aria-label'))!);
    for (const n of names) await timedClick(page, n);
    for (const n of names) {
      const caller = n.slice('Play message from '.length).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const row = panel.getByRole('button', { name: new RegExp(`^${caller},.*playable offline`) });
      await row.waitFor();
    }

    const fromRow: Timing[] = [];
    const fromPlay: Timing[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternating messages: each click loads the other one from the cache.
      fromRow.push(await timedClick(page, names[i % 2]!));
      await page.getByRole('slider', { name: 'Position' }).press('Home');
      fromPlay.push(await timedClick(page, 'Play'));
    }
    if (process.env.VM_BENCH_DEBUG) console.log(JSON.stringify({ fromRow, fromPlay }));
    return {
      rows: [
        ...rowsFor('cached message, row ▶ (load + play)', fromRow, true),
        ...rowsFor('loaded message, Play', fromPlay, false),
      ],
    };
  } finally {
    await browser.close();
    await stopHostProcess(host.proc);
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows } = await benchVoicemailStart();
  printTable(rows);
}
