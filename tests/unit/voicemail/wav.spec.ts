// WAV reading and the conversion to something Chromium plays: format detection on files sox
// writes (PCM, mu-law, A-law, GSM with its fact chunk), hand-built files for chunk padding and
// odd sizes, the PCM16 writer checked by sox reading it back, and the errors a user can meet.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/app-error.js';
import { encodePcm16Wav, parseWav, toPlayableWav } from '../../../electron/core/voicemail/wav.js';

let dir = '';
let setupError: unknown = null;

/** Fails the calling test (rather than letting vitest report it as skipped) when set-up failed. */
function needFixtures(): void {
  if (setupError) throw setupError;
}

function sox(args: string[]): Buffer {
  try {
    return execFileSync('sox', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new Error("'sox' is required by these tests (Debian package sox); install it.", { cause: err });
    throw new Error(`sox ${args.join(' ')} failed: ${e.stderr?.toString() ?? e.message}`, { cause: err });
  }
}

function soxSamples(file: string): Int16Array {
  const raw = sox(['-D', file, '-t', 'raw', '-e', 'signed-integer', '-b', '16', '-L', '-']);
  return new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
}

function pcmOf(wav: Uint8Array): Int16Array {
  const info = parseWav(wav);
  return new Int16Array(wav.slice(info.dataOffset, info.dataOffset + info.dataLength).buffer);
}

function audioInvalid(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('AUDIO_INVALID');
    return (err as AppError).message;
  }
  throw new Error('expected an AUDIO_INVALID error, but the call returned');
}

/** A RIFF/WAVE file from raw chunks; odd-sized chunks get their pad byte unless told not to. */
function riff(chunks: { id: string; body: Uint8Array; size?: number; noPad?: boolean }[]): Uint8Array {
  const parts: number[] = [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')];
  for (const c of chunks) {
    const size = c.size ?? c.body.length;
    parts.push(...Buffer.from(c.id), size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, size >>> 24);
    parts.push(...c.body);
    if (c.body.length % 2 === 1 && !c.noPad) parts.push(0);
  }
  const out = Uint8Array.from(parts);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

function fmt(tag: number, channels: number, rate: number, blockAlign: number, bits: number, ext?: number[]) {
  const b = Buffer.alloc(16 + (ext ? 2 + ext.length * 2 : 0));
  b.writeUInt16LE(tag, 0);
  b.writeUInt16LE(channels, 2);
  b.writeUInt32LE(rate, 4);
  b.writeUInt32LE(rate * blockAlign, 8);
  b.writeUInt16LE(blockAlign, 12);
  b.writeUInt16LE(bits, 14);
  if (ext) {
    b.writeUInt16LE(ext.length * 2, 16);
    ext.forEach((v, i) => b.writeUInt16LE(v, 18 + 2 * i));
  }
  return { id: 'fmt ', body: new Uint8Array(b) };
}

const PCM = new Uint8Array(Buffer.from(Int16Array.of(1, -2, 300, -400, 5000, 32767, -32768).buffer));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wav-spec-'));
  try {
    sox(['-n', '-r', '8000', '-c', '1', '-b', '16', 'pcm.wav', 'synth', '2', 'sine', '440']);
    sox(['pcm.wav', '-e', 'mu-law', 'mulaw.wav']);
    sox(['pcm.wav', '-e', 'a-law', 'alaw.wav']);
    sox(['pcm.wav', '-e', 'gsm-full-rate', 'gsm.wav']);
    sox(['pcm.wav', 'raw.gsm']);
    sox(['pcm.wav', '-b', '8', '-e', 'unsigned-integer', 'u8.wav']);
  } catch (err) {
    setupError = err;
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('parseWav on files sox writes', () => {
  beforeEach(needFixtures);

  it.each([
    ['pcm.wav', 'pcm16', 1, 32000],
    ['mulaw.wav', 'mulaw', 7, 16000],
    ['alaw.wav', 'alaw', 6, 16000],
    ['gsm.wav', 'gsm', 0x31, 3250],
    ['u8.wav', 'other', 1, 16000],
  ])('%s is %s (tag %i) with %i data bytes', (file, format, tag, dataLength) => {
    const info = parseWav(readFileSync(join(dir, file)));
    expect([info.format, info.formatTag, info.sampleRate, info.channels]).toEqual([format, tag, 8000, 1]);
    expect(info.dataLength).toBe(dataLength);
    expect(info.dataClamped).toBe(false);
  });

  it('reads the fact chunk that precedes the data of non-PCM files', () => {
    expect(parseWav(readFileSync(join(dir, 'gsm.wav'))).factSamples).toBe(16000);
    expect(parseWav(readFileSync(join(dir, 'mulaw.wav'))).factSamples).toBe(16000);
  });
});

describe('parseWav chunk walking', () => {
  it('skips odd-sized chunks and their pad bytes to find fmt and data', () => {
    const list = { id: 'LIST', body: Uint8Array.of(1, 2, 3, 4, 5) };
    const junk = { id: 'junk', body: Uint8Array.of(9) };
    const wav = riff([list, fmt(1, 1, 8000, 2, 16), junk, { id: 'data', body: PCM }, list]);
    const info = parseWav(wav);
    expect(info.dataOffset).toBe(12 + 14 + 24 + 10 + 8);
    expect(Array.from(pcmOf(wav))).toEqual([1, -2, 300, -400, 5000, 32767, -32768]);
  });

  it('reads an odd-sized data chunk whose pad byte is missing at the end of the file', () => {
    const wav = riff([fmt(7, 1, 8000, 1, 8), { id: 'data', body: Uint8Array.of(1, 2, 3), noPad: true }]);
    expect(parseWav(wav).dataLength).toBe(3);
  });

  it.each([0, 0xffffffff])('treats a data size of %i as "to the end of the file"', (size) => {
    const info = parseWav(riff([fmt(1, 1, 8000, 2, 16), { id: 'data', body: PCM, size }]));
    expect([info.dataLength, info.dataClamped, info.declaredDataLength]).toEqual([PCM.length, true, size]);
  });

  it('clamps a data size that runs past the end of the file', () => {
    const info = parseWav(riff([fmt(1, 1, 8000, 2, 16), { id: 'data', body: PCM, size: 100_000 }]));
    expect([info.dataLength, info.dataClamped]).toEqual([PCM.length, true]);
  });

  it('refuses absurd declared sizes and broken headers with a precise message', () => {
    const big = riff([fmt(1, 1, 8000, 2, 16), { id: 'data', body: PCM, size: 300 * 1024 * 1024 }]);
    expect(audioInvalid(() => parseWav(big))).toMatch(/declares 314572800 bytes, more than the 209715200/);
    expect(audioInvalid(() => parseWav(riff([{ id: 'data', body: PCM }])))).toMatch(/no fmt chunk/);
    expect(audioInvalid(() => parseWav(riff([fmt(1, 1, 8000, 2, 16)])))).toMatch(/no data chunk/);
    const short = { id: 'fmt ', body: new Uint8Array(12) };
    expect(audioInvalid(() => parseWav(riff([short, { id: 'data', body: PCM }])))).toMatch(
      /12 bytes, shorter/,
    );
    const cut = riff([{ ...fmt(1, 1, 8000, 2, 16), size: 400 }]);
    expect(audioInvalid(() => parseWav(cut))).toMatch(/fmt chunk declares 400 bytes but only 16 remain/);
    const avi = Uint8Array.from(Buffer.from('RIFF\x10\0\0\0AVI LIST'));
    expect(audioInvalid(() => toPlayableWav(avi))).toMatch(/form type 'AVI ' is not a WAV/);
    expect(audioInvalid(() => toPlayableWav(Uint8Array.from(Buffer.from('RIFX\0\0\0\0WAVE'))))).toMatch(
      /RIFX/,
    );
  });
});

describe('encodePcm16Wav', () => {
  beforeEach(needFixtures);

  it('writes a WAV that sox reads back to the same samples', () => {
    const samples = Int16Array.from({ length: 1001 }, (_, i) => ((i * 7919) % 65536) - 32768);
    writeFileSync(join(dir, 'ours.wav'), encodePcm16Wav(samples, 11025));
    expect(sox(['--i', '-r', 'ours.wav']).toString().trim()).toBe('11025');
    expect(Array.from(soxSamples('ours.wav'))).toEqual(Array.from(samples));
  });

  it('refuses a sample rate no WAV can carry', () => {
    expect(audioInvalid(() => encodePcm16Wav(new Int16Array(1), 0))).toMatch(/0 Hz/);
    expect(audioInvalid(() => encodePcm16Wav(new Int16Array(1), 8000.5))).toMatch(/8000.5 Hz/);
  });
});

describe('toPlayableWav', () => {
  beforeEach(needFixtures);

  it.each([
    ['pcm.wav', 'pcm16'],
    ['mulaw.wav', 'mulaw'],
    ['alaw.wav', 'alaw'],
  ])('passes %s through unchanged', (file, format) => {
    const bytes = new Uint8Array(readFileSync(join(dir, file)));
    const out = toPlayableWav(bytes);
    expect(out.wav).toBe(bytes);
    expect([out.format, out.sampleRate, out.durationSec]).toEqual([format, 8000, 2]);
  });

  it.each(['gsm.wav', 'raw.gsm'])('converts %s to 16-bit PCM equal to what sox decodes', (file) => {
    const out = toPlayableWav(new Uint8Array(readFileSync(join(dir, file))));
    expect([out.format, out.sampleRate, out.durationSec]).toEqual(['gsm', 8000, 2]);
    expect(parseWav(out.wav).format).toBe('pcm16');
    expect(Array.from(pcmOf(out.wav))).toEqual(Array.from(soxSamples(file)));
  });

  it('refuses GSM WAVs that are not WAV49 mono', () => {
    const gsm = new Uint8Array(readFileSync(join(dir, 'gsm.wav')));
    const withFmt = (at: number, value: number): Uint8Array => {
      const copy = Uint8Array.from(gsm);
      new DataView(copy.buffer).setUint16(20 + at, value, true);
      return copy;
    };
    expect(audioInvalid(() => toPlayableWav(withFmt(12, 64)))).toMatch(/block align 64; only .*WAV49/);
    expect(audioInvalid(() => toPlayableWav(withFmt(18, 160)))).toMatch(/160 samples per block/);
    expect(audioInvalid(() => toPlayableWav(withFmt(2, 2)))).toMatch(/2 channels; GSM is mono/);
  });

  it('refuses unsupported formats, empty audio and bytes that are not audio', () => {
    const u8 = new Uint8Array(readFileSync(join(dir, 'u8.wav')));
    expect(audioInvalid(() => toPlayableWav(u8))).toMatch(
      /tag 0x0001 with 8 bits per sample is not supported/,
    );
    const empty = riff([fmt(1, 1, 8000, 2, 16), { id: 'data', body: new Uint8Array(0) }]);
    expect(audioInvalid(() => toPlayableWav(empty))).toMatch(/holds no audio/);
    const ogg = Uint8Array.from(Buffer.from('OggS\0\x02 and then some more bytes of a different format'));
    expect(audioInvalid(() => toPlayableWav(ogg))).toMatch(/neither a WAV file .* nor raw GSM .*4f 67 67 53/);
    expect(audioInvalid(() => toPlayableWav(new Uint8Array(0)))).toMatch(/it is empty/);
    const badRate = riff([fmt(1, 1, 0, 2, 16), { id: 'data', body: PCM }]);
    expect(audioInvalid(() => toPlayableWav(badRate))).toMatch(/sample rate of 0 Hz/);
    const badAlign = riff([fmt(1, 2, 8000, 2, 16), { id: 'data', body: PCM }]);
    expect(audioInvalid(() => toPlayableWav(badAlign))).toMatch(/block align 2 for 2 channel/);
  });
});
