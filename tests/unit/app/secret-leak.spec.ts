// The PBX sends phone passwords (devices[].secret) and feature-code passwords
// (features_password) with every extension. They must be dropped at the parser: after a full
// sync, detail refreshes, voicemail fetches and exports, no trace of them may exist in the data
// folder or in anything that crossed the IPC boundary. The app key must not be on disk either.
import { expect, it } from 'vitest';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { cleanupsAfterEach, makeHarness, readTree, removeDir } from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

it('never lets a device secret, features password or app key reach disk or IPC', async () => {
  const marker = `PLANTED${Date.now().toString(36)}X`;
  const p = await startDemoPbx({ extensions: 25, tenants: 1, secretMarker: marker });
  cleanups.push(() => p.close());
  const h = await makeHarness();
  cleanups.push(() => removeDir(h.dataDir));
  cleanups.push(() => h.close());

  // sanity: the PBX really sends the planted secrets
  const raw = await fetch(`${p.url}/extensions`, { headers: { 'app-key': p.appKey, tenant: p.tenant } }).then(
    (r) => r.text(),
  );
  expect(raw).toContain(marker);

  const profile = await h.ok('profiles:save', {
    label: 'Leak test',
    baseUrl: p.origin,
    tenant: p.tenant,
    tlsPin: null,
    myExtension: null,
    allowHttp: true,
    showOthersVoicemail: true,
    dialScheme: 'sip',
    appKey: p.appKey,
  });
  await h.ok('profiles:activate', { id: profile.id });
  await h.ok('sync:now');
  const dir = (await h.ok('directory:get'))!;
  for (const e of dir.extensions) {
    await h.ok('directory:extension', { id: e.id });
    const list = await h.ok('voicemail:list', { extensionId: e.id });
    for (const r of list.records.slice(0, 1))
      await h.ok('voicemail:audio', { extensionId: e.id, key: r.key });
  }
  for (const format of ['csv', 'vcard', 'json'] as const) await h.ok('directory:export', { format });
  await h.ok('profiles:list');
  await h.ok('sync:state');

  expect(h.wire.length).toBeGreaterThan(50);
  const leaks = h.wire.filter((w) => w.includes(marker) || w.includes(p.appKey));
  expect(leaks).toEqual([]);
  const files = await readTree(h.dataDir);
  expect(files.length).toBeGreaterThan(3);
  const leakingFiles = files
    .filter((f) => f.text.includes(marker) || f.text.includes(p.appKey))
    .map((f) => f.path);
  expect(leakingFiles).toEqual([]);
});
