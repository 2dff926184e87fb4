// The demo PBX's data model (what the generator and the reference dataset produce and the server
// keeps as mutable state) and how voicemail is rendered in each of the three shapes seen in the
// field: folder -> one object (published example), folder -> array (VitalPBX 4), flat legacy list.
import type { Json, JsonBody } from './reference.js';

export type VoicemailShape = 'folder-object' | 'folder-array' | 'flat';
export const VOICEMAIL_SHAPES: readonly VoicemailShape[] = ['folder-object', 'folder-array', 'flat'];

export interface VmMessage {
  folder: string;
  /** NNNN of msgNNNN. */
  msgNum: number;
  /** Epoch seconds; a string or a number, as loosely typed as real servers send it. */
  date: string | number;
  clid: string;
  priority: string;
  vmorig: string;
  duration: string | number;
  msgId?: string;
  /** Which clip of audio-catalog.ts is the message's audio. */
  clipId: string;
}

export interface DemoExtension {
  /** extension_id: the id of /extensions/{id}/... paths. */
  id: number;
  /** The dialable number. */
  number: string;
  /** The voicemail box in recfile paths (the number, except in the published example). */
  mailbox: string;
  /** The object served in /extensions, as the PBX sends it. */
  record: JsonBody;
  /** `data` of /extensions/{id}/devices. */
  devices: Json[];
  /** `data` of /extensions/{id}/queues. */
  queues: JsonBody;
  /** `data` of /extensions/{id}/cdr_summary. */
  cdr: JsonBody;
  voicemailShape: VoicemailShape;
  voicemail: VmMessage[];
}

export interface DemoTenant {
  id: number;
  /** Name or slug, also accepted as the `tenant` header value. */
  name: string;
  /** The `/static/<token>/` segment of this tenant's recfiles. */
  staticToken: string;
  extensions: DemoExtension[];
}

export interface DemoDataset {
  tenants: DemoTenant[];
}

export const STANDARD_FOLDERS = ['INBOX', 'Old', 'Urgent'] as const;

export function msgName(msgNum: number): string {
  return `msg${String(msgNum).padStart(4, '0')}`;
}

export function parseMsgName(msg: string): number | null {
  const m = /^msg(\d{4})$/.exec(msg);
  return m?.[1] === undefined ? null : Number(m[1]);
}

export function recfilePath(token: string, mailbox: string, folder: string, msgNum: number): string {
  return `/static/${token}/voicemail/${mailbox}/${folder}/${msgName(msgNum)}.wav`;
}

function folderRecord(ext: DemoExtension, m: VmMessage, token: string): JsonBody {
  const rec: JsonBody = {
    date: m.date,
    clid: m.clid,
    priority: m.priority,
    vmorig: m.vmorig,
    duration: m.duration,
    recfile: recfilePath(token, ext.mailbox, m.folder, m.msgNum),
    filename: `${msgName(m.msgNum)}.txt`,
  };
  if (m.msgId !== undefined) rec.msg_id = m.msgId;
  return rec;
}

function flatRecord(ext: DemoExtension, m: VmMessage, token: string): JsonBody {
  const rec: JsonBody = {
    msg_num: m.msgNum,
    folder: m.folder,
    origmailbox: m.vmorig,
    callerid: m.clid,
    origtime: String(m.date),
    duration: String(m.duration),
    priority: m.priority,
    recfile: recfilePath(token, ext.mailbox, m.folder, m.msgNum),
  };
  if (m.msgId !== undefined) rec.msg_id = m.msgId;
  return rec;
}

function byFolder(messages: readonly VmMessage[]): Map<string, VmMessage[]> {
  const sorted = [...messages].sort((a, b) => a.msgNum - b.msgNum);
  const folders = new Map<string, VmMessage[]>();
  for (const m of sorted) {
    const list = folders.get(m.folder);
    if (list) list.push(m);
    else folders.set(m.folder, [m]);
  }
  return folders;
}

/** `data` of /extensions/{id}/voicemail_records for the extension's shape. */
export function renderVoicemail(ext: DemoExtension, token: string): Json {
  const folders = byFolder(ext.voicemail);
  switch (ext.voicemailShape) {
    case 'flat':
      return [...folders.values()].flat().map((m) => flatRecord(ext, m, token));
    case 'folder-array': {
      const data: JsonBody = {};
      for (const f of STANDARD_FOLDERS) data[f] = [];
      for (const [f, list] of folders) data[f] = list.map((m) => folderRecord(ext, m, token));
      return data;
    }
    case 'folder-object': {
      // PHP's json_encode turns an empty array into [], not {}.
      if (folders.size === 0) return [];
      const data: JsonBody = {};
      for (const [f, list] of folders) {
        const recs = list.map((m) => folderRecord(ext, m, token));
        // One message per folder is the published shape; a folder that gained a second one
        // (after mark-listened) falls back to a list rather than hiding a message.
        data[f] = recs.length === 1 ? (recs[0] as JsonBody) : recs;
      }
      return data;
    }
  }
}
