// RIFF/WAVE reading: walks the chunks (odd sizes are followed by a pad byte), reads `fmt `,
// `fact` and `data`, and says which audio format the bytes hold. Sizes come from files that may
// be cut short or written by streaming encoders, so every size is checked against the buffer
// before it is used and every loop advances by at least 8 bytes.
import { AppError } from '../app-error.js';

/** Largest file or declared data chunk accepted: voicemail is megabytes, not hundreds of them. */
export const WAV_MAX_BYTES = 200 * 1024 * 1024;

export const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_ALAW = 0x0006;
export const WAVE_FORMAT_MULAW = 0x0007;
export const WAVE_FORMAT_GSM610 = 0x0031;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export type WavFormat = 'pcm16' | 'mulaw' | 'alaw' | 'gsm' | 'other';

export interface WavInfo {
  /** The format tag, with WAVE_FORMAT_EXTENSIBLE resolved to its sub-format. */
  formatTag: number;
  format: WavFormat;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
  /** From the fmt extension of GSM 6.10 files (320 for WAV49); null when absent. */
  samplesPerBlock: number | null;
  /** Sample count from a `fact` chunk, if there is one. */
  factSamples: number | null;
  dataOffset: number;
  /** Bytes of audio data actually present (the declared size, clamped to the buffer). */
  dataLength: number;
  declaredDataLength: number;
  /** True when the declared size was unknown (0 or 0xFFFFFFFF) or ran past the end of the file. */
  dataClamped: boolean;
}

const SIZE_UNKNOWN = 0xffffffff;

function invalid(message: string): AppError {
  return new AppError('AUDIO_INVALID', message);
}

function tag4(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

/** True when the buffer starts like a RIFF container (little- or big-endian), WAVE or not. */
export function isRiff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && (tag4(bytes, 0) === 'RIFF' || tag4(bytes, 0) === 'RIFX');
}

/** True when the buffer starts with a RIFF/WAVE header. */
export function isRiffWave(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && tag4(bytes, 0) === 'RIFF' && tag4(bytes, 8) === 'WAVE';
}

export function formatOf(formatTag: number, bitsPerSample: number): WavFormat {
  if (formatTag === WAVE_FORMAT_PCM) return bitsPerSample === 16 ? 'pcm16' : 'other';
  if (formatTag === WAVE_FORMAT_MULAW) return 'mulaw';
  if (formatTag === WAVE_FORMAT_ALAW) return 'alaw';
  if (formatTag === WAVE_FORMAT_GSM610) return 'gsm';
  return 'other';
}

type Fmt = Pick<
  WavInfo,
  'formatTag' | 'channels' | 'sampleRate' | 'byteRate' | 'blockAlign' | 'bitsPerSample' | 'samplesPerBlock'
>;

function readFmt(view: DataView, at: number, size: number): Fmt {
  if (size < 16) throw invalid(`WAV fmt chunk is ${size} bytes, shorter than the 16 every WAV needs.`);
  let formatTag = view.getUint16(at, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  const cbSize = size >= 18 ? view.getUint16(at + 16, true) : 0;
  if (formatTag === WAVE_FORMAT_EXTENSIBLE && size >= 40 && cbSize >= 22) {
    formatTag = view.getUint16(at + 24, true); // first two bytes of the sub-format GUID
  }
  const hasSpb = formatTag === WAVE_FORMAT_GSM610 && size >= 20 && cbSize >= 2;
  return {
    formatTag,
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    byteRate: view.getUint32(at + 8, true),
    blockAlign: view.getUint16(at + 12, true),
    bitsPerSample,
    samplesPerBlock: hasSpb ? view.getUint16(at + 18, true) : null,
  };
}

/**
 * Parses a RIFF/WAVE buffer. A data size of 0 or 0xFFFFFFFF (left by streaming writers) means
 * "to the end of the file"; a size past the end is clamped to what is there (dataClamped); a
 * size above WAV_MAX_BYTES is refused as damage rather than clamped.
 */
export function parseWav(bytes: Uint8Array): WavInfo {
  if (bytes.length >= 4 && tag4(bytes, 0) === 'RIFX') {
    throw invalid('Big-endian WAV files (RIFX) are not supported.');
  }
  if (bytes.length >= 12 && tag4(bytes, 0) === 'RIFF' && !isRiffWave(bytes)) {
    throw invalid(`RIFF file of form type '${tag4(bytes, 8)}' is not a WAV (WAVE) file.`);
  }
  if (!isRiffWave(bytes)) throw invalid('Not a WAV file: it does not start with a RIFF/WAVE header.');
  if (bytes.length > WAV_MAX_BYTES) {
    throw invalid(`WAV file is ${bytes.length} bytes, more than the ${WAV_MAX_BYTES} bytes accepted.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  let fmt: Fmt | null = null;
  let factSamples: number | null = null;
  let data: Pick<WavInfo, 'dataOffset' | 'dataLength' | 'declaredDataLength' | 'dataClamped'> | null = null;
  let off = 12;
  while (off + 8 <= len) {
    const id = tag4(bytes, off);
    const size = view.getUint32(off + 4, true);
    const body = off + 8;
    const avail = len - body;
    if (id === 'data' && !data) {
      const unknown = size === 0 || size === SIZE_UNKNOWN;
      if (!unknown && size > WAV_MAX_BYTES) {
        throw invalid(
          `WAV data chunk declares ${size} bytes, more than the ${WAV_MAX_BYTES} bytes accepted.`,
        );
      }
      const clamped = unknown || size > avail;
      data = {
        dataOffset: body,
        dataLength: clamped ? avail : size,
        declaredDataLength: size,
        dataClamped: clamped,
      };
      if (clamped || fmt) break; // a clamped data chunk runs to the end: nothing can follow it
    } else if (size > avail) {
      if (id === 'fmt ' && !fmt) {
        throw invalid(`WAV fmt chunk declares ${size} bytes but only ${avail} remain in the file.`);
      }
      break; // some other chunk runs past the end: the file was cut short here
    } else if (id === 'fmt ' && !fmt) {
      fmt = readFmt(view, body, size);
    } else if (id === 'fact' && size >= 4 && factSamples === null) {
      factSamples = view.getUint32(body, true);
    }
    off = body + size + (size & 1);
  }
  if (!fmt) throw invalid('WAV file has no fmt chunk, so its audio format is unknown.');
  if (!data) throw invalid('WAV file has no data chunk: it holds no audio.');
  return { ...fmt, format: formatOf(fmt.formatTag, fmt.bitsPerSample), factSamples, ...data };
}
