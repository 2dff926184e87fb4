// Robustness of the GSM/WAV path against damaged input: seeded random buffers, truncations and
// bit flips of real sox-made files. Every call must return or throw AppError('AUDIO_INVALID');
// any other exception (RangeError, TypeError, ...) is a bug. A hang would time the test out.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/app-error.js';
import { decodeGsm, decodeWav49 } from '../../../electron/core/voicemail/gsm610.js';
import { parseWav, toPlayableWav } from '../../../electron/core/voicemail/wav.js';

let dir = '';
let wav49 = new Uint8Array(0);
let rawGsm = new Uint8Array(0);
let setupError: unknown = null;

/** Fails the calling test (rather than letting vitest report it as skipped) when set-up failed. */
function needFixtures(): void {
  if (setupError) throw setupError;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Tally {
  ok: number;
  invalid: number;
  bugs: string[];
}

function attempt(tally: Tally, label: string, fn: () => void): void {
  try {
    fn();
    tally.ok++;
  } catch (err) {
    if (err instanceof AppError && err.code === 'AUDIO_INVALID' && err.message.length > 0) tally.invalid++;
    else tally.bugs.push(`${label}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  }
}

/** toPlayableWav, and when it succeeds the result must itself be a sound PCM16 WAV. */
function play(bytes: Uint8Array): void {
  const out = toPlayableWav(bytes);
  if (out.format === 'gsm') {
    const info = parseWav(out.wav);
    if (info.format !== 'pcm16' || info.dataLength !== Math.round(out.durationSec * out.sampleRate) * 2) {
      throw new Error(`converted WAV is inconsistent: ${JSON.stringify(info)}`);
    }
  }
}

function mutate(rand: () => number, src: Uint8Array): Uint8Array {
  const cut = rand() < 0.5 ? Math.floor(rand() * src.length) : src.length;
  const out = src.slice(0, cut);
  const flips = out.length ? 1 + Math.floor(rand() * 8) : 0;
  for (let i = 0; i < flips; i++) {
    // Half of the flips land in the first 80 bytes, where the headers and sizes are.
    const at = Math.floor(rand() * (rand() < 0.5 ? Math.min(80, out.length) : out.length));
    out[at]! ^= 1 << Math.floor(rand() * 8);
  }
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gsm-fuzz-'));
  try {
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', 'src.wav', 'synth', '0.5', 'pinknoise'], {
      cwd: dir,
    });
    execFileSync('sox', ['src.wav', '-e', 'gsm-full-rate', 'g.wav'], { cwd: dir });
    execFileSync('sox', ['src.wav', 'g.gsm'], { cwd: dir });
    wav49 = new Uint8Array(readFileSync(join(dir, 'g.wav')));
    rawGsm = new Uint8Array(readFileSync(join(dir, 'g.gsm')));
  } catch (err) {
    setupError = new Error(`'sox' (Debian package sox) is required by these tests: ${String(err)}`, {
      cause: err,
    });
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GSM/WAV decoding never fails other than with AUDIO_INVALID', () => {
  beforeEach(needFixtures);

  it('on 400 seeded random buffers, some dressed as WAV or raw GSM', () => {
    const rand = mulberry32(0x6510);
    const tally: Tally = { ok: 0, invalid: 0, bugs: [] };
    for (let i = 0; i < 400; i++) {
      const len = Math.floor(rand() * 900);
      const buf = Uint8Array.from({ length: len }, () => Math.floor(rand() * 256));
      const kind = i % 4;
      if (kind === 1 && len >= 12) buf.set(wav49.subarray(0, Math.min(len, 60)));
      if (kind === 2) for (let f = 0; f + 33 <= len; f += 33) buf[f] = 0xd0 | (buf[f]! & 0x0f);
      attempt(tally, `random #${i} (${len} bytes)`, () => play(buf));
      attempt(tally, `random #${i} decodeGsm`, () => decodeGsm(buf, { partial: i % 2 ? 'drop' : 'reject' }));
      attempt(tally, `random #${i} decodeWav49`, () =>
        decodeWav49(buf, { partial: i % 2 ? 'drop' : 'reject' }),
      );
    }
    expect(tally.bugs).toEqual([]);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.invalid).toBeGreaterThan(0);
  });

  it('on 300 truncations and bit flips of a sox-made WAV49 file and of a raw .gsm file', () => {
    const rand = mulberry32(0x0031);
    const tally: Tally = { ok: 0, invalid: 0, bugs: [] };
    for (let i = 0; i < 300; i++) {
      const src = i % 3 === 2 ? rawGsm : wav49;
      const bytes = mutate(rand, src);
      attempt(tally, `mutation #${i} of ${src === wav49 ? 'g.wav' : 'g.gsm'} (${bytes.length} bytes)`, () =>
        play(bytes),
      );
    }
    expect(tally.bugs).toEqual([]);
    expect(tally.ok).toBeGreaterThan(0);
    expect(tally.invalid).toBeGreaterThan(0);
  });

  it('on every truncation length of the WAV header region', () => {
    const tally: Tally = { ok: 0, invalid: 0, bugs: [] };
    for (let len = 0; len <= 200; len++)
      attempt(tally, `first ${len} bytes`, () => play(wav49.subarray(0, len)));
    expect(tally.bugs).toEqual([]);
    // Up to the first whole block after the 60-byte header nothing is playable; after it, it is.
    expect(tally.invalid).toBe(125);
    expect(tally.ok).toBe(76);
  });
});
