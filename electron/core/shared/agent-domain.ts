// The agent's own data types: call detail records, phonebook contacts, and the private,
// local-only favourites and notes. What the PBX parsers produce, what the caches store and what
// crosses IPC. Node-free: the renderer imports this.
import { z } from 'zod';
import { CallerIdSchema } from './domain.js';

export const CallTypeSchema = z.enum(['internal', 'incoming', 'outgoing']);
export type CallType = z.infer<typeof CallTypeSchema>;

export const CdrRowSchema = z.object({
  uniqueid: z.string(),
  /** Start of the call, epoch seconds, or null when the PBX gave nothing readable. */
  calldate: z.number().nullable(),
  src: z.string(),
  dst: z.string(),
  clid: CallerIdSchema,
  duration: z.number().nonnegative(),
  billsec: z.number().nonnegative(),
  /** ANSWERED, NO ANSWER, BUSY, FAILED (upper-cased; other values kept as sent). */
  disposition: z.string(),
  calltype: CallTypeSchema.nullable(),
  recordingUrl: z.string().nullable(),
  linkedid: z.string().nullable(),
});
export type CdrRow = z.infer<typeof CdrRowSchema>;

export const ContactSchema = z.object({
  /** Stable within the profile: `<phonebook id>:<contact id>`, or the name and number. */
  key: z.string(),
  phonebookId: z.string(),
  phonebookName: z.string(),
  name: z.string(),
  telephone: z.string().nullable(),
  email: z.string().nullable(),
  /** Whatever else the PBX sent for the contact (scalars only), kept as text. */
  extra: z.record(z.string(), z.string()),
});
export type Contact = z.infer<typeof ContactSchema>;

export const PhonebookSchema = z.object({
  id: z.string(),
  name: z.string(),
  sourceType: z.string().nullable(),
});
export type Phonebook = z.infer<typeof PhonebookSchema>;

export const CallModeSchema = z.enum(['pbx', 'softphone']);
export type CallMode = z.infer<typeof CallModeSchema>;

/** A favourite or a note belongs to `ext:<extension id>` or `contact:<contact key>`. */
export const EntryKeySchema = z.string().regex(/^(ext|contact):.{1,200}$/);

export const PersonalSchema = z.object({
  favourites: z.array(EntryKeySchema),
  notes: z.record(EntryKeySchema, z.string().max(4000)),
  /** How Call works in this profile: ring my phone through the PBX, or open the softphone. */
  callMode: CallModeSchema,
});
export type Personal = z.infer<typeof PersonalSchema>;
