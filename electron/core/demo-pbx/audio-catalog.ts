// The voicemail audio the demo PBX can serve: committed spoken files (made by
// scripts/make-demo-audio.sh, PCM or GSM 6.10) and synthesised PCM tone clips. Node-free and
// file-free so the generator can pick clips and state durations without reading anything.

export type AudioFormat = 'pcm' | 'gsm';

export interface AudioClip {
  id: string;
  format: AudioFormat;
  /** Samples at 8 kHz: the true length of the audio (a GSM file's `fact` chunk). */
  samples: number;
  /** File name under assets/, or absent for a synthesised tone clip. */
  file?: string;
}

export const SAMPLE_RATE = 8000;

export const ASSET_CLIPS: readonly AudioClip[] = [
  { id: 'ref-inbox', format: 'pcm', samples: 72000, file: 'ref-inbox.wav' },
  { id: 'ref-old', format: 'gsm', samples: 64000, file: 'ref-old.wav' },
  { id: 'pcm-es', format: 'pcm', samples: 32000, file: 'pcm-es.wav' },
  { id: 'gsm-en-1', format: 'gsm', samples: 48000, file: 'gsm-en-1.wav' },
  { id: 'gsm-en-2', format: 'gsm', samples: 32000, file: 'gsm-en-2.wav' },
  { id: 'gsm-es', format: 'gsm', samples: 40000, file: 'gsm-es.wav' },
  { id: 'gsm-ar', format: 'gsm', samples: 32000, file: 'gsm-ar.wav' },
  // 301 frames: the last 65-byte block holds one padding frame, and sox counts the RIFF pad
  // byte in the data size (9816 = 151 * 65 + 1), a quirk decoders must survive.
  { id: 'gsm-odd', format: 'gsm', samples: 48160, file: 'gsm-odd.wav' },
];

/** Synthesised PCM clips: a few tones and a little noise, a handful of lengths. */
export const TONE_CLIPS: readonly AudioClip[] = [3, 7, 12, 21, 34].map((seconds) => ({
  id: `tone-${seconds}`,
  format: 'pcm' as const,
  samples: seconds * SAMPLE_RATE,
}));

/** The clips generated messages draw from (the reference dataset uses its own two). */
export const GENERATED_CLIPS: readonly AudioClip[] = [
  ...ASSET_CLIPS.filter((c) => !c.id.startsWith('ref-')),
  ...TONE_CLIPS,
];

const BY_ID = new Map([...ASSET_CLIPS, ...TONE_CLIPS].map((c) => [c.id, c]));

export function findClip(id: string): AudioClip | undefined {
  return BY_ID.get(id);
}

/** Whole seconds, as the PBX reports a message's duration. */
export function clipSeconds(clip: AudioClip): number {
  return Math.round(clip.samples / SAMPLE_RATE);
}
