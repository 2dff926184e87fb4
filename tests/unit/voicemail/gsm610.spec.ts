// The GSM 06.10 decoder against libgsm as sox runs it: every input is made at test time with
// sox/espeak-ng, encoded to WAV49 and raw .gsm by sox, decoded by sox to 16-bit PCM, and our
// output must equal it sample for sample. Also: strict rejection of malformed frames and blocks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/app-error.js';
import {
  GSM_MAX_SAMPLES,
  WAV49_BLOCK_BYTES,
  decodeGsm,
  decodeWav49,
} from '../../../electron/core/voicemail/gsm610.js';
import { parseWav, toPlayableWav } from '../../../electron/core/voicemail/wav.js';

let dir = '';
let setupError: unknown = null;

/** Fails the calling test (rather than letting vitest report it as skipped) when set-up failed. */
function needFixtures(): void {
  if (setupError) throw setupError;
}

function tool(cmd: string, args: string[]): Buffer {
  try {
    return execFileSync(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') {
      throw new Error(`'${cmd}' is required by these tests (Debian package ${cmd}); install it.`, {
        cause: err,
      });
    }
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.stderr?.toString() ?? e.message}`, { cause: err });
  }
}

/** sox's own decoding of a GSM file to little-endian 16-bit samples: the reference. */
function soxDecode(file: string): Int16Array {
  const raw = tool('sox', ['-D', file, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-L', '-']);
  return new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
}

function firstMismatch(ours: Int16Array, ref: Int16Array): string {
  const n = Math.min(ours.length, ref.length);
  for (let i = 0; i < n; i++) {
    if (ours[i] !== ref[i]) return `sample ${i}: ours ${ours[i]}, sox ${ref[i]}`;
  }
  return ours.length === ref.length ? 'none' : `length: ours ${ours.length}, sox ${ref.length}`;
}

function expectAudioInvalid(fn: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('AUDIO_INVALID');
  expect((caught as AppError).message).toMatch(message);
}

const SOURCES: Record<string, string[][]> = {
  tone: [['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', 'tone.wav', 'synth', '2', 'sine', '440']],
  noise: [['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', 'noise.wav', 'synth', '2', 'whitenoise']],
  silence: [['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', 'silence.wav', 'trim', '0', '1']],
  // Full-scale square wave: drives the saturating adds of every filter stage.
  loud: [['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', 'loud.wav', 'synth', '1', 'square', '300']],
  // 5 frames: the last WAV49 block holds one real frame and one frame of padding.
  odd: [['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', 'odd.wav', 'synth', '0.1', 'sine', '700']],
  // Not a whole number of frames: sox pads the last one.
  ragged: [
    ['sox', '-n', '-r', '8000', '-c', '1', '-b', '16', 'ragged.wav', 'synth', '0.1234', 'sine', '250'],
  ],
  speech: [
    ['espeak-ng', '-w', 'speech-22k.wav', 'Please call me back about the invoice, extension four two one.'],
    ['sox', 'speech-22k.wav', '-r', '8000', '-c', '1', '-b', '16', 'speech.wav'],
  ],
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gsm610-spec-'));
  try {
    for (const [name, steps] of Object.entries(SOURCES)) {
      for (const [cmd, ...args] of steps) tool(cmd!, args);
      tool('sox', [`${name}.wav`, '-e', 'gsm-full-rate', `${name}-gsm.wav`]);
      tool('sox', [`${name}.wav`, `${name}.gsm`]);
    }
  } catch (err) {
    setupError = err;
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('decodeWav49 against sox (libgsm)', () => {
  beforeEach(needFixtures);

  it.each(Object.keys(SOURCES))('%s: sox writes WAV49 and we decode it sample for sample', (name) => {
    const file = readFileSync(join(dir, `${name}-gsm.wav`));
    const info = parseWav(file);
    expect({
      tag: info.formatTag,
      blockAlign: info.blockAlign,
      samplesPerBlock: info.samplesPerBlock,
      channels: info.channels,
      rate: info.sampleRate,
    }).toEqual({ tag: 0x31, blockAlign: 65, samplesPerBlock: 320, channels: 1, rate: 8000 });
    const ref = soxDecode(`${name}-gsm.wav`);
    expect(ref.length).toBeGreaterThan(0);
    // sox counts the RIFF pad byte after an odd number of blocks in the data size: drop it.
    const data = file.subarray(info.dataOffset, info.dataOffset + info.dataLength);
    const ours = decodeWav49(data, { partial: 'drop' });
    expect(firstMismatch(ours, ref)).toBe('none');
    // Whole blocks only, as sox decodes them (the fact chunk's shorter count is not applied).
    expect(ours.length % 320).toBe(0);
  });

  it('decodes the padding frame of an odd frame count exactly as sox does', () => {
    const info = parseWav(readFileSync(join(dir, 'odd-gsm.wav')));
    expect(info.factSamples).toBe(800); // 0.1 s: five frames of real audio
    expect(soxDecode('odd-gsm.wav').length).toBe(960); // three blocks
  });

  it('matches sox on a WAV49 file cut in the middle of a block (the partial block is dropped)', () => {
    const file = readFileSync(join(dir, 'speech-gsm.wav'));
    const info = parseWav(file);
    const cut = info.dataOffset + 10 * WAV49_BLOCK_BYTES + 40;
    writeFileSync(join(dir, 'cut-gsm.wav'), file.subarray(0, cut));
    const ref = soxDecode('cut-gsm.wav');
    expect(ref.length).toBe(10 * 320);
    const played = toPlayableWav(file.subarray(0, cut));
    const pcm = parseWav(played.wav);
    const ours = new Int16Array(played.wav.slice(pcm.dataOffset, pcm.dataOffset + pcm.dataLength).buffer);
    expect(firstMismatch(ours, ref)).toBe('none');
    expectAudioInvalid(
      () => decodeWav49(file.subarray(info.dataOffset, cut)),
      /10 whole 65-byte blocks and a truncated trailing block of 40 bytes/,
    );
  });
});

describe('decodeGsm against sox (libgsm)', () => {
  beforeEach(needFixtures);

  it.each(Object.keys(SOURCES))('%s: raw .gsm decodes sample for sample', (name) => {
    const frames = readFileSync(join(dir, `${name}.gsm`));
    expect(frames.length % 33).toBe(0);
    const ref = soxDecode(`${name}.gsm`);
    expect(ref.length).toBe((frames.length / 33) * 160);
    expect(firstMismatch(decodeGsm(frames), ref)).toBe('none');
  });

  it('matches sox on a raw file cut mid-frame when asked to drop the partial frame', () => {
    const frames = readFileSync(join(dir, 'noise.gsm'));
    const cut = frames.subarray(0, 33 * 7 + 20);
    writeFileSync(join(dir, 'cut.gsm'), cut);
    const ref = soxDecode('cut.gsm');
    expect(ref.length).toBe(7 * 160);
    expect(firstMismatch(decodeGsm(cut, { partial: 'drop' }), ref)).toBe('none');
    expectAudioInvalid(
      () => decodeGsm(cut),
      /7 whole 33-byte frames and a truncated trailing frame of 20 bytes/,
    );
  });
});

describe('malformed GSM input', () => {
  beforeEach(needFixtures);

  it('names the frame whose signature nibble is wrong', () => {
    const frames = Uint8Array.from(readFileSync(join(dir, 'tone.gsm')));
    frames[3 * 33] = 0x5a;
    expectAudioInvalid(
      () => decodeGsm(frames),
      /frame 3 \(byte offset 99\) starts with nibble 0x5, not .*0xD/,
    );
  });

  it('refuses data that would decode to more samples than the cap, before decoding', () => {
    const blocks = Math.floor(GSM_MAX_SAMPLES / 320) + 1;
    expectAudioInvalid(() => decodeWav49(new Uint8Array(blocks * 65)), /more than the \d+ samples accepted/);
    const frames = new Uint8Array((Math.floor(GSM_MAX_SAMPLES / 160) + 1) * 33);
    expectAudioInvalid(() => decodeGsm(frames), /more than the \d+ samples accepted/);
  });

  it('decodes empty input to no samples and drops a lone partial unit only when asked', () => {
    expect(decodeWav49(new Uint8Array(0)).length).toBe(0);
    expect(decodeGsm(new Uint8Array(0)).length).toBe(0);
    expect(decodeWav49(new Uint8Array(64), { partial: 'drop' }).length).toBe(0);
    expectAudioInvalid(
      () => decodeWav49(new Uint8Array(64)),
      /0 whole 65-byte blocks and a truncated trailing block of 64 bytes/,
    );
  });

  it('decodes any bit pattern in a well-sized WAV49 block (every field value is legal)', () => {
    const ones = decodeWav49(new Uint8Array(65 * 4).fill(0xff));
    const zeros = decodeWav49(new Uint8Array(65 * 4));
    expect(ones.length).toBe(1280);
    expect(zeros.length).toBe(1280);
    // Different codes must give different audio, or the unpacking ignores its input.
    expect(firstMismatch(ones, zeros)).not.toBe('none');
  });
});
