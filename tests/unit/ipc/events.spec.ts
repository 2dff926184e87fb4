// The event hub keeps the latest value of each state event for subscribers that arrive late, and
// the agent's unread count has one producer: the core's voicemail service.
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../electron/core/dispatch/events.js';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { cleanupsAfterEach, makeHarness, removeDir, profileForm } from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

describe('EventHub', () => {
  it('replays the latest state events to a late subscriber, without re-announcing news', () => {
    const hub = new EventHub();
    hub.emit('voicemail:new', { mailbox: '201', unread: 2, newKeys: ['a'] });
    hub.emit('voicemail:new', { mailbox: '201', unread: 3, newKeys: ['b'] });
    hub.emit('shell:focus', { target: 'search', query: '5' });
    const seen: [string, unknown][] = [];
    hub.subscribe((e, p) => seen.push([e, p]), { replay: true });
    expect(seen).toEqual([['voicemail:new', { mailbox: '201', unread: 3, newKeys: [] }]]);
    hub.forget('voicemail:new');
    expect(hub.latest()['voicemail:new']).toBeNull();
  });
});

describe('the unread count', () => {
  it('comes from the core alone: listing, marking heard and the poller all report it as events', async () => {
    const p = await startDemoPbx({ extensions: 30, tenants: 1 });
    cleanups.push(() => p.close());
    const h = await makeHarness();
    cleanups.push(() => h.close().then(() => removeDir(h.dataDir)));
    const form = { ...profileForm(p, 'VM'), showOthersVoicemail: true };
    const saved = await h.ok('profiles:save', form);
    cleanups.push(() => h.call('credentials:delete', { profileId: saved.id }));
    await h.ok('profiles:activate', { id: saved.id });
    await h.ok('sync:now');
    let mine: { number: string; id: string; key: string } | null = null;
    for (const e of (await h.ok('directory:get'))!.extensions) {
      const list = await h.ok('voicemail:list', { extensionId: e.id });
      const unread = list.records.find((r) => r.folder === 'INBOX');
      if (unread) {
        mine = { number: e.number, id: e.id, key: unread.key };
        break;
      }
    }
    if (!mine) throw new Error('the demo data has no unread message');
    await h.ok('profiles:save', { ...form, id: saved.id, myExtension: mine.number });
    const list = await h.ok('voicemail:list');
    const latest = await h.ok('events:latest');
    expect(latest['voicemail:new']).toEqual({ mailbox: mine.number, unread: list.unread, newKeys: [] });
    const after = await h.ok('voicemail:mark-listened', { extensionId: mine.id, key: mine.key });
    expect(after.unread).toBe(list.unread - 1);
    expect((await h.ok('events:latest'))['voicemail:new']?.unread).toBe(list.unread - 1);
  });
});
