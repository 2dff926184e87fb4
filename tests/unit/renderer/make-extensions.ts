// Synthetic directory entries for the renderer's search tests: deterministic, with accented,
// CJK and apostrophe names, devices, caller IDs and queue memberships.
import type { Extension } from '../../../electron/core/shared/domain.js';

const FIRST = [
  'José',
  'María',
  'John',
  'Emma',
  'Oliver',
  'Zoë',
  'Jürgen',
  'Søren',
  'Hélène',
  'Liam',
  'Grace',
];
const LAST = ['Núñez', 'García', 'Smith', "O'Neil", 'Müller', 'Weiß', 'Lefèvre', 'Taylor', 'Brown', 'Clarke'];
const QUEUES = ['Sales', 'Support', 'Billing', 'Night Shift'];

export function makeExtension(i: number, over: Partial<Extension> = {}): Extension {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const number = String(100 + i);
  return {
    id: String(i + 1),
    number,
    name,
    email: `user${i}@example.com`,
    language: 'en',
    internalCid: { name, number },
    externalCid: null,
    emergencyCid: null,
    mailbox: number,
    tenantId: '1',
    devices: [
      {
        id: `d${i}`,
        name: `PJSIP/${number}`,
        user: `dev${number}`,
        description: '',
        technology: 'pjsip',
        ring: true,
        assignedExtension: number,
      },
    ],
    queues: i % 3 === 0 ? [{ id: String(i % 4), name: QUEUES[i % 4]!, penalty: i % 5 }] : [],
    cdr: null,
    ...over,
  };
}

export function makeDirectory(count: number): Extension[] {
  return Array.from({ length: count }, (_, i) => makeExtension(i));
}
