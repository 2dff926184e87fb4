import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { parseWav } from '../../../electron/core/voicemail/wav.js';
import type { VoicemailList } from '../../../electron/core/shared/contract.js';
import {
  cleanupsAfterEach,
  type Harness,
  makeHarness,
  removeDir,
  until,
  profileForm,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

/** A PBX, a core connected to it with "my extension" set to one with several messages. */
async function setup(
  over: { showOthersVoicemail?: boolean; voicemailShape?: 'folder-object' | 'folder-array' | 'flat' } = {},
) {
  const p = await startDemoPbx({
    extensions: 30,
    tenants: 1,
    voicemailShape: over.voicemailShape ?? 'folder-array',
  });
  cleanups.push(() => p.close());
  const h = await makeHarness();
  cleanups.push(() => removeDir(h.dataDir));
  cleanups.push(() => h.close());
  const profile = await h.ok('profiles:save', {
    ...profileForm(p, 'VM'),
    showOthersVoicemail: over.showOthersVoicemail ?? false,
  });
  await h.ok('profiles:activate', { id: profile.id });
  await h.ok('sync:now');
  const dir = (await h.ok('directory:get'))!;
  // find an extension whose mailbox has at least two messages, then make it "mine"
  let mine: { number: string; id: string; list: VoicemailList } | null = null;
  await h.ok('profiles:save', { ...profile, showOthersVoicemail: true });
  for (const e of dir.extensions) {
    const list = await h.ok('voicemail:list', { extensionId: e.id });
    if (list.records.length >= 2 && list.records.some((r) => r.folder === 'INBOX')) {
      mine = { number: e.number, id: e.id, list };
      break;
    }
  }
  if (!mine) throw new Error('demo data has no mailbox with two messages, one of them new');
  await h.ok('profiles:save', {
    ...profile,
    myExtension: mine.number,
    showOthersVoicemail: over.showOthersVoicemail ?? false,
  });
  return { p, h, mine, dir };
}

async function audio(h: Harness, extensionId: string, key: string) {
  return h.ok('voicemail:audio', { extensionId, key });
}

describe('voicemail', () => {
  it('a poll that finds the same list rewrites nothing; a changed list is saved', async () => {
    const { h, p, mine } = await setup();
    await h.ok('voicemail:list');
    const file = join(h.dataDir, 'profiles', h.core.sync.profile?.id ?? '', `voicemail-list-${mine.id}.json`);
    const written = (await stat(file)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await h.ok('voicemail:list');
    expect((await stat(file)).mtimeMs).toBe(written);
    const first = mine.list.records.find((r) => r.folder === 'INBOX');
    if (!first) throw new Error('no new message');
    await h.ok('voicemail:mark-listened', { extensionId: mine.id, key: first.key });
    await h.ok('voicemail:list');
    expect((await stat(file)).mtimeMs).not.toBe(written);
    expect(p.requests.length).toBeGreaterThan(0);
  });

  it.each(['folder-object', 'folder-array', 'flat'] as const)(
    'lists the agent mailbox in the %s shape',
    async (shape) => {
      const { h, mine } = await setup({ voicemailShape: shape });
      const list = await h.ok('voicemail:list');
      expect(list.extensionId).toBe(mine.id);
      expect(list.records.length).toBe(mine.list.records.length);
      for (const r of list.records) {
        expect(r.folder).toMatch(/\w/);
        expect(r.msg).toMatch(/^msg\d{4}$/);
        expect(r.caller.number).not.toBe('');
      }
      // Urgent messages are new too (Asterisk keeps them in Urgent until heard).
      expect(list.unread).toBe(
        list.records.filter((r) => r.folder === 'INBOX' || r.folder === 'Urgent').length,
      );
    },
  );

  it("keeps other people's mailboxes closed unless the profile allows them", async () => {
    const { h, dir, mine } = await setup();
    const other = dir.extensions.find((e) => e.id !== mine.id)!;
    expect(await h.call('voicemail:list', { extensionId: other.id })).toMatchObject({
      ok: false,
      error: { code: 'VOICEMAIL_DISABLED' },
    });
  });

  it('plays every message as PCM (GSM decoded), caches it, and plays it again offline', async () => {
    const { p, h, mine } = await setup();
    const formats = new Set<string>();
    for (const r of mine.list.records) {
      const a = await audio(h, mine.id, r.key);
      expect(a.fromCache).toBe(false);
      const info = parseWav(a.wav);
      expect(['pcm16', 'mulaw']).toContain(info.format);
      expect(a.durationSec).toBeGreaterThan(0);
      formats.add(a.format);
    }
    const listed = await h.ok('voicemail:list');
    expect(listed.cached.sort()).toEqual(mine.list.records.map((r) => r.key).sort());
    await p.close();
    const key = mine.list.records[0]!.key;
    const again = await audio(h, mine.id, key);
    expect(again.fromCache).toBe(true);
    const offlineList = await h.ok('voicemail:list');
    expect(offlineList.fromCache).toBe(true);
    expect(offlineList.error?.code).toBe('PBX_UNREACHABLE');
    expect(offlineList.records).toHaveLength(mine.list.records.length);
    expect(formats.size).toBeGreaterThan(0);
  });

  it('says an uncached message cannot be played offline', async () => {
    const { p, h, mine } = await setup();
    await p.close();
    const r = await h.call('voicemail:audio', { extensionId: mine.id, key: mine.list.records[0]!.key });
    expect(r).toMatchObject({ ok: false, error: { code: 'AUDIO_UNAVAILABLE' } });
  });

  it('lists again and retries once when the recfile token has expired', async () => {
    const { p, h, mine } = await setup();
    p.rotateStaticToken();
    const before = p.requests.length;
    const a = await audio(h, mine.id, mine.list.records[0]!.key);
    expect(a.wav.length).toBeGreaterThan(44);
    const audioGets = p.requests.slice(before).filter((r) => r.path.includes('/static/'));
    expect(audioGets).toHaveLength(2);
    expect(p.requests.slice(before).some((r) => r.path.endsWith('/voicemail_records'))).toBe(true);
  });

  it('marks listened and deletes through the voicemail endpoints', async () => {
    const { p, h, mine } = await setup();
    const inbox = mine.list.records.find((r) => r.folder === 'INBOX') ?? mine.list.records[0]!;
    const before = p.requests.length;
    await h.ok('voicemail:mark-listened', { extensionId: mine.id, key: inbox.key });
    expect(
      p.requests
        .slice(before)
        .some((r) => r.method === 'POST' && r.path.includes(`/voicemail/${mine.number}/`)),
    ).toBe(true);
    const list = await h.ok('voicemail:list');
    const victim = list.records[0]!;
    const after = await h.ok('voicemail:delete', { extensionId: mine.id, key: victim.key });
    expect(after.records.length).toBe(list.records.length - 1);
  });
});

describe('voicemail formats', () => {
  it('decodes GSM 6.10 (wav49) messages to playable PCM', async () => {
    const { h, dir } = await setup({ showOthersVoicemail: true });
    let gsm = 0;
    for (const e of dir.extensions) {
      const list = await h.ok('voicemail:list', { extensionId: e.id });
      for (const r of list.records) {
        const a = await audio(h, e.id, r.key);
        if (a.format !== 'gsm') continue;
        gsm++;
        const info = parseWav(a.wav);
        expect(info.format).toBe('pcm16');
        expect(info.sampleRate).toBe(8000);
      }
      if (gsm >= 2) break;
    }
    expect(gsm).toBeGreaterThanOrEqual(2);
  });
});

describe('voicemail actions and announcements', () => {
  it('reports a PBX without the action (501) as NOT_SUPPORTED, not as a failure', async () => {
    const { p, h, mine } = await setup();
    p.setFaults({ kind: 'error501', paths: ['/voicemail/*'] });
    const r = await h.call('voicemail:mark-listened', {
      extensionId: mine.id,
      key: mine.list.records[0]!.key,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    const d = await h.call('voicemail:delete', { extensionId: mine.id, key: mine.list.records[0]!.key });
    expect(d).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });

  it('announces the unread count after the first sync and when it changes', async () => {
    const { h, mine } = await setup();
    const events = () => h.wire.map((w) => JSON.parse(w) as { event?: string; payload?: { unread: number } });
    const announced = await until(events, (es) => es.some((e) => e.event === 'voicemail:new'));
    const first = announced.find((e) => e.event === 'voicemail:new')!.payload!;
    const inbox = mine.list.records.filter((r) => r.folder === 'INBOX' || r.folder === 'Urgent');
    expect(mine.list.records.some((r) => r.folder === 'Urgent')).toBe(true);
    expect(first.unread).toBe(inbox.length);
    await h.ok('voicemail:delete', { extensionId: mine.id, key: inbox[0]!.key });
    const after = events().filter((e) => e.event === 'voicemail:new');
    expect(after.at(-1)!.payload!.unread).toBe(inbox.length - 1);
  });

  it('remembers the format the PBX sent for cached audio', async () => {
    const { h, dir } = await setup({ showOthersVoicemail: true });
    for (const e of dir.extensions) {
      const list = await h.ok('voicemail:list', { extensionId: e.id });
      for (const r of list.records) {
        const first = await h.ok('voicemail:audio', { extensionId: e.id, key: r.key });
        if (first.format !== 'gsm') continue;
        const again = await h.ok('voicemail:audio', { extensionId: e.id, key: r.key });
        expect(again).toMatchObject({ fromCache: true, format: 'gsm' });
        return;
      }
    }
    throw new Error('no GSM message in the demo data');
  });
});
