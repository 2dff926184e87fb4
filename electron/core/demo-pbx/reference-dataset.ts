// The `reference` dataset: the published examples turned into the demo PBX's model, so the
// server answers every documented request with the documented body (until a test changes state,
// e.g. marks a message listened or rotates the static token).
import type { DemoDataset, DemoExtension, VmMessage } from './model.js';
import {
  type Json,
  type JsonBody,
  REFERENCE_CDR_SUMMARY,
  REFERENCE_DEVICES,
  REFERENCE_EXTENSIONS,
  REFERENCE_QUEUES,
  REFERENCE_STATIC_TOKEN,
  REFERENCE_TENANT,
  REFERENCE_VOICEMAIL_RECORDS,
} from './reference.js';

function firstOf(body: JsonBody): JsonBody {
  const data = body.data;
  const item = Array.isArray(data) ? data[0] : undefined;
  if (!item || typeof item !== 'object' || Array.isArray(item))
    throw new Error('reference body has no record');
  return structuredClone(item);
}

function plant(devices: Json[], marker: string, prefix: string): void {
  devices.forEach((d, i) => {
    if (d && typeof d === 'object' && !Array.isArray(d)) d.secret = `${marker}-${prefix}${i + 1}`;
  });
}

export function referenceDataset(opts: { secretMarker?: string | undefined } = {}): DemoDataset {
  const record = firstOf(REFERENCE_EXTENSIONS);
  const devices = structuredClone(REFERENCE_DEVICES.data) as Json[];
  const vm = REFERENCE_VOICEMAIL_RECORDS.data as Record<string, Record<string, string>>;
  // The published recfiles use mailbox 2000 although the extension is 100: keep both working.
  const voicemail: VmMessage[] = Object.entries(vm).map(([folder, r]) => ({
    folder,
    msgNum: 0,
    date: r.date ?? '',
    clid: r.clid ?? '',
    priority: r.priority ?? '',
    vmorig: r.vmorig ?? '',
    duration: r.duration ?? '',
    clipId: folder === 'INBOX' ? 'ref-inbox' : 'ref-old',
  }));
  if (opts.secretMarker !== undefined) {
    record.features_password = `${opts.secretMarker}-fp1`;
    plant(record.devices as Json[], opts.secretMarker, 'dev');
    plant(devices, opts.secretMarker, 'devices-endpoint');
  }
  const ext: DemoExtension = {
    id: record.extension_id as number,
    number: record.extension as string,
    mailbox: '2000',
    record,
    devices,
    queues: structuredClone(REFERENCE_QUEUES.data) as JsonBody,
    cdr: structuredClone(REFERENCE_CDR_SUMMARY.data) as JsonBody,
    voicemailShape: 'folder-object',
    voicemail,
  };
  return {
    tenants: [
      {
        id: REFERENCE_TENANT.id,
        name: REFERENCE_TENANT.name,
        staticToken: REFERENCE_STATIC_TOKEN,
        extensions: [ext],
      },
    ],
  };
}
