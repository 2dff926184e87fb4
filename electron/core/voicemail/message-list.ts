// A mailbox's message list as the core keeps it on disk and shows it to the window: records
// without their recfile (the PBX's /static/<token>/ capability stays in memory, see
// voicemail-handlers.ts), and audio bytes that own their whole buffer.
import type { VoicemailMessage } from '../shared/contract.js';
import { type VoicemailRecord, VoicemailRecordSchema } from '../shared/domain.js';

export interface CachedList {
  mailbox: string;
  extensionId: string;
  records: VoicemailMessage[];
  fetchedAt: number;
}

export const MessageSchema = VoicemailRecordSchema.omit({ recfile: true });

/** A record without its recfile (zod's object parse drops the key). */
export function message(r: VoicemailRecord | VoicemailMessage): VoicemailMessage {
  return MessageSchema.parse(r);
}

/** Bytes that own their whole buffer: structured clone (Electron IPC) sends a view's entire
 *  ArrayBuffer, and a pooled Node buffer holds other data. */
export function exact(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export function parseCachedList(
  raw: unknown,
): { ok: true; value: CachedList } | { ok: false; reason: string } {
  const v = raw as Partial<CachedList>;
  if (!v || typeof v.mailbox !== 'string' || typeof v.extensionId !== 'string' || !Array.isArray(v.records)) {
    return { ok: false, reason: 'not a voicemail list' };
  }
  const records = v.records.map((r) => MessageSchema.safeParse(r));
  if (records.some((r) => !r.success)) return { ok: false, reason: 'invalid record' };
  return {
    ok: true,
    value: { ...(v as CachedList), records: records.map((r) => r.data as VoicemailMessage) },
  };
}
