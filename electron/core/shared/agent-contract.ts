// The IPC contract of the agent's day: placing a call through the PBX, recent calls, phonebook
// contacts, and the private favourites, notes and call mode of a profile. contract.ts spreads
// these entries into the one contract, so the dispatcher, preload and browser host derive them
// like every other operation. Node-free: the renderer imports the types.
import { z } from 'zod';
import type { AppErrorData } from './errors.js';
import {
  CallModeSchema,
  type CallType,
  type Contact,
  EntryKeySchema,
  type Personal,
  type Phonebook,
} from './agent-domain.js';

/** Phantom marker carrying a result type (never read at run time). */
function result<T>(): T {
  return undefined as T;
}

const None = z.object({}).strict().optional();

export interface CallOutcome {
  caller: string;
  callee: string;
  cosId: number;
  /** What the PBX said, when it said anything. */
  message: string | null;
  /** When the PBX accepted the call, epoch ms. */
  at: number;
}

export interface RecentCall {
  uniqueid: string;
  /** Epoch seconds, or null when the PBX gave no readable time. */
  at: number | null;
  direction: 'in' | 'out';
  calltype: CallType | null;
  /** The other party's number. */
  number: string;
  /** Their name, and where it was found. */
  name: string | null;
  nameSource: 'directory' | 'contact' | 'callerid' | null;
  /** The directory entry or contact the number belongs to, for "open details". */
  extensionId: string | null;
  contactKey: string | null;
  disposition: string;
  missed: boolean;
  /** Talk time (billsec), seconds. */
  talkSec: number;
  recordingUrl: string | null;
}

export interface RecentCalls {
  extension: string;
  /** The range asked for, epoch seconds. */
  since: number;
  until: number;
  calls: RecentCall[];
  missed: number;
  /** When the list was fetched from the PBX, epoch ms. */
  fetchedAt: number;
  fromCache: boolean;
  /** Why the PBX could not be asked (the cached list is shown), or null. */
  error: AppErrorData | null;
  /** 'client': the PBX ignored the extension filter and the app filtered. */
  filter: 'server' | 'client';
  complete: boolean;
  /** Calls from this moment on were all seen (earlier ones may be missing when incomplete). */
  coveredFrom: number;
  limitReached: boolean;
}

export interface ContactsData {
  phonebooks: Phonebook[];
  contacts: Contact[];
  /** When the contacts were fetched, epoch ms; null when never. */
  syncedAt: number | null;
  /** False when the PBX has no phonebooks endpoint (404 or 501): no error, simply none. */
  supported: boolean;
  fromCache: boolean;
  error: AppErrorData | null;
}

export const agentContract = {
  /** Rings "my extension", then dials `number`, through the PBX. Never retried. */
  'calls:place': {
    request: z.object({ number: z.string().min(1).max(64) }).strict(),
    result: result<CallOutcome>(),
  },
  'calls:recent': {
    request: z
      .object({
        extension: z.string().min(1).max(32).optional(),
        days: z.number().int().min(1).max(31).optional(),
        refresh: z.boolean().optional(),
      })
      .strict()
      .optional(),
    result: result<RecentCalls>(),
  },
  'contacts:list': { request: None, result: result<ContactsData>() },
  'contacts:sync': { request: None, result: result<ContactsData>() },
  'contacts:export': {
    request: z.object({ format: z.enum(['csv', 'vcard', 'vcard3', 'json']) }).strict(),
    result: result<{ filename: string; mime: string; content: string; count: number }>(),
  },
  'personal:get': { request: None, result: result<Personal>() },
  'personal:favourite': {
    request: z.object({ key: EntryKeySchema, on: z.boolean() }).strict(),
    result: result<Personal>(),
  },
  'personal:note': {
    request: z.object({ key: EntryKeySchema, text: z.string().max(4000) }).strict(),
    result: result<Personal>(),
  },
  'personal:call-mode': {
    request: z.object({ mode: CallModeSchema }).strict(),
    result: result<Personal>(),
  },
} as const;
