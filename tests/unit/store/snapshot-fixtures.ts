// Deterministic generator of realistic directory snapshots (names, 0-3 devices, 0-3 queues, CDR
// summaries) for the store tests, the crash test's child process and the snapshot benchmark.
import { SNAPSHOT_VERSION, type Extension, type Snapshot } from '../../../electron/core/shared/domain.js';

/** mulberry32: a tiny seeded PRNG, so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ana', 'Bruno', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Greta', 'Hiro', 'Inès', 'José', 'Kwame'];
const LAST = ['Müller', 'García', 'Okafor', 'Nguyen', 'Smith', 'Kowalski', 'Rossi', 'Dubois', 'Tanaka'];
const LANGS = ['en', 'es', 'fr', 'de', null];
const QUEUES = ['Sales', 'Support', 'Billing', 'Escalations', 'Night shift', 'Q500'];

export function makeExtension(i: number, rnd: () => number, tenantId = '1'): Extension {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const number = String(1000 + i);
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const cid = { name, number };
  const devices = Array.from({ length: Math.floor(rnd() * 4) }, (_, d) => ({
    id: String(i * 4 + d + 1),
    name: d === 0 ? number : `${number}_${d}`,
    user: d === 0 ? number : `${number}_${d}`,
    description: `${name} ${d === 0 ? 'desk' : 'softphone'}`,
    technology: pick(['pjsip', 'sip', 'iax2']),
    ring: rnd() > 0.2,
    assignedExtension: rnd() > 0.1 ? number : null,
  }));
  const queues = Array.from({ length: Math.floor(rnd() * 4) }, (_, q) => ({
    id: String(q + 1),
    name: QUEUES[(i + q) % QUEUES.length] as string,
    penalty: Math.floor(rnd() * 3),
  }));
  const hasCdr = rnd() > 0.3;
  return {
    id: String(i + 1),
    number,
    name,
    email: rnd() > 0.4 ? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` : null,
    language: pick(LANGS),
    internalCid: cid,
    externalCid: rnd() > 0.5 ? { name, number: `+4420${String(7946000 + i)}` } : null,
    emergencyCid: rnd() > 0.8 ? cid : null,
    mailbox: rnd() > 0.2 ? `${number}@default` : null,
    tenantId,
    devices,
    queues,
    cdr: hasCdr
      ? {
          local: Math.floor(rnd() * 500),
          incoming: Math.floor(rnd() * 900),
          outgoing: Math.floor(rnd() * 700),
          transit: Math.floor(rnd() * 20),
          asOf: 1_760_000_000_000 + Math.floor(rnd() * 1e9),
        }
      : null,
  };
}

export function makeSnapshot(opts: {
  profileId: string;
  count: number;
  seed?: number;
  syncedAt?: number;
}): Snapshot {
  const rnd = seededRandom(opts.seed ?? 1);
  return {
    version: SNAPSHOT_VERSION,
    profileId: opts.profileId,
    tenant: 'vitalpbx',
    syncedAt: opts.syncedAt ?? 1_760_000_000_000,
    extensions: Array.from({ length: opts.count }, (_, i) => makeExtension(i, rnd)),
  };
}

export const CRASH_PROFILE = 'crash';

/** The two versions the crash test's child alternates between: distinct, ~0.8 MB each, so a
 *  save takes long enough to be interrupted part-way. */
export function crashVersions(): [Snapshot, Snapshot] {
  return [
    makeSnapshot({ profileId: CRASH_PROFILE, count: 1200, seed: 11, syncedAt: 1 }),
    makeSnapshot({ profileId: CRASH_PROFILE, count: 1400, seed: 12, syncedAt: 2 }),
  ];
}
