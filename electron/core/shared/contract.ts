// The IPC contract: every operation's request schema (validated by the dispatcher before any
// handler runs) and result type, and every event's payload type. Electron's ipcMain wiring, the
// preload bridge and the browser host are all derived from this one module, so adding an
// operation is one edit here plus its handler. Node-free: the renderer imports the types.
import { z } from 'zod';
import type { Channel, EventName } from './channels.js';
import type { AppErrorData } from './errors.js';
import { ACCELERATOR } from './accelerator.js';
import { agentContract } from './agent-contract.js';
import { LANGUAGES } from './i18n/languages.js';
import {
  type CdrSummary,
  type ConnectionStatusSchema,
  DialSchemeSchema,
  type Extension,
  FingerprintSchema,
  type Profile,
  ProfileSchema,
  type VoicemailRecord,
} from './domain.js';

const Id = z.string().min(1).max(128);
const None = z.object({}).strict().optional();

/** Phantom marker carrying a result type (never read at run time). */
function result<T>(): T {
  return undefined as T;
}

/** Why a host thinks the directory may be old: the machine woke, was unlocked, got its network
 *  back, or the window was hidden or shown again. */
export const NudgeReasonSchema = z.enum(['resume', 'unlock', 'online', 'hidden', 'shown']);
export type NudgeReason = z.infer<typeof NudgeReasonSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
/** 'system' follows the OS locale; a language code overrides it. */
export const LanguageSettingSchema = z.enum(['system', ...LANGUAGES]);
export const SettingsSchema = z.object({
  theme: ThemeSchema,
  language: LanguageSettingSchema,
  dialScheme: DialSchemeSchema,
  voicemailPollSeconds: z.number().int().min(15).max(3600),
  /** Background directory refresh while online (±20% jitter). */
  refreshMinutes: z.number().int().min(5).max(240),
  /** An Electron accelerator such as CommandOrControl+Alt+D; empty for none. */
  globalShortcut: z.string().max(64).regex(ACCELERATOR),
  startAtLogin: z.boolean(),
  /** Playing a message to its end marks it heard (moves it to Old), as Asterisk's own menu does. */
  voicemailMarkHeardAtEnd: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const KeyStorageSchema = z.enum(['keychain', 'session']);
export type KeyStorage = z.infer<typeof KeyStorageSchema>;

export const ProfileInputSchema = ProfileSchema.omit({ id: true, demo: true, keyBinding: true }).extend({
  id: Id.optional(),
  /** A key typed into the form, stored with the profile in one step (all or nothing). */
  appKey: z.string().min(1).max(512).optional(),
  /** 'session': keep the key in memory until the app quits (when the keychain cannot store it). */
  keyStorage: KeyStorageSchema.optional(),
});
export type ProfileInput = z.infer<typeof ProfileInputSchema>;

export const ConnectionTestSchema = z.object({
  baseUrl: z.string().min(1).max(2048),
  tenant: z.string().max(100),
  /** A key typed into the form; when absent, the stored key of profileId is used. */
  appKey: z.string().min(1).max(512).optional(),
  profileId: Id.optional(),
  tlsPin: FingerprintSchema.nullable(),
  allowHttp: z.boolean(),
});

export const ExportFormatSchema = z.enum(['csv', 'vcard', 'vcard3', 'json']);

/** The administrator's policy as the window may see it (no secrets in it). */
export interface PolicyInfo {
  path: string;
  values: {
    baseUrl?: string | undefined;
    tenant?: string | undefined;
    myExtension?: string | null | undefined;
    showOthersVoicemail?: boolean | undefined;
  };
  locked: ('baseUrl' | 'tenant' | 'myExtension' | 'showOthersVoicemail')[];
}

export interface CertificateInfo {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  trustedByCa: boolean;
}

/** What the last sync that changed the directory changed, by extension id. */
export interface DirectoryChanges {
  added: number;
  changed: number;
  removed: number;
}

export interface SyncState {
  /** Increases with every change: events and replies may arrive out of order, the newest wins. */
  seq: number;
  profileId: string | null;
  status: z.infer<typeof ConnectionStatusSchema>;
  /** When the directory's content was fetched (it changes only when the content did), epoch ms. */
  syncedAt: number | null;
  /** When the PBX last confirmed the directory (a refresh that found it unchanged included). */
  checkedAt: number | null;
  /** What the last change brought, for the status bar; null until a sync changed something. */
  changes: DirectoryChanges | null;
  extensionCount: number;
  /** bytes received so far; totalBytes when the PBX declared the size (Content-Length), else null. */
  progress: {
    phase: 'connecting' | 'downloading' | 'saving';
    bytes: number;
    totalBytes: number | null;
  } | null;
  lastError: AppErrorData | null;
  /** Set when the saved directory was damaged and the previous copy was loaded. */
  recovered: string | null;
}

export interface DirectoryData {
  profileId: string;
  tenant: string;
  syncedAt: number;
  extensions: Extension[];
}

export interface ExtensionDetail {
  extension: Extension;
  /** False when the PBX could not be asked and the cached copy is shown. */
  fresh: boolean;
  error: AppErrorData | null;
}

/**
 * A voicemail message as the window sees it: named by its key, without the PBX's recfile path
 * (which carries the PBX's /static/<token>/ capability and stays in the core).
 */
export type VoicemailMessage = Omit<VoicemailRecord, 'recfile'> & {
  /** The caller as the directory or the phonebook contacts know them (looked up by number). */
  known?: KnownCaller | null;
};

export interface KnownCaller {
  name: string;
  source: 'directory' | 'contact';
  extensionId: string | null;
  contactKey: string | null;
}

export interface VoicemailList {
  mailbox: string;
  extensionId: string;
  records: VoicemailMessage[];
  /** Keys of records whose audio is cached on disk (playable offline). */
  cached: string[];
  fetchedAt: number;
  fromCache: boolean;
  error: AppErrorData | null;
  unread: number;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  platform: string;
}

export const contract = {
  'app:info': { request: None, result: result<AppInfo>() },
  'profiles:list': {
    request: None,
    /** notice: set when the saved profiles were damaged and the previous copy was loaded. */
    result: result<{
      profiles: Profile[];
      activeId: string | null;
      notice: AppErrorData | null;
      /** Profiles whose app key is kept in memory for this session only. */
      sessionKeys: string[];
      policy: PolicyInfo | null;
      /** Set when a policy file exists but cannot be trusted (the app then refuses to save). */
      policyError: AppErrorData | null;
    }>(),
  },
  'profiles:save': { request: ProfileInputSchema, result: result<Profile>() },
  'profiles:remove': {
    request: z.object({ id: Id }).strict(),
    /** keyLeft: the keychain could not delete the profile's app key (e.g. locked): say so. */
    result: result<{ removed: boolean; keyLeft: AppErrorData | null }>(),
  },
  'profiles:activate': { request: z.object({ id: Id }).strict(), result: result<SyncState>() },
  'profiles:use-demo': { request: None, result: result<Profile>() },
  'connection:test': {
    request: ConnectionTestSchema,
    result: result<{ extensions: number; tenant: string }>(),
  },
  'connection:probe-certificate': {
    request: z.object({ baseUrl: z.string().min(1).max(2048) }).strict(),
    result: result<CertificateInfo>(),
  },
  /** Stops a running connection test (it then fails with CANCELLED). */
  'connection:cancel': { request: None, result: result<{ cancelled: boolean }>() },
  'credentials:set': {
    request: z.object({ profileId: Id, appKey: z.string().min(1).max(512) }).strict(),
    result: result<{ stored: true }>(),
  },
  'credentials:delete': {
    request: z.object({ profileId: Id }).strict(),
    result: result<{ deleted: boolean }>(),
  },
  'credentials:status': {
    request: z.object({ profileId: Id }).strict(),
    /** session: a key is kept in memory for this session only (the keychain could not store it). */
    result: result<{ stored: boolean; session: boolean; keychain: 'ok' | 'unavailable' | 'locked' }>(),
  },
  'directory:get': { request: None, result: result<DirectoryData | null>() },
  'directory:extension': { request: z.object({ id: Id }).strict(), result: result<ExtensionDetail>() },
  'directory:export': {
    request: z
      .object({
        format: ExportFormatSchema,
        ids: z.array(Id).max(200_000).optional(),
        /** Phonebook contacts listed beside the extensions, exported with them. */
        contactKeys: z.array(z.string().min(1).max(300)).max(200_000).optional(),
      })
      .strict(),
    result: result<{ filename: string; mime: string; content: string; count: number }>(),
  },
  'sync:now': { request: None, result: result<SyncState>() },
  'sync:cancel': { request: None, result: result<{ cancelled: boolean }>() },
  'sync:state': { request: None, result: result<SyncState>() },
  /** The latest value of each state event, for a window that subscribed after they were sent. */
  'events:latest': {
    request: None,
    result: result<{
      'sync:state': SyncState | null;
      'voicemail:new': EventPayloads['voicemail:new'] | null;
    }>(),
  },
  /** A hint that the directory may be out of date (see refresh-scheduler.ts). */
  'sync:nudge': {
    request: z.object({ reason: NudgeReasonSchema }).strict(),
    result: result<{ syncing: boolean }>(),
  },
  'voicemail:list': {
    request: z.object({ extensionId: Id.optional() }).strict().optional(),
    result: result<VoicemailList>(),
  },
  'voicemail:audio': {
    request: z.object({ extensionId: Id, key: z.string().min(1).max(256) }).strict(),
    result: result<{ wav: Uint8Array; format: string; durationSec: number; fromCache: boolean }>(),
  },
  'voicemail:mark-listened': {
    request: z.object({ extensionId: Id, key: z.string().min(1).max(256) }).strict(),
    result: result<VoicemailList>(),
  },
  'voicemail:delete': {
    request: z.object({ extensionId: Id, key: z.string().min(1).max(256) }).strict(),
    result: result<VoicemailList>(),
  },
  'voicemail:save-as': {
    request: z.object({ extensionId: Id, key: z.string().min(1).max(256) }).strict(),
    result: result<{ saved: string | null }>(),
  },
  'settings:get': { request: None, result: result<Settings>() },
  'settings:set': { request: SettingsSchema.partial().strict(), result: result<Settings>() },
  'dial:open': {
    request: z.object({ number: z.string().min(1).max(256) }).strict(),
    result: result<{ uri: string }>(),
  },
  ...agentContract,
} satisfies Record<Channel, { request: z.ZodType; result: unknown }>;

// Every channel named in channels.ts has an entry above, and no other (checked at compile time).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const CONTRACT_MATCHES_CHANNELS: Exact<keyof typeof contract, Channel> = true;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

export interface EventPayloads {
  'sync:state': SyncState;
  'voicemail:new': { mailbox: string; unread: number; newKeys: string[] };
  /** The desktop shell brought the window up (global shortcut, tray, a second launch). */
  'shell:focus': { target: 'search' | 'voicemail'; query: string | null };
}
export const EVENTS_MATCH: Exact<keyof EventPayloads, EventName> = true;

export type { CdrSummary };
