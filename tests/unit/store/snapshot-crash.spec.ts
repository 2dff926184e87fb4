// Crash safety with real processes: a child saves two snapshot versions in a loop and is killed
// with SIGKILL at seeded random moments; after every kill the snapshot must load as exactly one
// of the two versions, with no recovery needed (never corrupt, never empty).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SnapshotStore } from '../../../electron/core/store/snapshot-store.js';
import { CRASH_PROFILE, crashVersions, seededRandom } from './snapshot-fixtures.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const childSource = fileURLToPath(new URL('./snapshot-crash-child.ts', import.meta.url));
let bundleDir = '';
let child = '';

// One bundle, run with plain node: a tsx start-up per kill (~0.4 s) would dominate the test.
beforeAll(async () => {
  bundleDir = await mkdtemp(join(tmpdir(), 'crash-child-'));
  const builtins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: bundleDir,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      ssr: childSource,
      rollupOptions: { external: builtins, output: { format: 'esm', entryFileNames: 'child.mjs' } },
    },
    ssr: { noExternal: true },
  });
  child = join(bundleDir, 'child.mjs');
});
afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
});
const LANES = 2; // two children at once (separate folders) halves the wall time
const KILLS_PER_LANE = 20;

interface LaneResult {
  seen: Record<string, number>;
  interrupted: number;
  saves: number;
  problems: string[];
}

interface Child {
  proc: ChildProcess;
  armed: Promise<void>;
  ready: Promise<number>;
  saves: () => number;
}

function startChild(dataDir: string): Child {
  const proc = spawn(process.execPath, [child, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let saves = 0;
  let stderr = '';
  let buffered = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const early = new Promise<never>((_, reject) =>
    proc.on('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal}): ${stderr}`))),
  );
  early.catch(() => undefined);
  let onArmed: () => void = () => undefined;
  let onReady: (ms: number) => void = () => undefined;
  const armed = new Promise<void>((r) => (onArmed = r));
  const ready = new Promise<number>((r) => (onReady = r));
  proc.stdout?.on('data', (d: Buffer) => {
    const lines = (buffered + d.toString()).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^ready (\d+)$/.exec(line);
      if (line === 'armed') onArmed();
      else if (m) onReady(Number(m[1]));
      else if (line === 'saved') saves++;
    }
  });
  const settle = <T>(p: Promise<T>): Promise<T> => {
    const raced = Promise.race([p, early]);
    raced.catch(() => undefined); // the last, pre-started child is killed without being awaited
    return raced;
  };
  return { proc, armed: settle(armed), ready: settle(ready), saves: () => saves };
}

async function runLane(lane: number, expected: Map<string, string>): Promise<LaneResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `crash-${lane}-`));
  const profileDir = join(dataDir, 'profiles', CRASH_PROFILE);
  const rnd = seededRandom(1000 + lane);
  const result: LaneResult = { seen: {}, interrupted: 0, saves: 0, problems: [] };
  const temps = new Set<string>();
  let next = startChild(dataDir);
  try {
    for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
      const c = next;
      await c.armed;
      c.proc.stdin?.write('go\n');
      const firstSaveMs = await c.ready;
      // The next child starts up while this one runs; it waits for "go" before touching files.
      next = startChild(dataDir);
      await new Promise((r) => setTimeout(r, Math.floor(rnd() * (4 * firstSaveMs + 10))));
      const exited = new Promise((r) => c.proc.once('exit', r));
      c.proc.kill('SIGKILL');
      await exited;
      result.saves += c.saves();
      const fresh = (await readdir(profileDir)).filter((n) => n.endsWith('.tmp') && !temps.has(n));
      if (fresh.length > 0) result.interrupted++;
      fresh.forEach((n) => temps.add(n));

      const loaded = await new SnapshotStore(dataDir).load(CRASH_PROFILE);
      const text = loaded ? JSON.stringify(loaded.snapshot) : 'null';
      const which = expected.get(text);
      if (!which) result.problems.push(`kill ${kill}: loaded neither version (${text.slice(0, 60)})`);
      else result.seen[which] = (result.seen[which] ?? 0) + 1;
      if (loaded?.recovered)
        result.problems.push(`kill ${kill}: needed recovery (${loaded.recovered.reason})`);
    }
  } finally {
    next.proc.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
  return result;
}

describe('snapshot saves under SIGKILL', () => {
  it(`always leave exactly the old or the new version (${LANES * KILLS_PER_LANE} kills)`, async () => {
    if (process.platform === 'win32') return void console.log('skipped: SIGKILL semantics are POSIX-only');
    const [a, b] = crashVersions();
    const expected = new Map([
      [JSON.stringify(a), 'A'],
      [JSON.stringify(b), 'B'],
    ]);
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => runLane(i, expected)));
    const problems = lanes.flatMap((l) => l.problems);
    const seenA = lanes.reduce((n, l) => n + (l.seen.A ?? 0), 0);
    const seenB = lanes.reduce((n, l) => n + (l.seen.B ?? 0), 0);
    const interrupted = lanes.reduce((n, l) => n + l.interrupted, 0);
    const saves = lanes.reduce((n, l) => n + l.saves, 0);
    console.log(
      `crash test: A=${seenA} B=${seenB}, ${interrupted} kills mid-write, ${saves} completed saves`,
    );
    expect(problems).toEqual([]);
    expect(seenA + seenB).toBe(LANES * KILLS_PER_LANE);
    // Evidence the kills really hit saves in progress and at different points of the cycle.
    expect(seenA).toBeGreaterThan(0);
    expect(seenB).toBeGreaterThan(0);
    expect(interrupted).toBeGreaterThan(0);
  }, 60_000);
});
