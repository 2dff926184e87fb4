// The fleet simulation behind `npm run bench -- fleet`: N desktops, each the real app core (sync
// service, refresh scheduler, voicemail poller) with its own data folder, all on one virtual
// clock against one demo PBX, through a working day: start-up within 60 s at 9:00, the
// directory changed twice, a 10-minute PBX outage at noon. Every request the PBX receives is
// kept with its virtual time, status and bytes for fleet-report.ts.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../../electron/core/app/app-core.js';
import type { SecretStore } from '../../electron/core/credentials/keychain.js';
import { startDemoPbx } from '../../electron/core/demo-pbx/server.js';
import { PbxClient } from '../../electron/core/pbx/client.js';
import type { Timers } from '../../electron/core/timers.js';
import { VirtualClock } from '../support/virtual-clock.js';

export interface FleetOptions {
  agents: number;
  extensions: number;
  hours: number;
}

export interface FleetRequest {
  at: number;
  /** The desktop's connection (its client port). */
  port: number;
  path: string;
  status: number;
  bytes: number;
}

export interface FleetRun {
  opts: FleetOptions;
  dayStart: number;
  outage: { from: number; to: number };
  changes: number[];
  requests: FleetRequest[];
  /** Mailbox extension id polled by each desk. */
  pollIntervalMs: number;
  realMs: number;
}

const MIN = 60_000;
/** The simulation's resolution: timers due within 100 ms of each other run together. */
export const BATCH_MS = 100;

/** Small seeded generator, one per desk, so a run is repeatable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function memorySecrets(): SecretStore {
  const m = new Map<string, string>();
  return {
    probe: async () => {},
    get: async (a) => m.get(a) ?? null,
    has: async (a) => m.has(a),
    set: async (a, s) => void m.set(a, s),
    delete: async (a) => m.delete(a),
  };
}

export async function runFleet(opts: FleetOptions): Promise<FleetRun> {
  const t0 = performance.now();
  const dayStart = Date.UTC(2026, 11, 7, 9);
  let clock: VirtualClock | null = null;
  const pbx = await startDemoPbx({
    extensions: opts.extensions,
    tenants: 1,
    seed: 11,
    validators: 'both',
    now: () => clock?.now() ?? dayStart,
  });
  const numbers = (
    await new PbxClient({
      baseUrl: pbx.origin,
      tenant: pbx.tenant,
      appKey: pbx.appKey,
      tlsPin: null,
      allowHttp: true,
    }).listExtensions()
  ).extensions.map((e) => e.number);
  pbx.requests.length = 0;

  const seen: FleetRequest[] = [];
  let logged = 0;
  const collect = () => {
    for (; logged < pbx.requests.length; logged++) {
      const r = pbx.requests[logged];
      if (r) seen.push({ at: r.at, port: r.port, path: r.path, status: r.status ?? 0, bytes: r.bytes ?? 0 });
    }
  };
  // A timer's work is over when the PBX has nothing in flight for a few turns of the loop (the
  // answers' parsing and the files written after them happen within those turns).
  // Counted on the desktops' side too: the PBX may be done while an answer is still on its way.
  let clientBusy = 0;
  const started = () => void clientBusy++;
  const finished = () => void clientBusy--;
  subscribe('http.client.request.start', started);
  subscribe('http.client.response.finish', finished);
  subscribe('http.client.request.error', finished);
  const turn = () => new Promise<void>((r) => setImmediate(r));
  const settle = async () => {
    for (let quiet = 0; quiet < 4;) {
      await turn();
      const busy =
        clientBusy > 0 ||
        pbx.inFlight() > 0 ||
        process.getActiveResourcesInfo().some((k) => k.startsWith('FS'));
      quiet = busy ? 0 : quiet + 1;
    }
    collect();
  };
  clock = new VirtualClock(dayStart, settle, BATCH_MS);
  const c = clock;
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const root = await mkdtemp(join(base, 'vpbx-fleet-'));
  const cores: AppCore[] = [];
  const outage = { from: dayStart + 3 * 60 * MIN, to: dayStart + 3 * 60 * MIN + 10 * MIN };
  const changes = [dayStart + 90 * MIN, dayStart + 5 * 60 * MIN + 45 * MIN];

  const startDesk = async (i: number, own: { now: () => number; timers: Timers }) => {
    const core = createAppCore({
      dataDir: join(root, String(i)),
      capabilities: { host: 'browser', version: 'fleet' },
      secrets: memorySecrets(),
      policyPath: join(root, 'no-policy.json'),
      clock: { ...own, random: rng(1000 + i) },
    });
    cores.push(core);
    await core.start();
    const saved = await core.dispatch(
      'profiles:save',
      {
        label: 'PBX',
        baseUrl: pbx.origin,
        tenant: pbx.tenant,
        tlsPin: null,
        myExtension: numbers[i % numbers.length] ?? null,
        allowHttp: true,
        showOthersVoicemail: false,
        dialScheme: 'tel',
        appKey: pbx.appKey,
      },
      { host: 'test' },
    );
    if (!saved.ok) throw new Error(`desk ${i}: ${saved.error.message}`);
    await core.dispatch('profiles:activate', { id: (saved.data as { id: string }).id }, { host: 'test' });
  };
  // The agents arrive within the first minute, each at its own moment.
  const arrival = rng(7);
  for (let i = 0; i < opts.agents; i++) {
    const own = c.local();
    own.timers.setTimeout(() => void startDesk(i, own), arrival() * MIN);
  }
  c.timers.setTimeout(() => pbx.setFaults({ kind: 'error500-html' }), outage.from - dayStart);
  c.timers.setTimeout(() => pbx.setFaults(null), outage.to - dayStart);
  for (const at of changes) c.timers.setTimeout(() => pbx.changeDirectory(), at - dayStart);

  const end = dayStart + opts.hours * 60 * MIN;
  while (c.now() < end) {
    await c.advance(Math.min(MIN, end - c.now()));
  }
  for (const core of cores) await core.dispose();
  await pbx.close();
  unsubscribe('http.client.request.start', started);
  unsubscribe('http.client.response.finish', finished);
  unsubscribe('http.client.request.error', finished);
  await rm(root, { recursive: true, force: true });
  return {
    opts,
    dayStart,
    outage,
    changes,
    requests: seen,
    pollIntervalMs: 60_000,
    realMs: performance.now() - t0,
  };
}
