// Turning "show other extensions' voicemail" off deletes what was cached of other mailboxes:
// their lists and their audio; the agent's own stay.
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { cleanupsAfterEach, makeHarness, removeDir, profileForm } from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

describe('voicemail privacy', () => {
  it('deletes cached lists and audio of other mailboxes when it is switched back on', async () => {
    const p = await startDemoPbx({ extensions: 30, tenants: 1 });
    cleanups.push(() => p.close());
    const h = await makeHarness();
    cleanups.push(() => h.close().then(() => removeDir(h.dataDir)));
    const form = { ...profileForm(p, 'VM'), showOthersVoicemail: true };
    const profile = await h.ok('profiles:save', form);
    cleanups.push(() => h.call('credentials:delete', { profileId: profile.id }));
    await h.ok('profiles:activate', { id: profile.id });
    await h.ok('sync:now');
    const withMail: { id: string; number: string; key: string }[] = [];
    for (const e of (await h.ok('directory:get'))!.extensions) {
      const list = await h.ok('voicemail:list', { extensionId: e.id });
      if (list.records[0]) withMail.push({ id: e.id, number: e.number, key: list.records[0].key });
      if (withMail.length === 2) break;
    }
    const [mine, other] = withMail;
    if (!mine || !other) throw new Error('the demo data has fewer than two mailboxes with messages');
    await h.ok('profiles:save', { ...form, id: profile.id, myExtension: mine.number });
    await h.ok('voicemail:audio', { extensionId: mine.id, key: mine.key });
    await h.ok('voicemail:audio', { extensionId: other.id, key: other.key });
    const dir = `${h.dataDir}/profiles/${profile.id}`;
    const lists = async () => (await readdir(dir)).filter((f) => f.startsWith('voicemail-list-'));
    const audio = async () => (await readdir(`${dir}/voicemail`)).filter((f) => f.endsWith('.wav'));
    expect((await lists()).length).toBeGreaterThanOrEqual(2);
    expect(await audio()).toHaveLength(2);

    await h.ok('profiles:save', {
      ...form,
      id: profile.id,
      myExtension: mine.number,
      showOthersVoicemail: false,
    });
    const own = `voicemail-list-${encodeURIComponent(mine.id)}.`;
    expect(await lists()).toContain(`${own}json`);
    expect((await lists()).filter((f) => !f.startsWith(own))).toEqual([]);
    expect(await audio()).toHaveLength(1);
    const again = await h.ok('voicemail:audio', { extensionId: mine.id, key: mine.key });
    expect(again.fromCache).toBe(true);
  });
});
