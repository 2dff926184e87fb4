// The three voicemail_records shapes, folder tagging, msg and key derivation.
import { describe, expect, it } from 'vitest';
import { parseVoicemail } from '../../../electron/core/pbx/parse.js';
import { AppError } from '../../../electron/core/app-error.js';
import { VoicemailRecordSchema } from '../../../electron/core/shared/domain.js';
import { referenceVoicemail, referenceVoicemailDomain } from './fixtures.js';

const [inbox0, old0] = referenceVoicemailDomain();

describe('parseVoicemail', () => {
  it('folder → object (the published example)', () => {
    const { records, skipped } = parseVoicemail(referenceVoicemail());
    expect(skipped).toBe(0);
    expect(records).toEqual([inbox0, old0]);
    for (const r of records) expect(() => VoicemailRecordSchema.parse(r)).not.toThrow();
  });

  it('folder → array (VitalPBX 4), with msg_id keys, numbers and empty folders', () => {
    const { records } = parseVoicemail({
      INBOX: [
        {
          msg_id: '1761219702-000000b2',
          date: 1761219702,
          clid: '"Ana Ruiz" <204>',
          duration: 31,
          recfile: '/static/t/voicemail/201/INBOX/msg0001.wav',
          filename: 'msg0001.txt',
        },
        { date: '5', clid: '', duration: '', recfile: '/static/t/voicemail/201/INBOX/msg0002.WAV' },
      ],
      Old: [],
      Urgent: null,
    });
    expect(records.map((r) => [r.key, r.folder, r.msg, r.date, r.durationSec])).toEqual([
      ['1761219702-000000b2', 'INBOX', 'msg0001', 1761219702, 31],
      ['INBOX/msg0002', 'INBOX', 'msg0002', 5, null],
    ]);
    expect(records[0]?.caller).toEqual({ name: 'Ana Ruiz', number: '204' });
    expect(records[1]?.caller).toEqual({ name: '', number: '' });
  });

  it('flat legacy array with origtime/callerid/msg_num, folder from the recfile path', () => {
    const { records } = parseVoicemail([
      {
        origtime: '1600000000',
        callerid: 'Bob <300>',
        msg_num: 3,
        recfile: '/vm/voicemail/300/Old/msg0003.wav',
      },
      { origtime: 1600000001, callerid: '301', msg_num: '4', recfile: '/audio/a.wav', folder: 'Work' },
      { msg_num: 'msg0012', recfile: 'https://pbx/x/y.wav', mailbox: '302@default' },
    ]);
    expect(records.map((r) => [r.folder, r.msg, r.key, r.mailbox, r.date])).toEqual([
      ['Old', 'msg0003', 'Old/msg0003', '300', 1600000000],
      ['Work', 'msg0004', 'Work/msg0004', '', 1600000001],
      ['INBOX', 'msg0012', 'INBOX/msg0012', '302', null],
    ]);
    expect(records[0]?.caller).toEqual({ name: 'Bob', number: '300' });
    expect(records[1]?.caller).toEqual({ name: '', number: '301' });
  });

  it('mixed shapes in one answer', () => {
    const ref = referenceVoicemail();
    const { records } = parseVoicemail({ INBOX: ref.INBOX, Old: [ref.Old] });
    expect(records.map((r) => r.key)).toEqual(['INBOX/msg0000', 'Old/msg0000']);
  });

  it('skips and counts records without recfile or message number', () => {
    const ref = referenceVoicemail();
    const { records, skipped } = parseVoicemail({
      INBOX: [ref.INBOX, { date: '1' }, { recfile: '/nothing/here.wav' }, 'junk'],
    });
    expect(records).toEqual([inbox0]);
    expect(skipped).toBe(3);
  });

  it('drops a repeated message but keeps the first', () => {
    const ref = referenceVoicemail();
    const { records, skipped } = parseVoicemail({ INBOX: [ref.INBOX, ref.INBOX] });
    expect(records).toHaveLength(1);
    expect(skipped).toBe(0);
  });

  it('empty answers give no records; a scalar is INVALID_RESPONSE', () => {
    expect(parseVoicemail(null).records).toEqual([]);
    expect(parseVoicemail([]).records).toEqual([]);
    expect(parseVoicemail({}).records).toEqual([]);
    let code = '';
    try {
      parseVoicemail('no');
    } catch (err) {
      code = err instanceof AppError ? err.code : 'other';
    }
    expect(code).toBe('INVALID_RESPONSE');
  });
});
