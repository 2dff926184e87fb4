// The command line's agent commands: `call NUMBER --from EXT` (click-to-call, never retried) and
// `calls --extension EXT` (that extension's calls, deduplicated, newest first), plus the
// phonebook contacts that `export --contacts` adds.
import { writeFile } from 'node:fs/promises';
import { AppError } from '../app-error.js';
import { say, usageError } from './cli-text.js';
import { neutralizeFormula, quote } from '../export/csv.js';
import type { PbxClient } from '../pbx/client.js';
import type { CdrRow, Contact } from '../shared/agent-domain.js';
import { normalizeNumber } from '../app/recent-calls.js';

function usage(message: string): never {
  throw usageError(message);
}

export async function callCommand(
  client: PbxClient,
  number: string | undefined,
  from: string | undefined,
  out: (s: string) => void,
): Promise<void> {
  if (!number) usage(say('cli.callNeedsNumber'));
  if (!from) usage(say('cli.callNeedsFrom'));
  const callee = normalizeNumber(number);
  if (!/^\+?[0-9*#]{1,32}$/.test(callee)) throw new AppError('INVALID_NUMBER');
  const caller = normalizeNumber(from);
  const { extensions } = await client.listExtensions();
  const id = extensions.find((e) => e.number === caller)?.id;
  const cosId = (id ? await client.classOfService(id).catch(() => null) : null) ?? 1;
  const { message } = await client.clickToCall({ caller, callee, cosId });
  out(
    `${message ? say('cli.callPlacedSaid', { caller, callee, message }) : say('cli.callPlaced', { caller, callee })}\n`,
  );
}

const SINCE: Record<string, number> = { '24h': 86_400, '7d': 7 * 86_400 };

export async function callsCommand(
  client: PbxClient,
  o: {
    extension?: string | undefined;
    since?: string | undefined;
    format?: string | undefined;
    out?: string | undefined;
  },
  out: (s: string) => void,
): Promise<void> {
  if (!o.extension) usage(say('cli.callsNeedsExtension'));
  const span = SINCE[o.since ?? '7d'];
  if (span === undefined) usage(say('cli.badSince'));
  const format = o.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') usage(say('cli.badCallsFormat'));
  const until = Math.floor(Date.now() / 1000);
  const r = await client.listCdr({ extension: o.extension, since: until - span, until });
  if (r.filter === 'client') process.stderr.write(`${say('cli.filteredHere')}\n`);
  if (!r.complete) {
    const from = new Date(r.coveredFrom * 1000).toISOString();
    process.stderr.write(`${say(r.limitReached ? 'cli.limitReached' : 'cli.pageRepeated', { from })}\n`);
  }
  const content =
    format === 'json'
      ? `${JSON.stringify({ extension: o.extension, calls: r.rows }, null, 2)}\n`
      : callsCsv(r.rows);
  if (o.out) {
    await writeFile(o.out, content, { encoding: 'utf8', mode: 0o644 });
    process.stderr.write(`${say('cli.wroteCalls', { count: r.rows.length, file: o.out })}\n`);
  } else out(content);
}

const COLUMNS = [
  'calldate',
  'uniqueid',
  'src',
  'dst',
  'clid',
  'calltype',
  'disposition',
  'duration',
  'billsec',
];

function callsCsv(rows: readonly CdrRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    const clid = r.clid.name ? `"${r.clid.name}" <${r.clid.number}>` : r.clid.number;
    const when = r.calldate === null ? '' : new Date(r.calldate * 1000).toISOString();
    const cells = [
      when,
      r.uniqueid,
      r.src,
      r.dst,
      clid,
      r.calltype ?? '',
      r.disposition,
      r.duration,
      r.billsec,
    ];
    lines.push(cells.map((c) => quote(neutralizeFormula(String(c)))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Every contact of every phonebook; none when the PBX has no phonebooks. */
export async function allContacts(client: PbxClient): Promise<Contact[]> {
  const books = (await client.listPhonebooks()) ?? [];
  const contacts: Contact[] = [];
  for (const b of books) contacts.push(...(await client.listContacts(b)).items);
  return contacts;
}
