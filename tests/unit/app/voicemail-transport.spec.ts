// Voicemail audio as it leaves the core: the PBX's recfile paths (which carry its /static/<token>/
// capability) stay in the core's memory, never in a result or on disk; messages longer than 30
// minutes are refused before decoding; GSM is decoded off the main thread.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASSETS_DIR } from '../../../electron/core/demo-pbx/audio.js';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { parseWav, toPlayableWav } from '../../../electron/core/voicemail/wav.js';
import {
  cleanupsAfterEach,
  type Harness,
  makeHarness,
  readTree,
  removeDir,
  profileForm,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

/** The demo's audio folder with every GSM clip stretched to `minutes` (its blocks repeated). */
function stretchedAssets(minutes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpbx-assets-'));
  cleanups.push(() => removeDir(dir));
  for (const name of readdirSync(DEFAULT_ASSETS_DIR)) {
    const src = readFileSync(join(DEFAULT_ASSETS_DIR, name));
    const info = parseWav(src);
    if (info.format !== 'gsm') {
      copyFileSync(join(DEFAULT_ASSETS_DIR, name), join(dir, name));
      continue;
    }
    const blocks = src.subarray(info.dataOffset, info.dataOffset + Math.floor(info.dataLength / 65) * 65);
    const wanted = Math.ceil((minutes * 60 * info.sampleRate) / 320);
    const data = Buffer.alloc(wanted * 65);
    for (let at = 0; at < data.length; at += blocks.length) blocks.copy(data, at);
    const head = Buffer.from(src.subarray(0, info.dataOffset));
    head.writeUInt32LE(head.length - 8 + data.length, 4);
    head.writeUInt32LE(data.length, info.dataOffset - 4);
    writeFileSync(join(dir, name), Buffer.concat([head, data]));
  }
  return dir;
}

async function setup(assetsDir?: string, dataDir?: string) {
  const p = await startDemoPbx({ extensions: 12, tenants: 1, voicemailShape: 'folder-array', assetsDir });
  cleanups.push(() => p.close());
  return { p, ...(await connect(p, dataDir)) };
}

async function connect(p: Awaited<ReturnType<typeof startDemoPbx>>, dataDir?: string) {
  const h: Harness = await makeHarness(dataDir);
  if (!dataDir) cleanups.push(() => removeDir(h.dataDir));
  cleanups.push(() => h.close());
  const profile = await h.ok('profiles:save', {
    ...profileForm(p, 'VM'),
    showOthersVoicemail: true,
  });
  await h.ok('profiles:activate', { id: profile.id });
  await h.ok('sync:now');
  const messages: { extensionId: string; key: string }[] = [];
  for (const e of (await h.ok('directory:get'))!.extensions) {
    const list = await h.ok('voicemail:list', { extensionId: e.id });
    for (const r of list.records) messages.push({ extensionId: e.id, key: r.key });
  }
  if (messages.length < 3) throw new Error('the demo PBX has too few voicemail messages');
  return { h, messages };
}

describe('voicemail transport', () => {
  it('keeps recfile paths in the core: not in results, not on disk, and audio still plays after a restart', async () => {
    const { p, h, messages } = await setup();
    const first = await h.ok('voicemail:audio', messages[0]!);
    expect(first.wav.byteOffset).toBe(0);
    expect(first.wav.buffer.byteLength).toBe(first.wav.byteLength);
    const dataDir = h.dataDir;
    await h.close();
    const again = await connect(p, dataDir);
    const audio = await again.h.ok('voicemail:audio', messages[1]!);
    expect(audio.wav.byteLength).toBeGreaterThan(44);
    const wire = again.h.wire.join('\n') + h.wire.join('\n');
    expect(wire).not.toContain('recfile');
    expect(wire).not.toContain('/static/');
    for (const f of await readTree(dataDir)) {
      expect(f.text, f.path).not.toContain('/static/');
      expect(f.text, f.path).not.toContain('recfile');
    }
  });

  it('refuses a message longer than 30 minutes with AUDIO_TOO_LONG', async () => {
    const { h, messages } = await setup(stretchedAssets(31));
    const codes = new Set<string>();
    for (const m of messages) {
      const r = await h.call('voicemail:audio', m);
      codes.add(r.ok ? r.data.format : r.error.code);
    }
    expect(codes).toContain('AUDIO_TOO_LONG');
    expect(codes).not.toContain('gsm');
  });

  it('decodes a long GSM message off the main thread', async () => {
    const assets = stretchedAssets(29);
    // What decoding it on the main thread would stall the event loop for, on this machine now
    // (the machine is shared, so a fixed number of milliseconds would not do).
    const started = performance.now();
    toPlayableWav(readFileSync(join(assets, 'gsm-en-1.wav')));
    const blockingMs = performance.now() - started;
    const { h, messages } = await setup(assets);
    let gsm = null;
    let worstGapMs = 0;
    for (const m of messages) {
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        worstGapMs = Math.max(worstGapMs, now - last);
        last = now;
      }, 5);
      const r = await h.ok('voicemail:audio', m);
      clearInterval(ticker);
      if (r.format === 'gsm') {
        gsm = r;
        break;
      }
      worstGapMs = 0;
    }
    expect(gsm?.durationSec).toBeGreaterThan(28 * 60);
    expect(worstGapMs).toBeLessThan(blockingMs / 2);
  }, 60_000);
});
