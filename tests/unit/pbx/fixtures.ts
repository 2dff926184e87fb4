// Raw API bodies from the published VitalPBX API v2 examples, as fresh objects per call so tests
// can mutate them, and the domain objects the parsers must turn them into.
import type { Extension, VoicemailRecord } from '../../../electron/core/shared/domain.js';

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

export function referenceExtension(): RawExtension {
  return {
    extension_id: 1,
    extension: '100',
    name: 'Jhone Doe',
    language: 'en',
    email: null,
    class_of_service_id: 1,
    dial_profile_id: 1,
    call_limit: 0,
    internal_cid: '"Jhone Doe" <100>',
    external_cid: '"Jhone Doe" <100>',
    emergency_cid: '"Jhone Doe" <100>',
    ringtime: 0,
    nospy: false,
    enabled_pa: false,
    answermode: 'disable',
    mailbox: '100@vitalpbx-voicemail',
    accountcode: null,
    features_password: '*56437',
    sendcid: false,
    generate_hints: false,
    hot_desking: false,
    secretary: null,
    music_group_id: 2,
    rec_on_demand: false,
    internal_rec: true,
    outgoing_rec: true,
    incoming_rec: true,
    dictate_enable: false,
    dictate_format: 'ogg',
    dictate_auto_send: false,
    fax_enabled: false,
    fax_auto_send: false,
    absent_secretary: false,
    lock: false,
    call_waiting: false,
    pinless: false,
    dynamic_routing: false,
    tenant_id: 1,
    context: 'cos-all',
    has_analog_devices: false,
    devices: [
      {
        device_id: '3',
        extension_id: '3',
        profile_id: '1',
        user: '100',
        secret: '100',
        description: 'Jhone Doe',
        ring_device: 'yes',
        technology: 'sip',
        assigned_exten: '100',
        tenant_id: '1',
        device_name: '100',
      },
    ],
    queues_info: { queues: [1], queues_name: ['Q500'], queues_penalty: ['0'] },
  };
}

export function referenceVoicemail(): Record<string, unknown> {
  return {
    INBOX: {
      date: '1565987730',
      clid: 'Demo<1519>',
      priority: '2',
      vmorig: '2000',
      duration: '9',
      recfile: '/static/43b4298b09648469/voicemail/2000/INBOX/msg0000.wav',
      filename: 'msg0000.txt',
    },
    Old: {
      date: '1513443087',
      clid: 'X-Lite<7502>',
      priority: '2',
      vmorig: '2000',
      duration: '8',
      recfile: '/static/43b4298b09648469/voicemail/2000/Old/msg0000.wav',
      filename: 'msg0000.txt',
    },
  };
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
