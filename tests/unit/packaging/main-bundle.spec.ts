// What the built main process carries and loads (`npm test` builds before this runs): the demo
// PBX, with its certificate generator, is not in main.cjs but in demo-pbx.cjs, loaded only when
// the user asks for the demo; GSM decoding runs in voicemail-worker.cjs. Both load and work on
// their own, as main.cjs loads them (from the file beside it).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type * as DemoPbxServer from '../../../electron/core/demo-pbx/server.js';

const DIST = resolve('dist-electron');

function built(name: string): string {
  const file = join(DIST, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run node scripts/build.mjs first`);
  return file;
}

describe('dist-electron', () => {
  it('main.cjs does not contain the demo PBX or its certificate libraries, only the way to load them', () => {
    const main = readFileSync(built('main.cjs'), 'utf8');
    for (const marker of ['function startDemoPbx', 'selfsigned', '@peculiar', 'asn1js', 'BEGIN CERTIFICATE'])
      expect(main, marker).not.toContain(marker);
    expect(main).toContain('"./demo-pbx.cjs"');
    expect(main).toContain('"./voicemail-worker.cjs"');
  });

  it('demo-pbx.cjs loads on its own and serves the demo, over HTTPS too', async () => {
    const { startDemoPbx } = createRequire(import.meta.url)(built('demo-pbx.cjs')) as typeof DemoPbxServer;
    const pbx = await startDemoPbx({ extensions: 5, tenants: 1, https: true });
    try {
      expect(pbx.tls?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    } finally {
      await pbx.close();
    }
    const plain = await startDemoPbx({ extensions: 5, tenants: 1 });
    try {
      const res = await fetch(`${plain.url}/extensions`, {
        headers: { 'app-key': plain.appKey, tenant: plain.tenant },
      });
      expect(res.status).toBe(200);
    } finally {
      await plain.close();
    }
  });

  it('voicemail-worker.cjs decodes GSM in a worker thread', async () => {
    const worker = new Worker(built('voicemail-worker.cjs'));
    try {
      const reply = await new Promise<{ ok: boolean; playable?: { format: string; wav: Uint8Array } }>(
        (ok, fail) => {
          worker.once('message', ok);
          worker.once('error', fail);
          worker.postMessage(new Uint8Array(readFileSync('electron/core/demo-pbx/assets/gsm-en-1.wav')));
        },
      );
      expect(reply.ok).toBe(true);
      expect(reply.playable?.format).toBe('gsm');
      expect(reply.playable?.wav.byteLength).toBeGreaterThan(44);
    } finally {
      await worker.terminate();
    }
  });
});
