// Voicemail bytes → a WAV Chromium can play, without blocking the process: the header is read
// here (cheap, and it enforces the length cap before any decoding), formats Chromium plays pass
// through, and GSM is decoded in a worker thread whose result is transferred back.
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error.js';
import type { AppErrorData } from '../shared/errors.js';
import { needsDecoding, toPlayableWav, type PlayableWav } from './wav.js';

/**
 * Where the worker's code is. From the sources (the browser host and the tests run them under
 * tsx) it is decode-worker.ts, started through a small tsx bootstrap; in the built app it is the
 * separate bundle voicemail-worker.cjs beside main.cjs. The same decode-worker.ts either way.
 */
function workerFile(): URL {
  const here = import.meta.url;
  return /\.ts$/.test(new URL(here).pathname)
    ? new URL('./decode-worker-tsx.mjs', here)
    : new URL('./voicemail-worker.cjs', here);
}

type WorkerReply = { ok: true; playable: PlayableWav } | { ok: false; error: AppErrorData };

function decodeInWorker(bytes: Uint8Array): Promise<PlayableWav> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile());
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fn();
    };
    worker.once('message', (reply: WorkerReply) =>
      finish(() =>
        reply.ok
          ? resolve(reply.playable)
          : reject(new AppError(reply.error.code, reply.error.message, { detail: reply.error.detail })),
      ),
    );
    worker.once('error', (err) => finish(() => reject(err)));
    worker.once('exit', (code) =>
      finish(() => reject(new Error(`the voicemail decoder stopped (exit code ${code})`))),
    );
    worker.postMessage(bytes);
  });
}

/** toPlayableWav, with the decoding (if any) off the main thread. */
export async function playableWav(bytes: Uint8Array): Promise<PlayableWav> {
  return needsDecoding(bytes) ? decodeInWorker(bytes) : toPlayableWav(bytes);
}
