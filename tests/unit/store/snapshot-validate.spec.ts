// The fast snapshot check must accept exactly what SnapshotSchema accepts: every field of sample
// snapshots is deleted or replaced by values of every wrong (and right) type, and both must agree.
import { describe, expect, it } from 'vitest';
import {
  type Extension,
  ExtensionSchema,
  type Snapshot,
  SnapshotSchema,
} from '../../../electron/core/shared/domain.js';
import { checkExtension, checkSnapshot } from '../../../electron/core/store/snapshot-validate.js';
import { makeSnapshot } from './snapshot-fixtures.js';

const full: Extension = {
  id: '7',
  number: '107',
  name: 'Zoë Test',
  email: 'zoe@example.com',
  language: 'en',
  internalCid: { name: 'Zoë', number: '107' },
  externalCid: { name: 'Zoë', number: '+442079460107' },
  emergencyCid: { name: 'Zoë', number: '999107' },
  mailbox: '107@default',
  tenantId: '1',
  devices: [
    {
      id: '3',
      name: '107',
      user: '107',
      description: 'desk',
      technology: 'pjsip',
      ring: true,
      assignedExtension: '107',
    },
  ],
  queues: [{ id: '1', name: 'Sales', penalty: 2 }],
  cdr: { local: 1, incoming: 2, outgoing: 3, transit: 0, asOf: 1_760_000_000_000 },
};
const sparse: Extension = {
  ...full,
  id: '8',
  email: null,
  language: null,
  internalCid: null,
  externalCid: null,
  emergencyCid: null,
  mailbox: null,
  tenantId: null,
  devices: [{ ...full.devices[0]!, assignedExtension: null }],
  queues: [],
  cdr: null,
};
const sample: Snapshot = {
  version: 1,
  profileId: 'office',
  tenant: 'vitalpbx',
  syncedAt: 1_760_000_000_000,
  extensions: [full, sparse],
};

const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  '',
  'x',
  0,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  [1],
  {},
  { name: 'a', number: '1' },
];

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = prefix.length ? [prefix] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

function mutate<T>(root: T, path: Path, replacement: unknown, remove: boolean): T {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

function compare<T>(
  root: T,
  fast: (v: unknown) => string | null,
  schema: { safeParse(v: unknown): { success: boolean } },
) {
  let rejected = 0;
  let accepted = 0;
  const disagreements: string[] = [];
  for (const path of paths(root)) {
    const variants = [
      ...REPLACEMENTS.map((r) => mutate(root, path, r, false)),
      mutate(root, path, undefined, true),
    ];
    variants.forEach((variant, i) => {
      const fastOk = fast(variant) === null;
      const zodOk = schema.safeParse(variant).success;
      if (fastOk !== zodOk) disagreements.push(`${path.join('.')} variant ${i}: fast=${fastOk} zod=${zodOk}`);
      if (zodOk) accepted++;
      else rejected++;
    });
  }
  return { rejected, accepted, disagreements };
}

describe('checkSnapshot agrees with SnapshotSchema', () => {
  it('accepts valid snapshots, including generated ones and an empty directory', () => {
    for (const s of [
      sample,
      makeSnapshot({ profileId: 'p', count: 300, seed: 9 }),
      { ...sample, extensions: [] },
    ]) {
      expect(SnapshotSchema.safeParse(s).success).toBe(true);
      expect(checkSnapshot(s)).toBeNull();
    }
  });

  it('agrees on every single-field mutation of a snapshot', () => {
    const { rejected, accepted, disagreements } = compare(sample, checkSnapshot, SnapshotSchema);
    expect(disagreements).toEqual([]);
    // Both outcomes must really occur, or the comparison would prove nothing.
    expect(rejected).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(50);
  });

  it('agrees on every single-field mutation of an extension', () => {
    for (const ext of [full, sparse]) {
      const { disagreements, rejected } = compare(ext, checkExtension, ExtensionSchema);
      expect(disagreements).toEqual([]);
      expect(rejected).toBeGreaterThan(100);
    }
  });

  it('rejects non-objects and other versions, naming the field but never its value', () => {
    for (const bad of [null, [], 'snapshot', 42]) {
      expect(checkSnapshot(bad)).not.toBeNull();
      expect(SnapshotSchema.safeParse(bad).success).toBe(false);
    }
    expect(checkSnapshot({ ...sample, version: 2 })).toBe('unsupported version');
    const leaky = mutate(sample, ['extensions', 0, 'devices', 0, 'ring'], 'secret-value-123', false);
    const reason = checkSnapshot(leaky);
    expect(reason).toBe('extensions[0].devices[0].ring');
  });
});
