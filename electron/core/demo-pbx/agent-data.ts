// The demo PBX's agent data for one tenant: phonebooks with contacts, and call detail records
// (CDR). Generated on first use (a 100,000-extension benchmark tenant never pays for it), from
// the seed and the tenant id, so the same options give the same rows. CDR times are offsets
// before an anchor (`cdrNow`): the default anchor is when the demo started, so the app's "last
// 7 days" always has calls to show, while the rows themselves stay the same for the same seed.
import type { DemoTenant } from './model.js';
import { randomName } from './names.js';
import { Prng } from './prng.js';
import type { JsonBody } from './reference.js';

export interface DemoPhonebook {
  id: number;
  name: string;
  sourceType: string;
  /** Contacts as served, loosely typed and with fields some builds leave out. */
  contacts: JsonBody[];
}

export interface DemoCdrRow {
  /** Epoch seconds of the call's start, for the start_date/end_date filters. */
  at: number;
  src: string;
  dst: string;
  /** The row as served. */
  row: JsonBody;
}

export interface TenantAgentData {
  phonebooks: DemoPhonebook[];
  /** Newest first. */
  cdr: DemoCdrRow[];
}

const BOOKS = [
  { name: 'Customers', sourceType: 'manual' },
  { name: 'Suppliers', sourceType: 'csv' },
] as const;
const COMPANIES = ['Initrode', 'Vandelay Industries', 'Pendant Publishing', 'Kramerica', 'Monsters Inc.'];
const DISPOSITIONS = ['ANSWERED', 'ANSWERED', 'ANSWERED', 'NO ANSWER', 'NO ANSWER', 'BUSY', 'FAILED'];
const DAY = 86_400;

/** `2025-10-23 11:46:40` in the server's local time, as Asterisk's CDR `calldate` reads. */
export function formatCallDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
  );
}

function phone(rng: Prng): string {
  const digits = `1555${rng.chars('0123456789', 7)}`;
  // Phonebooks hold numbers as people typed them; the app must normalise only what it needs.
  switch (rng.int(0, 3)) {
    case 0:
      return `+${digits}`;
    case 1:
      return `+1 (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}`;
    default:
      return digits;
  }
}

function generatePhonebooks(rng: Prng, tenant: DemoTenant): DemoPhonebook[] {
  let contactId = 1;
  return BOOKS.map((book, b) => {
    const contacts: JsonBody[] = [];
    const count = rng.int(15, 30);
    for (let i = 0; i < count; i++) {
      const person = randomName(rng).name;
      const c: JsonBody = { contact_id: contactId++, phonebook_id: b + 1, name: person };
      // Field evidence is weak: some contacts have no telephone or e-mail at all.
      if (rng.chance(0.92)) c.telephone = phone(rng);
      if (rng.chance(0.7)) c.email = `contact${contactId}@${tenant.name}-partner.example.org`;
      if (rng.chance(0.5)) c.company = rng.pick(COMPANIES);
      contacts.push(c);
    }
    return { id: b + 1, name: book.name, sourceType: book.sourceType, contacts };
  });
}

function digitsOf(telephone: unknown): string | null {
  if (typeof telephone !== 'string') return null;
  return telephone.replace(/[\s()-]/g, '');
}

function generateCdr(rng: Prng, tenant: DemoTenant, books: DemoPhonebook[], now: number): DemoCdrRow[] {
  const numbers = tenant.extensions.map((e) => e.number);
  const names = new Map(tenant.extensions.map((e) => [e.number, String(e.record.name ?? '')]));
  if (numbers.length === 0) return [];
  const contactNumbers = books.flatMap((b) => b.contacts.map((c) => digitsOf(c.telephone))).filter(Boolean);
  const external = () =>
    contactNumbers.length > 0 && rng.chance(0.5)
      ? (rng.pick(contactNumbers) as string)
      : `1555${rng.chars('0123456789', 7)}`;
  const count = Math.min(4000, Math.max(200, numbers.length * 8));
  const rows: DemoCdrRow[] = [];
  for (let i = 0; i < count; i++) {
    const at = now - rng.int(60, 10 * DAY);
    const kind = rng.pick([1, 1, 2, 2, 3] as const);
    const src = kind === 2 ? external() : rng.pick(numbers);
    let dst = kind === 3 ? external() : rng.pick(numbers);
    if (kind === 1 && dst === src) dst = numbers[(numbers.indexOf(src) + 1) % numbers.length] as string;
    const disposition = rng.pick(DISPOSITIONS);
    const duration = rng.int(4, 900);
    const billsec = disposition === 'ANSWERED' ? Math.max(1, duration - rng.int(2, 25)) : 0;
    const uniqueid = `${at}.${i + 1}`;
    const srcName = names.get(src) ?? '';
    const row: JsonBody = {
      uniqueid,
      linkedid: uniqueid,
      calldate: formatCallDate(at),
      src,
      dst,
      clid: srcName ? `"${srcName}" <${src}>` : `"" <${src}>`,
      channel: kind === 2 ? `PJSIP/trunk-${rng.hex(8)}` : `PJSIP/${src}-${rng.hex(8)}`,
      dstchannel: kind === 3 ? `PJSIP/trunk-${rng.hex(8)}` : `PJSIP/${dst}-${rng.hex(8)}`,
      duration: rng.chance(0.5) ? duration : String(duration),
      billsec: rng.chance(0.5) ? billsec : String(billsec),
      disposition,
      // Builds differ: the same field arrives as a number or as a string.
      calltype: rng.chance(0.5) ? kind : String(kind),
      recording_url:
        disposition === 'ANSWERED' && rng.chance(0.3)
          ? `/static/${tenant.staticToken}/recordings/${uniqueid}.wav`
          : '',
      accountcode: '',
    };
    rows.push({ at, src, dst, row });
    // A forwarded call leaves a second row with the same uniqueid (the leg to the new target).
    if (kind !== 3 && rng.chance(0.08)) {
      const target = rng.pick(numbers);
      rows.push({
        at,
        src,
        dst: target,
        row: { ...row, dst: target, dstchannel: `PJSIP/${target}-${rng.hex(8)}` },
      });
    }
  }
  return rows.sort((a, b) => b.at - a.at);
}

export function generateAgentData(tenant: DemoTenant, seed: number, now: number): TenantAgentData {
  const rng = new Prng(seed * 7919 + tenant.id);
  const phonebooks = generatePhonebooks(rng, tenant);
  return { phonebooks, cdr: generateCdr(rng, tenant, phonebooks, now) };
}
