// Voicemail audio bytes for the demo PBX: committed files (PCM and GSM 6.10 WAV) read once and
// kept, and PCM tone clips synthesised on demand; plus a WAV header reader that tests and the
// server use to know a file's real format from its bytes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AudioClip, findClip, SAMPLE_RATE } from './audio-catalog.js';
import { Prng } from './prng.js';

export interface WavInfo {
  /** 1 = PCM, 0x31 = GSM 6.10 (Asterisk wav49). */
  formatTag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
  /** Samples per block from the extended fmt chunk (320 for GSM), when present. */
  samplesPerBlock?: number;
  /** Sample count from the `fact` chunk, when present. */
  factSamples?: number | undefined;
  dataOffset: number;
  dataBytes: number;
}

export function readWavInfo(buf: Buffer): WavInfo {
  if (
    buf.length < 12 ||
    buf.toString('latin1', 0, 4) !== 'RIFF' ||
    buf.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    throw new Error('not a RIFF/WAVE file');
  }
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'factSamples'> | undefined;
  let factSamples: number | undefined;
  for (let off = 12; off + 8 <= buf.length;) {
    const id = buf.toString('latin1', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = {
        formatTag: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        blockAlign: buf.readUInt16LE(body + 12),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
      if (size >= 20) fmt.samplesPerBlock = buf.readUInt16LE(body + 18);
    } else if (id === 'fact') {
      factSamples = buf.readUInt32LE(body);
    } else if (id === 'data') {
      if (!fmt) throw new Error('WAV data chunk before fmt chunk');
      return { ...fmt, factSamples, dataOffset: body, dataBytes: Math.min(size, buf.length - body) };
    }
    off = body + size + (size & 1);
  }
  throw new Error('WAV file without a data chunk');
}

function pcmHeader(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** A 16-bit PCM 8 kHz mono WAV of `samples` samples: short notes over faint noise. */
export function synthesizeTone(samples: number, seed: number): Buffer {
  const rng = new Prng(seed);
  const data = Buffer.alloc(samples * 2);
  const scale = [392, 440, 523.25, 587.33, 659.25, 783.99];
  const noteLen = Math.round(SAMPLE_RATE * 0.4);
  let freq = rng.pick(scale);
  for (let i = 0; i < samples; i++) {
    const inNote = i % noteLen;
    if (inNote === 0) freq = rng.pick(scale);
    // A soft attack and release per note avoids clicks between notes.
    const env = Math.min(1, inNote / 200, (noteLen - inNote) / 400);
    const tone = Math.sin((2 * Math.PI * freq * i) / SAMPLE_RATE) * 9000 * env;
    const noise = (rng.next() - 0.5) * 300;
    data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(tone + noise))), i * 2);
  }
  return Buffer.concat([pcmHeader(data.length), data]);
}

/**
 * assets/ beside this module. In a bundle (dist-electron/main.cjs) that is dist-electron/assets/,
 * so the build must copy the folder there, or the app must pass `assetsDir`. (A path join, not
 * `new URL('./assets/', import.meta.url)`, which Vite rewrites to a web address in a DOM test.)
 */
export const DEFAULT_ASSETS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');

/** Audio bytes by clip id, loaded or synthesised once and then served from memory. */
export class AudioLibrary {
  private readonly cache = new Map<string, Buffer>();
  private warned = false;

  constructor(private readonly assetsDir: string = DEFAULT_ASSETS_DIR) {}

  get(clipId: string): Buffer | undefined {
    const hit = this.cache.get(clipId);
    if (hit) return hit;
    const clip = findClip(clipId);
    if (!clip) return undefined;
    const bytes = this.load(clip);
    this.cache.set(clipId, bytes);
    return bytes;
  }

  private load(clip: AudioClip): Buffer {
    if (!clip.file) return synthesizeTone(clip.samples, clip.samples);
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.assetsDir, clip.file));
    } catch (err) {
      // A demo that plays tones beats one that fails: say once that the files are missing.
      if (!this.warned)
        console.warn(`demo-pbx: audio files missing in ${this.assetsDir}; serving tones`, err);
      this.warned = true;
      return synthesizeTone(clip.samples, clip.samples);
    }
    // The catalogue promises a format; a file that breaks the promise is a packaging bug.
    const tag = readWavInfo(bytes).formatTag;
    if (tag !== (clip.format === 'gsm' ? 0x31 : 1)) {
      throw new Error(`demo audio ${clip.file}: format tag ${tag} does not match ${clip.format}`);
    }
    return bytes;
  }
}
