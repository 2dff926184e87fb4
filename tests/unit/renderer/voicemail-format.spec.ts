// The voicemail UI's pure logic: folder order and grouping, previous/next, finding a message
// again after it moved folders, the selection after a delete, clock and spoken times, seek
// clamping, "not supported" versus failure, and download names.
import { describe, expect, it } from 'vitest';
import type { VoicemailMessage } from '../../../electron/core/shared/contract.js';
import {
  callerName,
  callerNumber,
  clampSeek,
  classifyActionError,
  clock,
  downloadName,
  findAgain,
  formatLabel,
  groupByFolder,
  isUnheard,
  neighbour,
  selectionAfterDelete,
  folderKey,
} from '../../../renderer/src/lib/voicemail-format.js';
import { spokenDuration } from '../../../electron/core/shared/i18n/formats.js';

function rec(key: string, folder: string, date: number | null, extra: Partial<VoicemailMessage> = {}) {
  return {
    key,
    folder,
    msg: 'msg0000',
    date,
    caller: { name: `Caller ${key}`, number: `55${key}` },
    durationSec: 10,
    priority: null,
    mailbox: '101',
    ...extra,
  } satisfies VoicemailMessage;
}

describe('groupByFolder', () => {
  it('puts Urgent, INBOX and Old first, others in the order returned, newest first inside', () => {
    const groups = groupByFolder([
      rec('a', 'Work', 5),
      rec('b', 'Old', 1),
      rec('c', 'INBOX', 2),
      rec('d', 'Family', 9),
      rec('e', 'INBOX', 7),
      rec('f', 'Urgent', 3),
      rec('g', 'Work', 8),
    ]);
    expect(groups.map((g) => g.folder)).toEqual(['Urgent', 'INBOX', 'Old', 'Work', 'Family']);
    expect(groups[1]!.records.map((r) => r.key)).toEqual(['e', 'c']);
    expect(groups[3]!.records.map((r) => r.key)).toEqual(['g', 'a']);
    expect(groups.map((g) => folderKey(g.folder))).toEqual([
      'voicemail.folderUrgent',
      'voicemail.folderInbox',
      'voicemail.folderOld',
      null,
      null,
    ]);
  });

  it('matches folder names case-insensitively and puts undated messages last', () => {
    const groups = groupByFolder([rec('a', 'old', null), rec('b', 'inbox', null), rec('c', 'inbox', 4)]);
    expect(groups.map((g) => folderKey(g.folder))).toEqual(['voicemail.folderInbox', 'voicemail.folderOld']);
    expect(groups[0]!.records.map((r) => r.key)).toEqual(['c', 'b']);
  });

  it('gives nothing for an empty mailbox', () => {
    expect(groupByFolder([])).toEqual([]);
  });
});

describe('neighbour and selection after delete', () => {
  const order = [rec('a', 'INBOX', 3), rec('b', 'INBOX', 2), rec('c', 'Old', 1)];

  it('steps through the displayed order and stops at either end', () => {
    expect(neighbour(order, 'a', 1)).toBe('b');
    expect(neighbour(order, 'b', -1)).toBe('a');
    expect(neighbour(order, 'c', 1)).toBeNull();
    expect(neighbour(order, 'a', -1)).toBeNull();
    expect(neighbour(order, null, 1)).toBe('a');
    expect(neighbour([], null, 1)).toBeNull();
  });

  it('selects the next message after a delete, else the previous, else nothing', () => {
    expect(selectionAfterDelete(order, 'a')).toBe('b');
    expect(selectionAfterDelete(order, 'c')).toBe('b');
    expect(selectionAfterDelete([order[0]!], 'a')).toBeNull();
    expect(selectionAfterDelete(order, 'zzz')).toBeNull();
  });
});

describe('findAgain', () => {
  it('keeps a msg_id key across a move to Old', () => {
    const before = rec('1700-ab', 'INBOX', 1700);
    const after = [rec('1700-ab', 'Old', 1700, { msg: 'msg0003' })];
    expect(findAgain(after, before)?.folder).toBe('Old');
  });

  it('finds a folder/msg keyed message by date, caller and duration after it moved', () => {
    const before = rec('INBOX/msg0001', 'INBOX', 1700);
    const moved = rec('Old/msg0004', 'Old', 1700, { caller: before.caller });
    const other = rec('Old/msg0005', 'Old', 1700, { caller: { name: 'X', number: '1' } });
    expect(findAgain([other, moved], before)?.key).toBe('Old/msg0004');
    expect(findAgain([other], before)).toBeNull();
    expect(findAgain([rec('z', 'Old', null)], rec('y', 'INBOX', null))).toBeNull();
  });
});

describe('times', () => {
  it('formats a clock', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(6.04)).toBe('0:06');
    expect(clock(65)).toBe('1:05');
    expect(clock(3723)).toBe('1:02:03');
    expect(clock(null)).toBe('–:––');
    expect(clock(NaN)).toBe('–:––');
    expect(clock(-1)).toBe('–:––');
  });

  it('speaks a duration, in the language asked for', () => {
    expect(spokenDuration('en', 0)).toBe('0 seconds');
    expect(spokenDuration('en', 1)).toBe('1 second');
    expect(spokenDuration('en', 60)).toBe('1 minute');
    expect(spokenDuration('en', 125.6)).toBe('2 minutes 5 seconds');
    expect(spokenDuration('es', 125.6)).toBe('2 minutos 5 segundos');
    expect(spokenDuration('pt-BR', 61)).toBe('1 minuto 1 segundo');
  });

  it('clamps a seek into the message', () => {
    expect(clampSeek(-3, 10)).toBe(0);
    expect(clampSeek(12, 10)).toBe(10);
    expect(clampSeek(4.5, 10)).toBe(4.5);
    expect(clampSeek(4, 0)).toBe(0);
    expect(clampSeek(NaN, 10)).toBe(0);
  });
});

describe('labels', () => {
  it('names the caller, falling back to the number', () => {
    expect(callerName(rec('1', 'INBOX', 1))).toBe('Caller 1');
    const anon = rec('2', 'INBOX', 1, { caller: { name: ' ', number: '600' } });
    expect(callerName(anon)).toBe('600');
    expect(callerNumber(anon)).toBeNull();
    expect(callerName(rec('3', 'INBOX', 1, { caller: { name: '', number: '' } }))).toBeNull();
  });

  it('counts INBOX and Urgent as unheard, not Old', () => {
    expect(isUnheard(rec('a', 'INBOX', 1))).toBe(true);
    expect(isUnheard(rec('a', 'Urgent', 1))).toBe(true);
    expect(isUnheard(rec('a', 'Old', 1))).toBe(false);
  });

  it('names the recording format', () => {
    expect(formatLabel('gsm')).toBe('GSM 6.10');
    expect(formatLabel('pcm16')).toBe('PCM');
    expect(formatLabel('other')).toBe('other');
  });

  it('builds a safe download name from the mailbox and date', () => {
    const r = rec('a', 'INBOX', Date.UTC(2026, 2, 4, 9, 30) / 1000, { mailbox: '101@acme-voicemail' });
    expect(downloadName(r)).toBe('voicemail-101-2026-03-04-09-30.wav');
    expect(downloadName(rec('a', 'INBOX', null, { msg: 'msg0007', mailbox: '../x y' }))).toBe(
      'voicemail-.._x_y-msg0007.wav',
    );
  });
});

describe('classifyActionError', () => {
  it('shows a 501 as an unsupported action, anything else as a failure', () => {
    const unsupported = classifyActionError('delete', { code: 'NOT_SUPPORTED', message: 'no' });
    expect(unsupported.kind).toBe('unsupported');
    expect(unsupported.kind === 'unsupported' && unsupported.key).toBe('voicemail.unsupportedDelete');
    const failed = classifyActionError('markListened', { code: 'PBX_UNREACHABLE', message: 'down' });
    expect(failed).toEqual({ kind: 'failed', error: { code: 'PBX_UNREACHABLE', message: 'down' } });
  });
});
