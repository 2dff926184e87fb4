// Tolerances of the extension, device, queue and CDR parsers, and the secret drop.
import { describe, expect, it } from 'vitest';
import {
  parseCdrSummary,
  parseDevices,
  parseExtension,
  parseExtensionList,
  parseQueues,
} from '../../../electron/core/pbx/parse.js';
import { callerId, optCallerId } from '../../../electron/core/pbx/parse-values.js';
import { ExtensionSchema, DeviceSchema } from '../../../electron/core/shared/domain.js';
import { AppError } from '../../../electron/core/app-error.js';
import { referenceDevice, referenceExtension, referenceExtensionDomain } from './fixtures.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `not an AppError: ${String(err)}`;
  }
  return 'no error';
}

describe('parseExtensionList', () => {
  it('parses the published example into the exact domain object', () => {
    const { extensions, skipped } = parseExtensionList([referenceExtension()]);
    expect(skipped).toBe(0);
    expect(extensions).toEqual([referenceExtensionDomain()]);
    expect(() => ExtensionSchema.parse(extensions[0])).not.toThrow();
  });

  it('accepts ids and counts as numbers or strings, and nulls where values may be missing', () => {
    const raw = {
      ...referenceExtension(),
      extension_id: '42',
      extension: 205,
      name: null,
      language: '',
      tenant_id: null,
      internal_cid: null,
      mailbox: null,
      devices: null,
      queues_info: null,
    };
    const [ext] = parseExtensionList([raw]).extensions;
    expect(ext).toMatchObject({
      id: '42',
      number: '205',
      name: '',
      language: null,
      tenantId: null,
      internalCid: null,
      mailbox: null,
      devices: [],
      queues: [],
    });
  });

  it('ignores unknown fields instead of rejecting the record', () => {
    const raw = { ...referenceExtension(), email_addresses: ['a@b.c'], brand_new: { x: 1 } };
    const [ext] = parseExtensionList([raw]).extensions;
    expect(ext?.id).toBe('1');
    expect(Object.keys(ext!).sort()).toEqual(Object.keys(ExtensionSchema.shape).sort());
  });

  it('skips and counts malformed records but keeps the good ones', () => {
    const good = referenceExtension();
    const list = [good, null, 'text', { ...good, extension_id: null }, { ...good, extension: '' }, 7];
    const { extensions, skipped } = parseExtensionList(list);
    expect(extensions.map((e) => e.id)).toEqual(['1']);
    expect(skipped).toBe(5);
  });

  it('treats null data as an empty list and refuses a scalar', () => {
    expect(parseExtensionList(null)).toEqual({ extensions: [], skipped: 0 });
    expect(codeOf(() => parseExtensionList('nope'))).toBe('INVALID_RESPONSE');
    expect(codeOf(() => parseExtensionList(12))).toBe('INVALID_RESPONSE');
  });

  it('accepts a PHP numeric-keyed object as a list', () => {
    const { extensions } = parseExtensionList({
      '0': referenceExtension(),
      '3': { ...referenceExtension(), extension_id: 9 },
    });
    expect(extensions.map((e) => e.id)).toEqual(['1', '9']);
  });

  it('keeps good devices and drops unreadable ones inside an extension', () => {
    const raw = referenceExtension();
    const withBad: Record<string, unknown> = { ...raw, devices: [{ device_id: null }, 'x', ...raw.devices] };
    const [ext] = parseExtensionList([withBad]).extensions;
    expect(ext?.devices.map((d) => d.id)).toEqual(['3']);
  });
});

describe('parseExtension (GET /extensions/{id})', () => {
  it('accepts the list-shaped body of the published example', () => {
    expect(parseExtension([referenceExtension()], '1').number).toBe('100');
  });
  it('accepts a single object', () => {
    expect(parseExtension(referenceExtension(), '1').number).toBe('100');
  });
  it('picks the matching row from a longer list', () => {
    const list = [referenceExtension(), { ...referenceExtension(), extension_id: 2, extension: '101' }];
    expect(parseExtension(list, '2').number).toBe('101');
    expect(codeOf(() => parseExtension(list, '3'))).toBe('NOT_FOUND');
  });
  it('reports an empty answer as NOT_FOUND and an unreadable one as INVALID_RESPONSE', () => {
    expect(codeOf(() => parseExtension([], '1'))).toBe('NOT_FOUND');
    expect(codeOf(() => parseExtension(null, '1'))).toBe('NOT_FOUND');
    expect(codeOf(() => parseExtension([{ extension_id: 1 }], '1'))).toBe('INVALID_RESPONSE');
  });
});

describe('booleans', () => {
  it.each([
    ['yes', true],
    ['no', false],
    ['YES', true],
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['1', true],
    ['0', false],
    [null, true],
    [undefined, true],
    ['maybe', true],
  ])('ring_device %j → %s', (value, expected) => {
    const { items } = parseDevices([{ device_id: 5, ring_device: value }]);
    expect(items[0]?.ring).toBe(expected);
  });
});

describe('parseDevices', () => {
  it('parses the published example', () => {
    const { items, skipped } = parseDevices([referenceDevice()]);
    expect(skipped).toBe(0);
    expect(items).toEqual([
      {
        id: '2',
        name: 'dev-101',
        user: 'dev-101',
        description: 'Agent 01',
        technology: 'sip',
        ring: true,
        assignedExtension: null,
      },
    ]);
    expect(() => DeviceSchema.parse(items[0])).not.toThrow();
  });
  it('accepts a single device object and counts unreadable rows', () => {
    expect(parseDevices({ device_id: 7 }).items.map((d) => d.id)).toEqual(['7']);
    expect(parseDevices([{ device_id: 1 }, { user: 'x' }]).skipped).toBe(1);
  });
});

describe('queues', () => {
  it('parses /queues answers ({queues_id, queues_name, queues_penalty})', () => {
    expect(
      parseQueues({ queues_id: [1, 2], queues_name: ['Q500', 'Q501'], queues_penalty: ['0', '3'] }),
    ).toEqual([
      { id: '1', name: 'Q500', penalty: 0 },
      { id: '2', name: 'Q501', penalty: 3 },
    ]);
  });
  it('pairs arrays of unequal length sanely', () => {
    expect(parseQueues({ queues_id: [1, 2, 3], queues_name: ['Q500'], queues_penalty: ['2', 'x'] })).toEqual([
      { id: '1', name: 'Q500', penalty: 2 },
      { id: '2', name: '2', penalty: 0 },
      { id: '3', name: '3', penalty: 0 },
    ]);
    expect(parseQueues({ queues_id: [9], queues_name: ['A', 'B', 'C'], queues_penalty: [] })).toEqual([
      { id: '9', name: 'A', penalty: 0 },
    ]);
  });
  it('skips null ids and repeated ids', () => {
    expect(parseQueues({ queues_id: [null, 4, 4], queues_name: ['a', 'b', 'c'] })).toEqual([
      { id: '4', name: 'b', penalty: 0 },
    ]);
  });
  it('treats empty shapes (null, [], {}) as no queues', () => {
    expect(parseQueues(null)).toEqual([]);
    expect(parseQueues([])).toEqual([]);
    expect(parseQueues({})).toEqual([]);
  });
  it("reads queues_info inside an extension, including PHP's [] for an empty object", () => {
    const raw = referenceExtension();
    raw.queues_info = { queues: ['7', 8], queues_name: ['Sales', 'Support'], queues_penalty: [1, '2'] };
    expect(parseExtensionList([raw]).extensions[0]?.queues).toEqual([
      { id: '7', name: 'Sales', penalty: 1 },
      { id: '8', name: 'Support', penalty: 2 },
    ]);
    const empty = { ...referenceExtension(), queues_info: [] };
    expect(parseExtensionList([empty]).extensions[0]?.queues).toEqual([]);
  });
});

describe('parseCdrSummary', () => {
  it('turns the string counts into numbers and stamps asOf', () => {
    expect(parseCdrSummary({ local: '45', incoming: '29', outgoing: 4, transit: '0' }, 123)).toEqual({
      local: 45,
      incoming: 29,
      outgoing: 4,
      transit: 0,
      asOf: 123,
    });
  });
  it('reads missing or null counts as 0 and refuses garbage', () => {
    expect(parseCdrSummary({ local: null }, 1)).toMatchObject({ local: 0, incoming: 0 });
    expect(codeOf(() => parseCdrSummary({ local: 'many' }, 1))).toBe('INVALID_RESPONSE');
    expect(codeOf(() => parseCdrSummary([], 1))).toBe('INVALID_RESPONSE');
  });
});

describe('caller IDs', () => {
  it.each([
    ['"Jhone Doe" <100>', { name: 'Jhone Doe', number: '100' }],
    ['Jhone Doe <100>', { name: 'Jhone Doe', number: '100' }],
    ['Demo<1519>', { name: 'Demo', number: '1519' }],
    ['X-Lite<7502>', { name: 'X-Lite', number: '7502' }],
    ['<200>', { name: '', number: '200' }],
    ['"Doe, \\"JD\\" Jr" <+1 555>', { name: 'Doe, "JD" Jr', number: '+1 555' }],
    ['5551234', { name: '', number: '5551234' }],
    ['+44 20 7946 0000', { name: '', number: '+442079460000' }],
    ['Reception', { name: 'Reception', number: '' }],
    ['"Unknown"', { name: 'Unknown', number: '' }],
    ['', { name: '', number: '' }],
  ])('%j', (input, expected) => {
    expect(callerId(input)).toEqual(expected);
  });
  it('gives null for absent caller IDs where the domain allows it', () => {
    expect(optCallerId(null)).toBeNull();
    expect(optCallerId('  ')).toBeNull();
    expect(optCallerId(2000)).toEqual({ name: '', number: '2000' });
  });
});

describe('secrets never leave the parser', () => {
  it('drops device secrets and features_password from every result', () => {
    const marks = ['SECRET-MARK-A1', 'SECRET-MARK-B2', 'SECRET-MARK-C3'];
    const raw = referenceExtension();
    raw.features_password = marks[0]!;
    raw.devices[0]!.secret = marks[1]!;
    const second = { ...referenceExtension(), extension_id: 2, features_password: marks[2]! };
    const results = [
      parseExtensionList([raw, second]),
      parseExtension([raw], '1'),
      parseExtension(raw, '1'),
      parseDevices(raw.devices),
      parseDevices({ device_id: 1, secret: marks[1] }),
    ];
    const text = JSON.stringify(results);
    expect(text).toContain('Jhone Doe'); // the results are not empty
    for (const m of marks) expect(text).not.toContain(m);
  });
});
