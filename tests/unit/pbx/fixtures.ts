// Raw API bodies from the published VitalPBX API v2 examples (the demo PBX's reference module,
// itself checked against the published document), as fresh objects per call so tests can mutate
// them, and the domain objects the parsers must turn them into.
import type { Extension, VoicemailRecord } from '../../../electron/core/shared/domain.js';
import { AppError } from '../../../electron/core/app-error.js';
import {
  REFERENCE_DEVICES,
  REFERENCE_EXTENSIONS,
  REFERENCE_VOICEMAIL_RECORDS,
} from '../../../electron/core/demo-pbx/reference.js';

export interface RawDevice {
  device_id: string | number | null;
  secret: string;
  [k: string]: unknown;
}

export interface RawExtension {
  extension_id: number | string | null;
  extension: string | number;
  features_password: string;
  devices: RawDevice[];
  queues_info: unknown;
  [k: string]: unknown;
}

/** The published /extensions example's one extension (a fresh copy: tests mutate it). */
export function referenceExtension(): RawExtension {
  const data = REFERENCE_EXTENSIONS.data as unknown as RawExtension[];
  return structuredClone(data[0]!);
}

/** The published voicemail_records example's data (folder → one record object). */
export function referenceVoicemail(): Record<string, unknown> {
  return structuredClone(REFERENCE_VOICEMAIL_RECORDS.data) as Record<string, unknown>;
}

/** The published /extensions/{id}/devices example's one device. */
export function referenceDevice(): RawDevice {
  return structuredClone((REFERENCE_DEVICES.data as unknown as RawDevice[])[0]!);
}

/** The published /extensions example as the parser must produce it, field for field. */
export function referenceExtensionDomain(): Extension {
  return {
    id: '1',
    number: '100',
    name: 'Jhone Doe',
    email: null,
    language: 'en',
    internalCid: { name: 'Jhone Doe', number: '100' },
    externalCid: { name: 'Jhone Doe', number: '100' },
    emergencyCid: { name: 'Jhone Doe', number: '100' },
    mailbox: '100@vitalpbx-voicemail',
    tenantId: '1',
    devices: [
      {
        id: '3',
        name: '100',
        user: '100',
        description: 'Jhone Doe',
        technology: 'sip',
        ring: true,
        assignedExtension: '100',
      },
    ],
    queues: [{ id: '1', name: 'Q500', penalty: 0 }],
    cdr: null,
  };
}

/** The published voicemail_records example as parsed records. */
export function referenceVoicemailDomain(): VoicemailRecord[] {
  return [
    {
      key: 'INBOX/msg0000',
      folder: 'INBOX',
      msg: 'msg0000',
      date: 1565987730,
      caller: { name: 'Demo', number: '1519' },
      durationSec: 9,
      priority: '2',
      recfile: '/static/43b4298b09648469/voicemail/2000/INBOX/msg0000.wav',
      mailbox: '2000',
    },
    {
      key: 'Old/msg0000',
      folder: 'Old',
      msg: 'msg0000',
      date: 1513443087,
      caller: { name: 'X-Lite', number: '7502' },
      durationSec: 8,
      priority: '2',
      recfile: '/static/43b4298b09648469/voicemail/2000/Old/msg0000.wav',
      mailbox: '2000',
    },
  ];
}

/** The AppError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}
