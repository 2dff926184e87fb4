// Benchmark: our GSM 06.10 WAV49 decoder against sox (libgsm in C) on a 60-second message.
// Used by the bench runner through benchGsmDecode(); runnable alone with
// `npx tsx tests/bench/gsm-decode.ts`, which prints the table.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeWav49 } from '../../electron/core/voicemail/gsm610.js';
import { parseWav } from '../../electron/core/voicemail/wav.js';
import type { BenchRow } from './stats.js';

export type { BenchRow };

const SECONDS = 60;
const RUNS = 20;
const WARMUP = 5;
const SOX_RUNS = 7;
/** Target: at least 200x real time, i.e. a 60 s message in under 300 ms. */
const TARGET_X = 200;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}

export async function benchGsmDecode(): Promise<{ rows: BenchRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-gsm-'));
  try {
    // Pink noise keeps every parameter of the codec busy, like speech does, for the whole minute.
    const make = [
      '-n',
      '-r',
      '8000',
      '-c',
      '1',
      '-b',
      '16',
      'src.wav',
      'synth',
      String(SECONDS),
      'pinknoise',
    ];
    execFileSync('sox', make, { cwd: dir });
    execFileSync('sox', ['src.wav', '-e', 'gsm-full-rate', 'msg.wav'], { cwd: dir });
    const file = readFileSync(join(dir, 'msg.wav'));
    const info = parseWav(file);
    const data = file.subarray(info.dataOffset, info.dataOffset + info.dataLength);

    for (let i = 0; i < WARMUP; i++) decodeWav49(data, { partial: 'drop' });
    const ours: number[] = [];
    let samples = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      samples = decodeWav49(data, { partial: 'drop' }).length;
      ours.push(performance.now() - t0);
    }
    ours.sort((a, b) => a - b);

    // sox's time includes process start-up: that is what spawning it would cost the app.
    const soxTimes: number[] = [];
    for (let i = 0; i < SOX_RUNS; i++) {
      const t0 = performance.now();
      const r = spawnSync('sox', ['-D', 'msg.wav', '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-'], {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
      });
      soxTimes.push(performance.now() - t0);
      if (r.status !== 0) throw new Error(`sox failed: ${r.stderr.toString()}`);
    }
    soxTimes.sort((a, b) => a - b);

    const audioMs = (samples / info.sampleRate) * 1000;
    const median = quantile(ours, 0.5);
    const soxMedian = quantile(soxTimes, 0.5);
    const budgetMs = audioMs / TARGET_X;
    return {
      rows: [
        {
          name: 'gsm decode 60 s wav49: median',
          value: round(median),
          unit: 'ms',
          target: `< ${budgetMs} ms`,
          ok: median < budgetMs,
        },
        { name: 'gsm decode 60 s wav49: p95', value: round(quantile(ours, 0.95)), unit: 'ms' },
        {
          name: 'gsm decode speed (ours)',
          value: round(audioMs / median, 0),
          unit: 'x real time',
          target: `>= ${TARGET_X}x`,
          ok: audioMs / median >= TARGET_X,
        },
        { name: 'sox decode 60 s wav49 (spawned): median', value: round(soxMedian), unit: 'ms' },
        { name: 'gsm decode speed (sox)', value: round(audioMs / soxMedian, 0), unit: 'x real time' },
        { name: 'ours vs sox speed ratio', value: round(soxMedian / median), unit: 'x' },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rows } = await benchGsmDecode();
  console.table(rows.map((r) => ({ ...r, ok: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO' })));
}
