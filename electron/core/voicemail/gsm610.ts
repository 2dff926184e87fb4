// GSM 06.10 full-rate decoding of the two packings Asterisk writes: raw .gsm (33-byte frames,
// MSB-first after a 0xD signature nibble) and WAV49 (Microsoft GSM in WAV, format tag 0x0031:
// 65-byte blocks holding two 260-bit frames packed LSB-first, as libgsm's gsm_decode reads them
// with GSM_OPT_WAV49). Output is bit-exact with libgsm, hence with `sox`.
//
// Trailing partial block or frame: by default it is rejected (AUDIO_INVALID), because a strict
// decoder should not guess. With { partial: 'drop' } it is skipped, which is what sox does
// (libgsm never sees it: sox warns "invalid wav gsm frame size" and stops at the last whole
// block). toPlayableWav uses 'drop' so a message cut short still plays up to where it stops.
import { AppError } from '../app-error.js';
import { GSM_PARAM_BITS, GSM_PARAM_COUNT, GsmSynthesis } from './gsm-synthesis.js';

export const GSM_FRAME_BYTES = 33;
export const GSM_FRAME_SAMPLES = 160;
export const WAV49_BLOCK_BYTES = 65;
export const WAV49_BLOCK_SAMPLES = 320;
/** The raw-frame signature nibble (libgsm's GSM_MAGIC). */
export const GSM_MAGIC = 0xd;
/** Longest audio we decode: 3 hours at 8 kHz (about 165 MB of PCM). Anything longer is damage. */
export const GSM_MAX_SAMPLES = 8000 * 60 * 60 * 3;

export interface GsmDecodeOptions {
  /** What to do with a trailing partial block/frame: 'reject' (default) or 'drop' (like sox). */
  partial?: 'reject' | 'drop';
}

function invalid(message: string, detail?: Record<string, number>): AppError {
  return new AppError('AUDIO_INVALID', message, detail ? { detail } : undefined);
}

function wholeUnits(
  length: number,
  unitBytes: number,
  unitSamples: number,
  what: string,
  unit: 'block' | 'frame',
  options: GsmDecodeOptions | undefined,
): number {
  const units = Math.floor(length / unitBytes);
  const rest = length - units * unitBytes;
  if (rest !== 0 && options?.partial !== 'drop') {
    throw invalid(
      `${what} data is ${length} bytes: ${units} whole ${unitBytes}-byte ${unit}${units === 1 ? '' : 's'} ` +
        `and a truncated trailing ${unit} of ${rest} bytes (the file was cut short or is damaged).`,
      { length, unitBytes, trailingBytes: rest },
    );
  }
  if (units * unitSamples > GSM_MAX_SAMPLES) {
    const hours = (units * unitSamples) / 8000 / 3600;
    throw invalid(
      `${what} data of ${length} bytes would decode to ${units * unitSamples} samples ` +
        `(${hours.toFixed(1)} h at 8 kHz), more than the ${GSM_MAX_SAMPLES} samples accepted.`,
      { length, samples: units * unitSamples },
    );
  }
  return units;
}

/** Decodes raw GSM 06.10 frames (33 bytes each, 160 samples each) to 16-bit samples. */
export function decodeGsm(frames: Uint8Array, options?: GsmDecodeOptions): Int16Array {
  const count = wholeUnits(frames.length, GSM_FRAME_BYTES, GSM_FRAME_SAMPLES, 'Raw GSM', 'frame', options);
  for (let f = 0; f < count; f++) {
    const first = frames[f * GSM_FRAME_BYTES]!;
    if (first >> 4 !== GSM_MAGIC) {
      throw invalid(
        `Raw GSM frame ${f} (byte offset ${f * GSM_FRAME_BYTES}) starts with nibble ` +
          `0x${(first >> 4).toString(16).toUpperCase()}, not the GSM signature 0xD.`,
        { frame: f, offset: f * GSM_FRAME_BYTES },
      );
    }
  }
  const out = new Int16Array(count * GSM_FRAME_SAMPLES);
  const params = new Int32Array(GSM_PARAM_COUNT);
  const synth = new GsmSynthesis();
  for (let f = 0; f < count; f++) {
    unpackMsbFirst(frames, f * GSM_FRAME_BYTES, params);
    synth.decodeFrame(params, out, f * GSM_FRAME_SAMPLES);
  }
  return out;
}

/** Decodes WAV49 data (the bytes of a 0x0031 WAV data chunk: 65-byte blocks, 320 samples each). */
export function decodeWav49(data: Uint8Array, options?: GsmDecodeOptions): Int16Array {
  const count = wholeUnits(
    data.length,
    WAV49_BLOCK_BYTES,
    WAV49_BLOCK_SAMPLES,
    'WAV49 GSM',
    'block',
    options,
  );
  const out = new Int16Array(count * WAV49_BLOCK_SAMPLES);
  const first = new Int32Array(GSM_PARAM_COUNT);
  const second = new Int32Array(GSM_PARAM_COUNT);
  const synth = new GsmSynthesis();
  for (let b = 0; b < count; b++) {
    unpackWav49Block(data, b * WAV49_BLOCK_BYTES, first, second);
    synth.decodeFrame(first, out, b * WAV49_BLOCK_SAMPLES);
    synth.decodeFrame(second, out, b * WAV49_BLOCK_SAMPLES + GSM_FRAME_SAMPLES);
  }
  return out;
}

// Raw frame: after the 4-bit signature the 76 parameters follow MSB-first (264 bits in all).
function unpackMsbFirst(src: Uint8Array, at: number, params: Int32Array): void {
  let acc = src[at]! & 0x0f;
  let bits = 4;
  let pos = at + 1;
  for (let i = 0; i < GSM_PARAM_COUNT; i++) {
    const width = GSM_PARAM_BITS[i]!;
    if (bits < width) {
      acc = (acc << 8) | src[pos++]!;
      bits += 8;
    }
    bits -= width;
    params[i] = acc >>> bits;
    acc &= (1 << bits) - 1;
  }
}

// WAV49 block: both frames' parameters follow each other LSB-first, 260 + 260 = 520 bits, so
// the second frame starts in the high nibble of byte 32 (libgsm's frame_chain).
function unpackWav49Block(src: Uint8Array, at: number, a: Int32Array, b: Int32Array): void {
  let acc = 0;
  let bits = 0;
  let pos = at;
  for (let i = 0; i < 2 * GSM_PARAM_COUNT; i++) {
    const field = i < GSM_PARAM_COUNT ? i : i - GSM_PARAM_COUNT;
    const width = GSM_PARAM_BITS[field]!;
    if (bits < width) {
      acc |= src[pos++]! << bits;
      bits += 8;
    }
    (i < GSM_PARAM_COUNT ? a : b)[field] = acc & ((1 << width) - 1);
    acc >>>= width;
    bits -= width;
  }
}
