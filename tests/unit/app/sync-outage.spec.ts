// An outage as the shipped app meets it: the core built exactly as the desktop shell and the
// browser host build it (no retry schedule passed in), a real PBX that goes away and comes back
// on the same port, and the production retry schedule run on a fake clock instead of waited out.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { retryDelayMs } from '../../../electron/core/app/sync-service.js';
import {
  type Harness,
  makeHarness,
  removeDir,
  tempDir,
  until,
  profileForm,
} from '../../support/core-harness.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  while (cleanups.length)
    await cleanups
      .pop()?.()
      .catch(() => {});
});

/** Only timers are faked; the clock still moves with real time, so sockets behave as usual. */
function fakeClock(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
}

async function pbx(port = 0): Promise<DemoPbx> {
  const p = await startDemoPbx({ extensions: 30, tenants: 1, port });
  cleanups.push(() => p.close());
  return p;
}

async function harness(dataDir?: string): Promise<Harness> {
  const dir = dataDir ?? (await tempDir());
  const h = await makeHarness(dir);
  cleanups.push(() => h.close());
  if (!dataDir) cleanups.push(() => removeDir(dir));
  return h;
}

async function saveProfile(h: Harness, p: DemoPbx): Promise<void> {
  const profile = await h.ok('profiles:save', {
    ...profileForm(p, 'Office'),
  });
  await h.ok('profiles:activate', { id: profile.id });
  expect((await h.ok('sync:now')).status).toBe('online');
}

const portOf = (p: DemoPbx) => Number(new URL(p.origin).port);
const sync = (h: Harness) => h.core.sync.state;

describe('an outage with production defaults', () => {
  it('Sync now with the PBX down says offline at once, keeps the directory, and catches up by itself', async () => {
    const first = await pbx();
    const h = await harness();
    await saveProfile(h, first);
    const syncedAt = sync(h).syncedAt;
    await first.close();
    fakeClock();

    // The answer itself must be "offline", not a stuck "syncing" or an internal error.
    const down = await h.call('sync:now');
    expect(down).toMatchObject({ ok: true, data: { status: 'offline', progress: null } });
    expect(sync(h).lastError?.code).toBe('PBX_UNREACHABLE');
    expect((await h.ok('directory:get'))?.extensions).toHaveLength(30);
    expect(sync(h).syncedAt).toBe(syncedAt);

    const back = await pbx(portOf(first));
    const requestsBefore = back.requests.length;
    // Nothing happens until the first retry is due: the app waits for its schedule.
    expect(sync(h).status).toBe('offline');
    await vi.advanceTimersByTimeAsync(5_000);
    const online = await until(
      () => sync(h),
      (s) => s.status === 'online',
      3_000,
    );
    expect(back.requests.length).toBeGreaterThan(requestsBefore);
    expect(online.lastError).toBeNull();
    // The PBX confirmed the same directory: checked now, the saved copy kept as it was.
    expect(online.checkedAt).toBeGreaterThan(syncedAt!);
    expect(online.syncedAt).toBe(syncedAt);
  });

  it('keeps retrying through a long outage, and Sync now still works in between', async () => {
    const first = await pbx();
    const h = await harness();
    await saveProfile(h, first);
    await first.close();
    fakeClock();
    await h.ok('sync:now');
    // Twelve minutes of outage: every retry fails, none leaves the state stuck in "syncing".
    for (let step = 0; step < 6; step++) {
      await vi.advanceTimersByTimeAsync(120_000);
      await until(
        () => sync(h),
        (s) => s.status === 'offline',
        3_000,
      );
    }
    expect(sync(h).lastError?.code).toBe('PBX_UNREACHABLE');
    const again = await h.call('sync:now');
    expect(again).toMatchObject({ ok: true, data: { status: 'offline' } });

    await pbx(portOf(first));
    // After a long outage the waits have grown, but never beyond five minutes.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await until(
      () => sync(h),
      (s) => s.status === 'online',
      3_000,
    );
  });

  it('launched with the PBX down: the saved directory, offline, then online when the PBX returns', async () => {
    const first = await pbx();
    const dataDir = await tempDir();
    cleanups.push(() => removeDir(dataDir));
    const h1 = await makeHarness(dataDir);
    await saveProfile(h1, first);
    await h1.close();
    await first.close();

    fakeClock();
    const h2 = await harness(dataDir);
    await h2.core.start();
    expect((await h2.ok('directory:get'))?.extensions).toHaveLength(30);
    await until(
      () => sync(h2),
      (s) => s.status === 'offline',
      3_000,
    );
    await pbx(portOf(first));
    await vi.advanceTimersByTimeAsync(5_000);
    await until(
      () => sync(h2),
      (s) => s.status === 'online',
      3_000,
    );
  });
});

describe('the retry schedule', () => {
  it('retries within 5 s first, backs off exponentially with full jitter, and caps at 5 min', () => {
    const top = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => retryDelayMs(n, top))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
    // Full jitter spreads a retry over the whole step, never closer than a second.
    expect(retryDelayMs(0, () => 0)).toBe(1_000);
    expect(retryDelayMs(3, () => 0.5)).toBe(20_000);
    for (let i = 0; i < 200; i++) {
      const first = retryDelayMs(0);
      expect(first).toBeGreaterThanOrEqual(1_000);
      expect(first).toBeLessThanOrEqual(5_000);
    }
  });
});
