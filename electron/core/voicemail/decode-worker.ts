// Worker-thread entry: turns one voicemail into a playable WAV (GSM 6.10 decoding takes about a
// second per 70 minutes of audio, and that must not freeze the process that answers the window).
// The result's bytes are transferred back, not copied. In the built app this file is its own
// bundle (dist-electron/voicemail-worker.cjs, see scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { toAppError } from '../app-error.js';
import { toPlayableWav } from './wav.js';

parentPort?.on('message', (bytes: Uint8Array) => {
  try {
    const playable = toPlayableWav(bytes);
    parentPort?.postMessage({ ok: true, playable }, [playable.wav.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: toAppError(err).toData() });
  }
});
