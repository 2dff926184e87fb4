// Turns whatever the PBX stored for a voicemail into a WAV that Chromium (howler) can play:
// PCM 16-bit, mu-law and A-law WAV pass through untouched; GSM 6.10 (Asterisk `wav49`, WAV tag
// 0x0031, and raw `.gsm`), which Chromium cannot decode, becomes 16-bit PCM WAV.
//
// A trailing partial GSM block or frame is dropped, as sox does, so a message whose file was
// cut short still plays up to the cut. This also absorbs the RIFF pad byte that sox counts
// inside the data chunk size after an odd number of 65-byte blocks.
import { AppError } from '../app-error.js';
import {
  GSM_FRAME_BYTES,
  GSM_FRAME_SAMPLES,
  GSM_MAGIC,
  WAV49_BLOCK_BYTES,
  WAV49_BLOCK_SAMPLES,
  decodeGsm,
  decodeWav49,
} from './gsm610.js';
import { WAV_MAX_BYTES, type WavInfo, isRiff, parseWav } from './wav-parse.js';

export * from './wav-parse.js';

export type PlayableFormat = 'pcm16' | 'gsm' | 'mulaw' | 'alaw';

export interface PlayableWav {
  /** A WAV Chromium can decode: the input itself for PCM/mu-law/A-law, else a new PCM16 WAV. */
  wav: Uint8Array;
  /** The format of the input. */
  format: PlayableFormat;
  sampleRate: number;
  durationSec: number;
}

const RAW_GSM_RATE = 8000;
/**
 * Longest message the app plays: 30 minutes (voicemail is minutes long; PBXs cap it lower). A
 * 3-hour GSM file became 165 MB of PCM and a 646 MB memory peak, so anything longer is refused
 * from its header, before decoding or caching, with AUDIO_TOO_LONG.
 */
export const MAX_AUDIO_SECONDS = 30 * 60;
const MAX_SAMPLE_RATE = 768_000;
const LITTLE_ENDIAN_HOST = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function invalid(message: string): AppError {
  return new AppError('AUDIO_INVALID', message);
}

/** Builds a canonical 44-byte-header mono 16-bit PCM WAV. */
export function encodePcm16Wav(samples: Int16Array, sampleRate: number): Uint8Array {
  if (!Number.isInteger(sampleRate) || sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
    throw invalid(`Cannot write a WAV at ${sampleRate} Hz: the sample rate must be 1..${MAX_SAMPLE_RATE}.`);
  }
  const dataBytes = samples.length * 2;
  if (dataBytes > 0xffffffff - 36) throw invalid(`${samples.length} samples are too many for one WAV file.`);
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string): void => {
    for (let i = 0; i < 4; i++) out[at + i] = s.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  if (LITTLE_ENDIAN_HOST) {
    out.set(new Uint8Array(samples.buffer, samples.byteOffset, dataBytes), 44);
  } else {
    for (let i = 0; i < samples.length; i++) view.setInt16(44 + 2 * i, samples[i]!, true);
  }
  return out;
}

/** True when the bytes could be raw GSM 06.10: a whole frame whose first nibble is 0xD. */
export function looksLikeRawGsm(bytes: Uint8Array): boolean {
  return bytes.length >= GSM_FRAME_BYTES && bytes[0]! >> 4 === GSM_MAGIC;
}

function checkCommon(info: WavInfo): void {
  if (info.channels < 1) throw invalid('WAV fmt chunk declares 0 channels.');
  if (info.sampleRate < 1 || info.sampleRate > MAX_SAMPLE_RATE) {
    throw invalid(
      `WAV fmt chunk declares a sample rate of ${info.sampleRate} Hz (expected 1..${MAX_SAMPLE_RATE}).`,
    );
  }
  if (info.dataLength === 0) throw invalid('WAV data chunk is empty: the message holds no audio.');
}

function passThrough(bytes: Uint8Array, info: WavInfo, format: PlayableFormat): PlayableWav {
  const bytesPerSample = format === 'pcm16' ? 2 : 1;
  const bits = bytesPerSample * 8;
  if (info.bitsPerSample !== bits || info.blockAlign !== bytesPerSample * info.channels) {
    throw invalid(
      `WAV ${format} fmt chunk is inconsistent: ${info.bitsPerSample} bits per sample and block align ` +
        `${info.blockAlign} for ${info.channels} channel(s) (expected ${bits} bits, block align ` +
        `${bytesPerSample * info.channels}).`,
    );
  }
  const frames = Math.floor(info.dataLength / info.blockAlign);
  return { wav: bytes, format, sampleRate: info.sampleRate, durationSec: frames / info.sampleRate };
}

function fromGsmWav(bytes: Uint8Array, info: WavInfo): PlayableWav {
  if (info.blockAlign !== WAV49_BLOCK_BYTES) {
    throw invalid(
      `GSM 6.10 WAV has block align ${info.blockAlign}; only Microsoft WAV49 packing (65-byte blocks) is supported.`,
    );
  }
  if (info.samplesPerBlock !== null && info.samplesPerBlock !== WAV49_BLOCK_SAMPLES) {
    throw invalid(`GSM 6.10 WAV declares ${info.samplesPerBlock} samples per block; WAV49 has 320.`);
  }
  if (info.channels !== 1) throw invalid(`GSM 6.10 WAV declares ${info.channels} channels; GSM is mono.`);
  if (info.dataLength < WAV49_BLOCK_BYTES) {
    throw invalid(`GSM 6.10 WAV data is ${info.dataLength} bytes, less than one 65-byte block.`);
  }
  const data = bytes.subarray(info.dataOffset, info.dataOffset + info.dataLength);
  const samples = decodeWav49(data, { partial: 'drop' });
  return {
    wav: encodePcm16Wav(samples, info.sampleRate),
    format: 'gsm',
    sampleRate: info.sampleRate,
    durationSec: samples.length / info.sampleRate,
  };
}

/** The duration the header promises, in seconds (whole GSM blocks/frames, as decoded). */
function declaredSeconds(bytes: Uint8Array, info: WavInfo | null): number {
  if (!info) return (Math.floor(bytes.length / GSM_FRAME_BYTES) * GSM_FRAME_SAMPLES) / RAW_GSM_RATE;
  if (info.sampleRate < 1 || info.blockAlign < 1) return 0;
  if (info.format === 'gsm') {
    return (Math.floor(info.dataLength / WAV49_BLOCK_BYTES) * WAV49_BLOCK_SAMPLES) / info.sampleRate;
  }
  return Math.floor(info.dataLength / info.blockAlign) / info.sampleRate;
}

function checkLength(bytes: Uint8Array, info: WavInfo | null): void {
  const seconds = declaredSeconds(bytes, info);
  if (seconds > MAX_AUDIO_SECONDS) {
    throw new AppError(
      'AUDIO_TOO_LONG',
      `This voicemail lasts ${Math.round(seconds / 60)} minutes; the app plays messages of up to ` +
        `${MAX_AUDIO_SECONDS / 60} minutes. Listen to it on your phone, or ask your PBX administrator.`,
      { detail: { durationSec: Math.round(seconds) } },
    );
  }
}

/**
 * True when the bytes are GSM, which must be decoded (slow: done in a worker, see playable.ts).
 * Throws what toPlayableWav would for a file that is too large or too long.
 */
export function needsDecoding(bytes: Uint8Array): boolean {
  if (bytes.length > WAV_MAX_BYTES) return false;
  if (isRiff(bytes)) {
    const info = parseWav(bytes);
    checkLength(bytes, info);
    return info.format === 'gsm';
  }
  if (!looksLikeRawGsm(bytes)) return false;
  checkLength(bytes, null);
  return true;
}

/**
 * Returns a WAV Chromium can play, decoding GSM when needed. Throws AppError('AUDIO_INVALID')
 * with a message naming the problem for anything else (not audio, unsupported format, damage).
 */
export function toPlayableWav(bytes: Uint8Array): PlayableWav {
  if (bytes.length > WAV_MAX_BYTES) {
    throw invalid(`Audio file is ${bytes.length} bytes, more than the ${WAV_MAX_BYTES} bytes accepted.`);
  }
  if (isRiff(bytes)) {
    const info = parseWav(bytes);
    checkCommon(info);
    checkLength(bytes, info);
    switch (info.format) {
      case 'pcm16':
      case 'mulaw':
      case 'alaw':
        return passThrough(bytes, info, info.format);
      case 'gsm':
        return fromGsmWav(bytes, info);
      default:
        throw invalid(
          `WAV format tag 0x${info.formatTag.toString(16).padStart(4, '0')} with ${info.bitsPerSample} bits ` +
            'per sample is not supported (only 16-bit PCM, mu-law, A-law and GSM 6.10).',
        );
    }
  }
  if (looksLikeRawGsm(bytes)) {
    checkLength(bytes, null);
    const samples = decodeGsm(bytes, { partial: 'drop' });
    return {
      wav: encodePcm16Wav(samples, RAW_GSM_RATE),
      format: 'gsm',
      sampleRate: RAW_GSM_RATE,
      durationSec: samples.length / RAW_GSM_RATE,
    };
  }
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
  throw invalid(
    'The audio is neither a WAV file (no RIFF/WAVE header) nor raw GSM 06.10 (33-byte frames ' +
      `starting with 0xD)${bytes.length ? `; it starts with bytes ${head}` : ': it is empty'}.`,
  );
}
