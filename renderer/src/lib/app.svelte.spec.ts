// AppState and the voicemail badge against a real core: the screen a start leads to, the newest
// sync state winning over late replies, an outage as the status bar sees it, and a window that
// loads after the core's first voicemail poll still showing the count.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { attachCore } from '../../../tests/support/core-bridge.js';
import {
  cleanupsAfterEach,
  makeHarness,
  profileForm,
  type Harness,
} from '../../../tests/support/core-harness.js';
import { AppState } from './app.svelte.js';
import { inbox } from './voicemail.svelte.js';

vi.mock('./bridge.js', () => import('../../../tests/support/core-bridge.js'));

const cleanups = cleanupsAfterEach();
afterEach(() => attachCore(null));

async function core(): Promise<Harness> {
  const h = await makeHarness();
  cleanups.push(() => h.close());
  attachCore(h.core);
  return h;
}

async function demoPbx(): Promise<DemoPbx> {
  const pbx = await startDemoPbx({ extensions: 5 });
  cleanups.push(() => pbx.close());
  return pbx;
}

function started(app: AppState): AppState {
  cleanups.push(async () => app.stop());
  return app;
}

describe('AppState', () => {
  it('a first start opens the connection form; the demo opens the directory with its sync state', async () => {
    await core();
    const app = started(new AppState());
    await app.start();
    expect(app.screen).toBe('connect');
    expect(app.form?.editing).toBeNull();
    expect(app.sync.status).toBe('unknown');

    expect(await app.useDemo()).toBeNull();
    expect(app.screen).toBe('directory');
    expect(app.activeProfile?.demo).toBe(true);
    await vi.waitFor(() => expect(app.sync.status).toBe('online'), { timeout: 10_000 });
    expect(app.sync.extensionCount).toBeGreaterThan(0);
  });

  it('keeps the newest sync state: an older one arriving late is ignored', async () => {
    const h = await core();
    const pbx = await demoPbx();
    const saved = await h.ok('profiles:save', { ...profileForm(pbx) });
    const app = started(new AppState());
    await app.start();
    expect(app.screen).toBe('directory');
    expect(await app.activate(saved.id)).toBe(true);
    await vi.waitFor(() => expect(app.sync.status).toBe('online'), { timeout: 10_000 });
    const newest = app.sync;

    h.core.events.emit('sync:state', { ...newest, seq: newest.seq - 1, status: 'error' });
    expect(app.sync).toBe(newest);
    h.core.events.emit('sync:state', { ...newest, seq: newest.seq + 1, status: 'offline' });
    expect(app.sync.status).toBe('offline');
  });

  it('Sync now with the PBX down: offline, the error kept for the status bar, the directory count kept', async () => {
    const h = await core();
    const pbx = await demoPbx();
    const saved = await h.ok('profiles:save', { ...profileForm(pbx) });
    const app = started(new AppState());
    await app.start();
    await app.activate(saved.id);
    await vi.waitFor(() => expect(app.sync.status).toBe('online'), { timeout: 10_000 });
    const count = app.sync.extensionCount;
    await pbx.close();
    await app.syncNow();
    await vi.waitFor(() => expect(app.sync.status).toBe('offline'), { timeout: 10_000 });
    expect(app.sync.lastError?.code).toBe('PBX_UNREACHABLE');
    expect(app.sync.extensionCount).toBe(count);
  });

  it('removing the only PBX goes back to the connection form', async () => {
    const h = await core();
    const pbx = await demoPbx();
    const saved = await h.ok('profiles:save', { ...profileForm(pbx) });
    const app = started(new AppState());
    await app.start();
    await app.activate(saved.id);
    expect(await app.removeProfile(saved.id)).toBeNull();
    expect(app.activeId).toBeNull();
    expect(app.screen).toBe('connect');
    expect(app.profiles.filter((p) => !p.demo)).toEqual([]);
  });
});

describe('the voicemail badge', () => {
  it('a window that starts after the core announced messages shows the count from events:latest', async () => {
    const h = await core();
    h.core.events.emit('voicemail:new', { mailbox: '100', unread: 3, newKeys: ['a', 'b', 'c'] });
    inbox.reset();
    const off = inbox.start();
    cleanups.push(async () => off());
    await vi.waitFor(() => expect(inbox.unread).toBe(3));
    // A replayed count announces nothing: the messages were new before this window existed.
    expect(inbox.announced).toBe(0);
    h.core.events.emit('voicemail:new', { mailbox: '100', unread: 4, newKeys: ['d'] });
    expect(inbox.unread).toBe(4);
    expect(inbox.announced).toBe(1);
  });
});
