// Fast structural check of a snapshot, for the load and save hot paths. Full zod validation of a
// 100,000-extension snapshot costs about as much as JSON.parse itself (measured: ~470 ms against
// ~600 ms), which would put a cold start far above its budget; these plain loops do the same
// checks in a few tens of milliseconds. The rules mirror SnapshotSchema in shared/domain.ts
// exactly; tests/unit/store/snapshot-validate.spec.ts mutates every field of sample snapshots and
// requires this function and the schema to agree, so the two cannot drift apart unnoticed.
// Unlike zod, unknown keys are left in place rather than stripped (the file is our own output).
import { SNAPSHOT_VERSION } from '../shared/domain.js';

type Rec = Record<string, unknown>;

function isObj(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function isNullableStr(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

function isCid(v: unknown): boolean {
  return isObj(v) && typeof v.name === 'string' && typeof v.number === 'string';
}

function checkDevice(d: unknown): string | null {
  if (!isObj(d)) return 'expected an object';
  if (typeof d.id !== 'string') return 'id';
  if (typeof d.name !== 'string') return 'name';
  if (typeof d.user !== 'string') return 'user';
  if (typeof d.description !== 'string') return 'description';
  if (typeof d.technology !== 'string') return 'technology';
  if (typeof d.ring !== 'boolean') return 'ring';
  if (!isNullableStr(d.assignedExtension)) return 'assignedExtension';
  return null;
}

function checkQueue(q: unknown): string | null {
  if (!isObj(q)) return 'expected an object';
  if (typeof q.id !== 'string') return 'id';
  if (typeof q.name !== 'string') return 'name';
  if (typeof q.penalty !== 'number' || !Number.isSafeInteger(q.penalty)) return 'penalty';
  return null;
}

function checkCdr(c: unknown): string | null {
  if (c === null) return null;
  if (!isObj(c)) return 'expected an object or null';
  if (!isCount(c.local)) return 'local';
  if (!isCount(c.incoming)) return 'incoming';
  if (!isCount(c.outgoing)) return 'outgoing';
  if (!isCount(c.transit)) return 'transit';
  if (!isNum(c.asOf)) return 'asOf';
  return null;
}

/** Checks one extension; returns the path of the first bad field (relative), or null. */
export function checkExtension(e: unknown): string | null {
  if (!isObj(e)) return 'expected an object';
  if (typeof e.id !== 'string') return 'id';
  if (typeof e.number !== 'string') return 'number';
  if (typeof e.name !== 'string') return 'name';
  if (!isNullableStr(e.email)) return 'email';
  if (!isNullableStr(e.language)) return 'language';
  if (e.internalCid !== null && !isCid(e.internalCid)) return 'internalCid';
  if (e.externalCid !== null && !isCid(e.externalCid)) return 'externalCid';
  if (e.emergencyCid !== null && !isCid(e.emergencyCid)) return 'emergencyCid';
  if (!isNullableStr(e.mailbox)) return 'mailbox';
  if (!isNullableStr(e.tenantId)) return 'tenantId';
  const { devices, queues } = e;
  if (!Array.isArray(devices)) return 'devices';
  for (let i = 0; i < devices.length; i++) {
    const bad = checkDevice(devices[i]);
    if (bad) return `devices[${i}].${bad}`;
  }
  if (!Array.isArray(queues)) return 'queues';
  for (let i = 0; i < queues.length; i++) {
    const bad = checkQueue(queues[i]);
    if (bad) return `queues[${i}].${bad}`;
  }
  const badCdr = checkCdr(e.cdr);
  if (badCdr) return `cdr.${badCdr}`;
  return null;
}

/**
 * Returns null when `value` satisfies SnapshotSchema, else a short description of the first
 * problem (a field path; never a field's value, so nothing sensitive reaches a log).
 */
export function checkSnapshot(value: unknown): string | null {
  if (!isObj(value)) return 'not an object';
  if (value.version !== SNAPSHOT_VERSION) return `unsupported version`;
  if (typeof value.profileId !== 'string') return 'profileId';
  if (typeof value.tenant !== 'string') return 'tenant';
  if (!isNum(value.syncedAt)) return 'syncedAt';
  const list = value.extensions;
  if (!Array.isArray(list)) return 'extensions';
  for (let i = 0; i < list.length; i++) {
    const bad = checkExtension(list[i]);
    if (bad) return `extensions[${i}].${bad}`;
  }
  return null;
}
