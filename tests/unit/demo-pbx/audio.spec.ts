// The audio catalogue tells the truth about the committed files (format and length), the WAV
// reader reads them, and synthesised tone clips are valid 16-bit PCM 8 kHz mono WAV.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ASSET_CLIPS, TONE_CLIPS } from '../../../electron/core/demo-pbx/audio-catalog.js';
import {
  AudioLibrary,
  DEFAULT_ASSETS_DIR,
  readWavInfo,
  synthesizeTone,
} from '../../../electron/core/demo-pbx/audio.js';

describe('audio assets', () => {
  it.each(ASSET_CLIPS.map((c) => [c.id, c] as const))('%s matches its catalogue entry', (_id, clip) => {
    const bytes = readFileSync(join(DEFAULT_ASSETS_DIR, clip.file ?? ''));
    const info = readWavInfo(bytes);
    expect(info.channels).toBe(1);
    expect(info.sampleRate).toBe(8000);
    if (clip.format === 'pcm') {
      expect(info.formatTag).toBe(1);
      expect(info.bitsPerSample).toBe(16);
      expect(info.dataBytes / 2).toBe(clip.samples);
    } else {
      expect(info.formatTag).toBe(0x31);
      expect(info.blockAlign).toBe(65);
      expect(info.samplesPerBlock).toBe(320);
      expect(info.factSamples).toBe(clip.samples);
    }
  });

  it('includes PCM and GSM files, one GSM file with an odd number of frames, under 400 KB in all', () => {
    const formats = new Set(ASSET_CLIPS.map((c) => c.format));
    expect(formats).toStrictEqual(new Set(['pcm', 'gsm']));
    expect(ASSET_CLIPS.some((c) => c.format === 'gsm' && (c.samples / 160) % 2 === 1)).toBe(true);
    const total = ASSET_CLIPS.reduce(
      (n, c) => n + readFileSync(join(DEFAULT_ASSETS_DIR, c.file ?? '')).length,
      0,
    );
    expect(total).toBeLessThan(400 * 1024);
  });

  it('synthesises tone clips as PCM WAV of the asked length, the same bytes every time', () => {
    const wav = synthesizeTone(8000 * 3, 5);
    const info = readWavInfo(wav);
    expect(info).toMatchObject({
      formatTag: 1,
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      dataBytes: 48000,
    });
    expect(wav.length).toBe(44 + 48000);
    expect(synthesizeTone(8000 * 3, 5).equals(wav)).toBe(true);
    // Not silence.
    let peak = 0;
    for (let i = info.dataOffset; i < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
    expect(peak).toBeGreaterThan(4000);
  });

  it('serves every clip from the library and refuses unknown ids', () => {
    const lib = new AudioLibrary();
    for (const clip of [...ASSET_CLIPS, ...TONE_CLIPS]) {
      const info = readWavInfo(lib.get(clip.id) ?? Buffer.alloc(0));
      expect(info.formatTag).toBe(clip.format === 'gsm' ? 0x31 : 1);
    }
    expect(lib.get('nope')).toBeUndefined();
  });

  it('rejects bytes that are not WAV', () => {
    expect(() => readWavInfo(Buffer.from('<html>not audio</html>'))).toThrow(/RIFF/);
  });
});

describe('audio library without its files', () => {
  it('falls back to a PCM tone of the same length and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const lib = new AudioLibrary('/nonexistent/demo-assets');
      const clip = ASSET_CLIPS.find((c) => c.format === 'gsm');
      const info = readWavInfo(lib.get(clip?.id ?? '') ?? Buffer.alloc(0));
      expect(info.formatTag).toBe(1);
      expect(info.dataBytes / 2).toBe(clip?.samples);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});
