// Background refresh as shipped, on a virtual clock: the interval from the settings with its
// ±20% jitter, the nudges (resume, unlock, network back, window shown), and what a refresh does
// to the saved directory and the window: nothing when the PBX's directory is the same (by hash,
// or by a 304 to a conditional request), an in-place change with its counts otherwise.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import type { ListValidators } from '../../../electron/core/demo-pbx/list-validators.js';
import type { SyncState } from '../../../electron/core/shared/contract.js';
import { type Harness, makeHarness, removeDir, tempDir } from '../../support/core-harness.js';
import { VirtualClock } from '../../support/virtual-clock.js';

const MIN = 60_000;
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length)
    await cleanups
      .pop()?.()
      .catch(() => {});
});

interface Desk {
  h: Harness;
  pbx: DemoPbx;
  clock: VirtualClock;
  states: SyncState[];
  listRequests: () => DemoPbx['requests'];
  snapshotMtime: () => Promise<number>;
}

/** A core on a virtual clock with one profile on a demo PBX, after its first sync. */
async function desk(random: () => number, validators: ListValidators = 'none'): Promise<Desk> {
  let h: Harness | null = null;
  // A timer's work is done when no sync runs and the settings read a nudge waits for is over.
  const clock = new VirtualClock(Date.UTC(2026, 11, 7, 9), async () => {
    // A sync may also be waiting on this clock (the client's retry pause): then stop waiting.
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 15));
      if (h?.core.sync.state.status !== 'syncing') break;
    }
  });
  const pbx = await startDemoPbx({ extensions: 30, tenants: 1, validators });
  cleanups.push(() => pbx.close());
  const dir = await tempDir();
  h = await makeHarness(dir, { clock: { now: clock.now, timers: clock.timers, random } });
  const harness = h;
  cleanups.push(
    () => harness.close(),
    () => removeDir(dir),
  );
  const states: SyncState[] = [];
  h.core.events.subscribe((e, p) => void (e === 'sync:state' && states.push(p as SyncState)));
  const profile = await h.ok('profiles:save', {
    label: 'Office',
    baseUrl: pbx.origin,
    tenant: pbx.tenant,
    tlsPin: null,
    myExtension: null,
    allowHttp: true,
    showOthersVoicemail: false,
    dialScheme: 'tel',
    appKey: pbx.appKey,
  });
  await h.ok('profiles:activate', { id: profile.id });
  await clock.advance(0);
  expect(h.core.sync.state.status).toBe('online');
  const file = join(dir, 'profiles', profile.id, 'snapshot.json');
  return {
    h,
    pbx,
    clock,
    states,
    listRequests: () => pbx.requests.filter((r) => r.path === '/api/v2/extensions'),
    snapshotMtime: async () => (await stat(file)).mtimeMs,
  };
}

describe('background refresh', () => {
  it.each([
    [0, 12],
    [0.5, 15],
    [0.999_999, 18],
  ])('with jitter %d the next refresh comes %d minutes after the last sync', async (r, minutes) => {
    const d = await desk(() => r);
    const before = d.listRequests().length;
    await d.clock.advance(minutes * MIN - 1_000);
    expect(d.listRequests()).toHaveLength(before);
    await d.clock.advance(1_000);
    expect(d.listRequests()).toHaveLength(before + 1);
    // And again one interval after that one, not sooner.
    await d.clock.advance(minutes * MIN - 1_000);
    expect(d.listRequests()).toHaveLength(before + 1);
    await d.clock.advance(1_000);
    expect(d.listRequests()).toHaveLength(before + 2);
  });

  it('follows the interval setting', async () => {
    const d = await desk(() => 0.5);
    await d.h.ok('settings:set', { refreshMinutes: 60 });
    await d.clock.advance(15 * MIN); // the wait armed before the change
    const before = d.listRequests().length;
    await d.clock.advance(60 * MIN - 1_000);
    expect(d.listRequests()).toHaveLength(before);
    await d.clock.advance(1_000);
    expect(d.listRequests()).toHaveLength(before + 1);
  });

  it.each(['none', 'etag', 'last-modified', 'both'] as const)(
    'an unchanged directory (validators: %s) rewrites nothing and keeps what the window shows',
    async (validators) => {
      const d = await desk(() => 0.5, validators);
      const mtime = await d.snapshotMtime();
      const first = d.h.core.sync.state;
      d.states.length = 0;
      await d.clock.advance(15 * MIN);
      const last = d.listRequests().at(-1);
      if (validators === 'etag' || validators === 'both') expect(last?.headers['if-none-match']).toBeTruthy();
      if (validators === 'last-modified') expect(last?.headers['if-modified-since']).toBeTruthy();
      if (validators === 'none') expect(last?.headers['if-none-match']).toBeUndefined();
      // A PBX with validators answers without a body; one without sends the whole list again.
      expect(last?.status).toBe(validators === 'none' ? 200 : 304);
      const now = d.h.core.sync.state;
      expect(now.status).toBe('online');
      // The window reloads when syncedAt changes (DirectoryScreen): it must not.
      expect(d.states.map((s) => s.syncedAt)).toEqual(d.states.map(() => first.syncedAt));
      expect(now.checkedAt).toBe((first.checkedAt ?? 0) + 15 * MIN);
      expect(now.changes).toBeNull();
      expect(await d.snapshotMtime()).toBe(mtime);
    },
  );

  it.each(['none', 'both'] as const)(
    'a changed directory (validators: %s) is saved and counted',
    async (v) => {
      const d = await desk(() => 0.5, v);
      const mtime = await d.snapshotMtime();
      const firstSynced = d.h.core.sync.state.syncedAt;
      d.pbx.changeDirectory();
      await d.clock.advance(15 * MIN);
      const s = d.h.core.sync.state;
      expect(s.syncedAt).toBe((firstSynced ?? 0) + 15 * MIN);
      expect(s.changes).toEqual({ added: 0, changed: 1, removed: 1 });
      expect(s.extensionCount).toBe(29);
      expect(await d.snapshotMtime()).not.toBe(mtime);
      const dir = await d.h.ok('directory:get');
      expect(dir?.extensions.some((e) => e.name.endsWith('(moved)'))).toBe(true);
    },
  );
});

describe('nudges', () => {
  it.each(['resume', 'unlock', 'online'] as const)(
    '%s refreshes within the spread, but not right after a sync',
    async (reason) => {
      const d = await desk(() => 0.5);
      const before = d.listRequests().length;
      expect(await d.h.core.nudge(reason)).toBe(false);
      await d.clock.advance(2 * MIN);
      expect(await d.h.core.nudge(reason)).toBe(true);
      await d.clock.advance(5_000); // random 0.5 of the 10 s spread
      expect(d.listRequests()).toHaveLength(before + 1);
      expect(d.h.core.sync.state.checkedAt).toBe(d.clock.now());
    },
  );

  it('network back while offline syncs without waiting for the next retry', async () => {
    const d = await desk(() => 0.999);
    d.pbx.setFaults({ kind: 'error500-json' });
    void d.h.call('sync:now');
    // Retries with this jitter come at 5, 15, 35, 75 and then 155 s.
    await d.clock.advance(2 * MIN);
    expect(d.h.core.sync.state.status).not.toBe('online');
    d.pbx.setFaults(null);
    expect(await d.h.core.nudge('online')).toBe(true);
    await d.clock.advance(10_000);
    expect(d.h.core.sync.state.status).toBe('online');
  });

  it('the window shown after being hidden longer than the interval refreshes; a short hide does not', async () => {
    const d = await desk(() => 0.5);
    await d.h.ok('sync:nudge', { reason: 'hidden' });
    await d.clock.advance(5 * MIN);
    expect(await d.h.ok('sync:nudge', { reason: 'shown' })).toEqual({ syncing: false });
    await d.h.ok('sync:nudge', { reason: 'hidden' });
    await d.clock.advance(16 * MIN); // the background refresh ran at 15 min
    const before = d.listRequests().length;
    await d.clock.advance(2 * MIN);
    expect(await d.h.ok('sync:nudge', { reason: 'shown' })).toEqual({ syncing: true });
    await d.clock.advance(0);
    expect(d.listRequests()).toHaveLength(before + 1);
  });
});
