// The names of every IPC operation and event, as plain data with no dependencies, so the preload
// (which must stay one small sandboxed file) can build its bridge without bundling the schemas.
// contract.ts gives each name its request schema and result type, and fails to compile when the
// two lists disagree. Names are `domain:action`.

export const CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:activate',
  'profiles:use-demo',
  'connection:test',
  'connection:probe-certificate',
  'connection:cancel',
  'credentials:set',
  'credentials:delete',
  'credentials:status',
  'directory:get',
  'directory:extension',
  'directory:export',
  'sync:now',
  'sync:cancel',
  'sync:state',
  'events:latest',
  'sync:nudge',
  'voicemail:list',
  'voicemail:audio',
  'voicemail:mark-listened',
  'voicemail:delete',
  'voicemail:save-as',
  'settings:get',
  'settings:set',
  'dial:open',
  'calls:place',
  'calls:recent',
  'contacts:list',
  'contacts:sync',
  'contacts:export',
  'personal:get',
  'personal:favourite',
  'personal:note',
  'personal:call-mode',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['sync:state', 'voicemail:new', 'shell:focus'] as const;
export type EventName = (typeof EVENTS)[number];

/** The one IPC channel the main process pushes events on ({ event, payload } messages), shared by
 *  the preload and the main process so the two cannot drift apart. */
export const EVENT_CHANNEL = 'vpbx:event';

export interface EventMessage {
  event: string;
  payload: unknown;
}

/** `directory:export` → ['directory', 'export']; the bridge object is namespaced the same way. */
export function splitChannel<C extends string>(channel: C): [string, string] {
  const i = channel.indexOf(':');
  return [channel.slice(0, i), channel.slice(i + 1)];
}

/** 'mark-listened' → 'markListened' */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
