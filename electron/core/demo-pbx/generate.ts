// Deterministic generator of realistic demo PBX data at any size: N extensions in each of M
// tenants, names in several scripts, devices with secrets, queues with penalties, CDR summaries
// and voicemail in all three shapes. Same options and seed, same data; no Math.random.
// Types are as loose as real servers send them (ids as numbers here, strings there).
import { clipSeconds, GENERATED_CLIPS } from './audio-catalog.js';
import type { DemoDataset, DemoExtension, DemoTenant, VmMessage, VoicemailShape } from './model.js';
import { VOICEMAIL_SHAPES } from './model.js';
import { NAME_SCRIPTS, type NameScript, randomName } from './names.js';
import { Prng } from './prng.js';
import type { Json, JsonBody } from './reference.js';

export interface GenerateOptions {
  /** Extensions per tenant (default 50). */
  extensions?: number | undefined;
  /** Default 2. */
  tenants?: number | undefined;
  /** Default 1. */
  seed?: number | undefined;
  /** One shape for every extension, or 'mixed' (default): each extension draws one. */
  voicemailShape?: VoicemailShape | 'mixed' | undefined;
  /** Makes every device secret and features_password contain this marker plus a unique suffix. */
  secretMarker?: string | undefined;
}

const TENANT_NAMES = ['vitalpbx', 'acme', 'globex', 'initech', 'umbrella', 'hooli', 'soylent', 'wonka'];
const QUEUE_NAMES = ['Sales', 'Support', 'Soporte Técnico', 'Billing', 'Recepción', 'Dispatch'];
const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#!@%*';
const TECHNOLOGIES = ['pjsip', 'pjsip', 'pjsip', 'sip', 'sip', 'iax2'] as const;
const DEVICE_COUNTS = [0, 1, 1, 1, 1, 1, 1, 2, 2, 3] as const;
/** Messages are dated before this fixed moment so data does not depend on the clock. */
const EPOCH_NOW = 1_761_220_000;

/** The first dialable number: 100 for small tenants, more digits when N needs them. */
export function firstNumber(extensionsPerTenant: number): number {
  let base = 100;
  while (extensionsPerTenant > 9 * base) base *= 10;
  return base;
}

export function tenantName(index: number): string {
  return TENANT_NAMES[index] ?? `tenant${index + 1}`;
}

interface Counters {
  extensionId: number;
  deviceId: number;
  queueId: number;
}

interface Queue {
  id: number;
  name: string;
}

export function generateDataset(opts: GenerateOptions = {}): DemoDataset {
  const perTenant = Math.max(0, Math.floor(opts.extensions ?? 50));
  const tenantCount = Math.max(1, Math.floor(opts.tenants ?? 2));
  const rng = new Prng(opts.seed ?? 1);
  const counters: Counters = { extensionId: 1, deviceId: 1, queueId: 1 };
  const tenants: DemoTenant[] = [];
  for (let t = 0; t < tenantCount; t++) tenants.push(generateTenant(rng, t, perTenant, counters, opts));
  return { tenants };
}

function generateTenant(
  rng: Prng,
  index: number,
  perTenant: number,
  counters: Counters,
  opts: GenerateOptions,
): DemoTenant {
  const id = index + 1;
  const name = tenantName(index);
  const queues: Queue[] = [];
  const queueCount = Math.min(200, Math.max(3, Math.ceil(perTenant / 20)));
  for (let q = 0; q < queueCount; q++) {
    const label = q < QUEUE_NAMES.length && rng.chance(0.5) ? QUEUE_NAMES[q] : undefined;
    queues.push({ id: counters.queueId++, name: label ?? `Q${500 + q}` });
  }
  // Every tenant shows every script early on, so even a small demo has all of them.
  const scripts = rng.shuffle([...NAME_SCRIPTS]);
  const base = firstNumber(perTenant);
  const ctx: TenantContext = { rng, id, name, queues, opts, counters };
  const extensions: DemoExtension[] = new Array(perTenant);
  for (let i = 0; i < perTenant; i++) {
    // Deleted extensions leave holes in extension_id, as on a real PBX.
    if (rng.chance(0.04)) counters.extensionId += rng.int(1, 3);
    extensions[i] = generateExtension(ctx, counters.extensionId++, String(base + i), scripts[i]);
  }
  return { id, name, staticToken: rng.hex(16), extensions };
}

interface TenantContext {
  rng: Prng;
  id: number;
  name: string;
  queues: Queue[];
  opts: GenerateOptions;
  counters: Counters;
}

function generateExtension(
  ctx: TenantContext,
  id: number,
  number: string,
  script: NameScript | undefined,
): DemoExtension {
  const { rng, opts } = ctx;
  const person = randomName(rng, script);
  const name = person.name;
  const cid = `"${name}" <${number}>`;
  const did = `${rng.pick(['1555', '3055', '3491'])}${rng.chars('0123456789', 6)}`;
  const externalCid = rng.chance(0.6) ? cid : `"${ctx.name.toUpperCase()}" <${did}>`;
  const email = rng.chance(0.15)
    ? null
    : person.emailLocal
      ? `${person.emailLocal}@${ctx.name}.example.com`
      : `ext${number}@${ctx.name}.example.com`;
  const featuresPassword =
    opts.secretMarker !== undefined
      ? `${opts.secretMarker}-fp${id}`
      : `${rng.chance(0.7) ? '*' : ''}${rng.chars('0123456789', rng.int(4, 6))}`;

  const devices = generateDevices(ctx, id, number, name);
  const memberships = pickQueues(rng, ctx.queues);
  const queuesInfo: JsonBody = {
    queues: memberships.map((m) => m.queue.id),
    queues_name: memberships.map((m) => m.queue.name),
    queues_penalty: memberships.map((m) => m.penalty),
  };
  const record: JsonBody = {
    extension_id: id,
    extension: number,
    name,
    language: person.language,
    email,
    class_of_service_id: rng.int(1, 3),
    dial_profile_id: rng.int(1, 2),
    call_limit: rng.pick([0, 0, 0, 2, 4]),
    internal_cid: cid,
    external_cid: externalCid,
    emergency_cid: rng.chance(0.8) ? externalCid : cid,
    ringtime: rng.pick([0, 0, 20, 30, 45]),
    nospy: rng.chance(0.1),
    enabled_pa: rng.chance(0.1),
    answermode: rng.chance(0.9) ? 'disable' : 'intercom',
    mailbox: `${number}@${ctx.name}-voicemail`,
    accountcode: rng.chance(0.8) ? null : `ACC${rng.int(100, 999)}`,
    features_password: featuresPassword,
    sendcid: rng.chance(0.2),
    generate_hints: rng.chance(0.5),
    hot_desking: rng.chance(0.05),
    secretary: null,
    music_group_id: rng.int(1, 3),
    rec_on_demand: rng.chance(0.3),
    internal_rec: rng.chance(0.5),
    outgoing_rec: rng.chance(0.5),
    incoming_rec: rng.chance(0.5),
    dictate_enable: false,
    dictate_format: rng.chance(0.8) ? 'ogg' : 'wav',
    dictate_auto_send: false,
    fax_enabled: rng.chance(0.05),
    fax_auto_send: false,
    absent_secretary: false,
    lock: rng.chance(0.02),
    call_waiting: rng.chance(0.6),
    pinless: false,
    dynamic_routing: false,
    tenant_id: ctx.id,
    context: rng.chance(0.9) ? 'cos-all' : 'cos-internal',
    has_analog_devices: false,
    devices,
    queues_info: queuesInfo,
  };
  // Newer builds add fields; clients must ignore what they do not know.
  if (rng.chance(0.2)) record.email_addresses = email === null ? [] : [email];

  const cdr: JsonBody = {
    local: String(rng.int(0, 150)),
    incoming: String(rng.int(0, 120)),
    outgoing: String(rng.int(0, 90)),
    transit: rng.chance(0.9) ? '0' : String(rng.int(1, 9)),
  };
  const shape =
    opts.voicemailShape === undefined || opts.voicemailShape === 'mixed'
      ? rng.pick(VOICEMAIL_SHAPES)
      : opts.voicemailShape;
  return {
    id,
    number,
    mailbox: number,
    record,
    devices,
    // Same arrays as queues_info: nothing mutates them, and 100k copies would cost GC time.
    queues: {
      queues_id: queuesInfo.queues as Json[],
      queues_name: queuesInfo.queues_name as Json[],
      queues_penalty: queuesInfo.queues_penalty as Json[],
    },
    cdr,
    voicemailShape: shape,
    voicemail: generateVoicemail(rng, number, shape),
  };
}

function generateDevices(ctx: TenantContext, extId: number, number: string, name: string): JsonBody[] {
  const { rng, opts } = ctx;
  const count = rng.pick(DEVICE_COUNTS);
  const devices: JsonBody[] = [];
  for (let k = 0; k < count; k++) {
    const deviceId = ctx.counters.deviceId++;
    const user = k === 0 ? number : rng.chance(0.5) ? `${number}_${k + 1}` : `dev-${number}-${k + 1}`;
    devices.push({
      device_id: String(deviceId),
      extension_id: String(extId),
      profile_id: String(rng.int(1, 2)),
      user,
      secret:
        opts.secretMarker !== undefined
          ? `${opts.secretMarker}-dev${deviceId}`
          : rng.chars(SECRET_ALPHABET, 14),
      description: k === 0 ? name : `${name} (${rng.pick(['softphone', 'desk', 'mobile'])})`,
      ring_device: rng.chance(0.85) ? 'yes' : 'no',
      technology: rng.pick(TECHNOLOGIES),
      assigned_exten: rng.chance(0.8) ? number : null,
      tenant_id: String(ctx.id),
      device_name: user,
    });
  }
  return devices;
}

function pickQueues(rng: Prng, queues: Queue[]): { queue: Queue; penalty: string }[] {
  const count = rng.pick([0, 0, 1, 1, 1, 2, 3]);
  const picked = new Set<Queue>();
  while (picked.size < Math.min(count, queues.length)) picked.add(rng.pick(queues));
  return [...picked].map((queue) => ({ queue, penalty: String(rng.pick([0, 0, 0, 1, 2, 5])) }));
}

function randomClid(rng: Prng): string {
  const number = rng.chance(0.5) ? String(rng.int(100, 999)) : `1555${rng.chars('0123456789', 7)}`;
  const who = randomName(rng).name;
  switch (rng.int(0, 3)) {
    case 0:
      return `${who}<${number}>`;
    case 1:
      return `"" <${number}>`;
    default:
      return `"${who}" <${number}>`;
  }
}

function generateVoicemail(rng: Prng, mailbox: string, shape: VoicemailShape): VmMessage[] {
  if (rng.chance(0.4)) return [];
  // The published shape can show one record per folder only.
  const folders =
    shape === 'folder-object'
      ? ['INBOX', 'Old', 'Urgent'].filter((_, i) => i === 0 || rng.chance(0.4))
      : Array.from({ length: rng.int(1, 6) }, () =>
          rng.pick(['INBOX', 'INBOX', 'INBOX', 'INBOX', 'Old', 'Old', 'Old', 'Urgent', 'Work']),
        );
  const messages: VmMessage[] = folders.map((folder) => {
    const clip = rng.pick(GENERATED_CLIPS);
    const date = EPOCH_NOW - rng.int(60, 60 * 86400);
    const loose = shape === 'folder-array' && rng.chance(0.3);
    const msg: VmMessage = {
      folder,
      msgNum: 0,
      date: loose ? date : String(date),
      clid: randomClid(rng),
      priority: rng.chance(0.9) ? '2' : '1',
      vmorig: mailbox,
      duration: loose ? clipSeconds(clip) : String(clipSeconds(clip)),
      clipId: clip.id,
    };
    if (shape !== 'folder-object') msg.msgId = `${date}-${rng.hex(8)}`;
    return msg;
  });
  // Asterisk numbers each folder from msg0000 in arrival order.
  messages.sort((a, b) => Number(a.date) - Number(b.date));
  const next = new Map<string, number>();
  for (const m of messages) {
    m.msgNum = next.get(m.folder) ?? 0;
    next.set(m.folder, m.msgNum + 1);
  }
  return messages;
}
