// Turns the `data` of VitalPBX answers into the app's domain types, tolerating every shape the
// API reference and field notes show. Each output object is built field by field from the raw
// record, never copied or spread from it: that is what keeps `secret` and `features_password`
// out of everything past this module. A malformed record in a list is skipped and counted.
import { AppError } from '../app-error.js';
import type { CdrSummary, Device, Extension, QueueMembership } from '../shared/domain.js';
import {
  MalformedRecord,
  bool,
  idOf,
  int,
  isObject,
  listOf,
  optCallerId,
  optString,
  str,
  type RawObject,
} from './parse-values.js';

export { parseVoicemail } from './parse-voicemail.js';

export interface ParsedList<T> {
  items: T[];
  skipped: number;
}

function notAList(what: string): AppError {
  return new AppError('INVALID_RESPONSE', undefined, { detail: { reason: `${what}-not-a-list` } });
}

/** A list answer: an array, a PHP numeric-keyed object, or null/absent for none. */
function rows(data: unknown, what: string): unknown[] {
  if (Array.isArray(data)) return data;
  if (data === null || data === undefined) return [];
  if (isObject(data)) return Object.values(data);
  throw notAList(what);
}

/** Normalises each row, skipping (and counting) the ones that cannot be read. */
export function parseRows<T>(list: unknown[], one: (raw: unknown) => T): ParsedList<T> {
  const items: T[] = [];
  let skipped = 0;
  for (const raw of list) {
    try {
      items.push(one(raw));
    } catch (err) {
      if (!(err instanceof MalformedRecord)) throw err;
      skipped++;
    }
  }
  return { items, skipped };
}

export function normalizeDevice(raw: unknown): Device {
  if (!isObject(raw)) throw new MalformedRecord('device is not an object');
  const user = str(raw.user);
  return {
    id: idOf(raw.device_id, 'device_id'),
    name: optString(raw.device_name) ?? user,
    user,
    description: str(raw.description),
    technology: str(raw.technology),
    // VitalPBX rings a device unless told otherwise, so an absent flag means yes.
    ring: bool(raw.ring_device, true),
    assignedExtension: optString(raw.assigned_exten),
  };
}

function penaltyOf(v: unknown): number {
  try {
    return int(v, 'penalty', 0);
  } catch {
    return 0;
  }
}

/**
 * Pairs the parallel arrays `{queues|queues_id, queues_name, queues_penalty}`. The id array leads:
 * a missing name falls back to the id, a missing penalty to 0, surplus names or penalties with no
 * id are ignored, and a repeated id keeps its first entry.
 */
export function queuesFromArrays(info: unknown): QueueMembership[] {
  if (!isObject(info)) return [];
  const ids = listOf(info.queues_id ?? info.queues);
  const names = listOf(info.queues_name);
  const penalties = listOf(info.queues_penalty);
  const out: QueueMembership[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const id = optString(ids[i]);
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    out.push({ id: id.trim(), name: optString(names[i])?.trim() ?? id, penalty: penaltyOf(penalties[i]) });
  }
  return out;
}

export function normalizeExtension(raw: unknown): Extension {
  if (!isObject(raw)) throw new MalformedRecord('extension is not an object');
  const devices: Device[] = [];
  for (const d of listOf(raw.devices)) {
    try {
      devices.push(normalizeDevice(d));
    } catch (err) {
      if (!(err instanceof MalformedRecord)) throw err;
    }
  }
  return {
    id: idOf(raw.extension_id, 'extension_id'),
    number: idOf(raw.extension, 'extension'),
    name: str(raw.name).trim(),
    email: optString(raw.email)?.trim() ?? null,
    language: optString(raw.language),
    internalCid: optCallerId(raw.internal_cid),
    externalCid: optCallerId(raw.external_cid),
    emergencyCid: optCallerId(raw.emergency_cid),
    mailbox: optString(raw.mailbox),
    tenantId: optString(raw.tenant_id),
    devices,
    queues: queuesFromArrays(raw.queues_info),
    cdr: null,
  };
}

export function parseExtensionList(data: unknown): { extensions: Extension[]; skipped: number } {
  const list = isObject(data) && 'extension_id' in data ? [data] : rows(data, 'extensions');
  const { items, skipped } = parseRows(list, normalizeExtension);
  return { extensions: items, skipped };
}

/**
 * GET /extensions/{id} answers either the extension object or a list holding it (the published
 * example). From a list, the row whose extension_id matches wins; a lone row is taken as is.
 */
export function parseExtension(data: unknown, id: string): Extension {
  const notFound = (): AppError => new AppError('NOT_FOUND', undefined, { detail: { id } });
  let candidates: unknown[];
  if (isObject(data) && ('extension_id' in data || 'extension' in data)) candidates = [data];
  else candidates = rows(data, 'extension');
  const parsed = parseRows(candidates, normalizeExtension);
  if (parsed.items.length === 0) {
    if (parsed.skipped > 0) {
      throw new AppError('INVALID_RESPONSE', undefined, { detail: { reason: 'extension-malformed' } });
    }
    throw notFound();
  }
  if (parsed.items.length === 1 && candidates.length === 1) return parsed.items[0]!;
  const match = parsed.items.find((e) => e.id === id);
  if (!match) throw notFound();
  return match;
}

export function parseDevices(data: unknown): ParsedList<Device> {
  // A single device object instead of a list is accepted as a list of one.
  const list = isObject(data) && 'device_id' in data ? [data] : rows(data, 'devices');
  return parseRows(list, normalizeDevice);
}

/** `{queues_id, queues_name, queues_penalty}` (or the `queues` key), or a list of queue objects. */
export function parseQueues(data: unknown): QueueMembership[] {
  if (isObject(data) && ('queues_id' in data || 'queues' in data || 'queues_name' in data)) {
    return queuesFromArrays(data);
  }
  return parseRows(rows(data, 'queues'), (raw): QueueMembership => {
    if (!isObject(raw)) throw new MalformedRecord('queue is not an object');
    const r: RawObject = raw;
    const id = idOf(r.queue_id ?? r.queues_id ?? r.id, 'queue_id');
    return { id, name: optString(r.queue_name ?? r.name)?.trim() ?? id, penalty: penaltyOf(r.penalty) };
  }).items;
}

export function parseCdrSummary(data: unknown, asOf: number): CdrSummary {
  if (!isObject(data)) {
    throw new AppError('INVALID_RESPONSE', undefined, { detail: { reason: 'cdr-not-an-object' } });
  }
  try {
    const count = (v: unknown, f: string): number => Math.max(0, int(v, f, 0));
    return {
      local: count(data.local, 'local'),
      incoming: count(data.incoming, 'incoming'),
      outgoing: count(data.outgoing, 'outgoing'),
      transit: count(data.transit, 'transit'),
      asOf,
    };
  } catch (err) {
    if (!(err instanceof MalformedRecord)) throw err;
    throw new AppError('INVALID_RESPONSE', undefined, { detail: { reason: 'cdr-malformed' } });
  }
}
