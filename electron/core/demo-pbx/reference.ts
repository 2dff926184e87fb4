// The published example bodies of the VitalPBX API v2 "Extensions" collection, verbatim (the
// JSON of vitalpbx-api-v2.md). The `reference` dataset serves exactly these, so tests can prove
// the client reads the contract as published, quirks included (ids as numbers and as strings,
// `queues` vs `queues_id`, a folder mapped to one record object).

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonBody = { [key: string]: Json };

/** The `/static/<token>/` segment of the published voicemail example. */
export const REFERENCE_STATIC_TOKEN = '43b4298b09648469';
/** The tenant of the reference dataset: id 1, name `vitalpbx`. */
export const REFERENCE_TENANT = { id: 1, name: 'vitalpbx' } as const;

export const REFERENCE_EXTENSIONS: JsonBody = {
  status: 'success',
  data: [
    {
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
      queues_info: {
        queues: [1],
        queues_name: ['Q500'],
        queues_penalty: ['0'],
      },
    },
  ],
};

/** The published GET /extensions/{id} example is the same list-shaped body as GET /extensions
 *  (data is an array holding the one extension), so it is served from the same value. */
export const REFERENCE_EXTENSION_BY_ID: JsonBody = REFERENCE_EXTENSIONS;

export const REFERENCE_DEVICES: JsonBody = {
  status: 'success',
  message: null,
  data: [
    {
      device_id: '2',
      extension_id: '2',
      profile_id: '1',
      user: 'dev-101',
      secret: 'QG4nKqN#BQnNzu',
      description: 'Agent 01',
      ring_device: 'yes',
      technology: 'sip',
      assigned_exten: null,
      tenant_id: '1',
      device_name: 'dev-101',
    },
  ],
};

export const REFERENCE_QUEUES: JsonBody = {
  status: 'success',
  message: null,
  data: {
    queues_id: [1, 2],
    queues_name: ['Q500', 'Q501'],
    queues_penalty: ['0', '0'],
  },
};

export const REFERENCE_CDR_SUMMARY: JsonBody = {
  status: 'success',
  data: {
    local: '45',
    incoming: '29',
    outgoing: '4',
    transit: '0',
  },
};

export const REFERENCE_VOICEMAIL_RECORDS: JsonBody = {
  status: 'success',
  data: {
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
  },
};

/** The examples in the order the reference document lists them, with the path each answers. */
export const REFERENCE_EXAMPLES: readonly { path: string; body: JsonBody }[] = [
  { path: '/extensions', body: REFERENCE_EXTENSIONS },
  { path: '/extensions/1', body: REFERENCE_EXTENSION_BY_ID },
  { path: '/extensions/1/devices', body: REFERENCE_DEVICES },
  { path: '/extensions/1/queues', body: REFERENCE_QUEUES },
  { path: '/extensions/1/cdr_summary', body: REFERENCE_CDR_SUMMARY },
  { path: '/extensions/1/voicemail_records', body: REFERENCE_VOICEMAIL_RECORDS },
];
