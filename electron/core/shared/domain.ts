// The app's own data types: what the PBX parser produces, what the cache stores and what crosses
// IPC. Secrets (a device's `secret`, an extension's `features_password`) have no field here, so
// they cannot travel anywhere past the parser. Node-free: the renderer imports this.
import { z } from 'zod';

export const CallerIdSchema = z.object({ name: z.string(), number: z.string() });
export type CallerId = z.infer<typeof CallerIdSchema>;

export const DeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  user: z.string(),
  description: z.string(),
  technology: z.string(),
  ring: z.boolean(),
  assignedExtension: z.string().nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const QueueMembershipSchema = z.object({
  id: z.string(),
  name: z.string(),
  penalty: z.number().int(),
});
export type QueueMembership = z.infer<typeof QueueMembershipSchema>;

export const CdrSummarySchema = z.object({
  local: z.number().int().nonnegative(),
  incoming: z.number().int().nonnegative(),
  outgoing: z.number().int().nonnegative(),
  transit: z.number().int().nonnegative(),
  /** When the PBX gave these figures, epoch milliseconds. */
  asOf: z.number(),
});
export type CdrSummary = z.infer<typeof CdrSummarySchema>;

export const ExtensionSchema = z.object({
  /** extension_id: the id used in /extensions/{id}/... paths (not the dialable number). */
  id: z.string(),
  number: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  language: z.string().nullable(),
  internalCid: CallerIdSchema.nullable(),
  externalCid: CallerIdSchema.nullable(),
  emergencyCid: CallerIdSchema.nullable(),
  mailbox: z.string().nullable(),
  tenantId: z.string().nullable(),
  devices: z.array(DeviceSchema),
  queues: z.array(QueueMembershipSchema),
  /** Last known CDR summary, if it was ever fetched. */
  cdr: CdrSummarySchema.nullable(),
});
export type Extension = z.infer<typeof ExtensionSchema>;

export const VoicemailRecordSchema = z.object({
  /** Stable key within the mailbox: msg_id when the PBX gives one, else folder/msgNNNN. */
  key: z.string(),
  folder: z.string(),
  /** msgNNNN, as used by the mark-listened and delete endpoints. */
  msg: z.string(),
  /** Epoch seconds, or null when the PBX gave none. */
  date: z.number().nullable(),
  caller: CallerIdSchema,
  durationSec: z.number().nullable(),
  priority: z.string().nullable(),
  /** recfile: server path (or absolute URL) of the audio. */
  recfile: z.string(),
  mailbox: z.string(),
});
export type VoicemailRecord = z.infer<typeof VoicemailRecordSchema>;

export const DialSchemeSchema = z.enum(['tel', 'sip', 'callto']);
export type DialScheme = z.infer<typeof DialSchemeSchema>;

/** A SHA-256 certificate fingerprint as colon-separated upper-case hex pairs. */
export const FingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

export const ProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  label: z.string().min(1).max(100),
  /** Origin of the PBX plus an optional path prefix, e.g. https://pbx.example.com:3500 */
  baseUrl: z.url({ protocol: /^https?$/ }),
  tenant: z.string().max(100),
  tlsPin: FingerprintSchema.nullable(),
  myExtension: z.string().max(32).nullable(),
  allowHttp: z.boolean(),
  showOthersVoicemail: z.boolean(),
  dialScheme: DialSchemeSchema,
  /** True for the built-in demo PBX profile. */
  demo: z.boolean().default(false),
  /** The connection the keychain's app key was stored for (see key-binding.ts); set by the core
   *  only, never accepted from the window. Absent on profiles saved before keys were bound. */
  keyBinding: z.string().max(80).nullable().optional(),
});
export type Profile = z.infer<typeof ProfileSchema>;

export const SNAPSHOT_VERSION = 1;
export const SnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  profileId: z.string(),
  tenant: z.string(),
  /** When the directory was fetched, epoch milliseconds. */
  syncedAt: z.number(),
  extensions: z.array(ExtensionSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const ConnectionStatusSchema = z.enum(['unknown', 'syncing', 'online', 'offline', 'error']);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;
