// App-wide settings, what the app is, dialling through the desktop's softphone, and the voicemail
// channels (whose work the mailbox service does).
import type { Handlers } from '../dispatch/dispatcher.js';
import type { HostCapabilities } from './app-core.js';
import { buildDialUri } from './dial.js';
import type { SettingsStore } from './settings-store.js';
import type { SyncService } from './sync-service.js';
import type { VoicemailHandlers } from './voicemail-handlers.js';

type Channels =
  | 'app:info'
  | 'settings:get'
  | 'settings:set'
  | 'dial:open'
  | 'voicemail:list'
  | 'voicemail:audio'
  | 'voicemail:mark-listened'
  | 'voicemail:delete'
  | 'voicemail:save-as';

export function settingsHandlers(d: {
  capabilities: HostCapabilities;
  settings: SettingsStore;
  sync: SyncService;
  voicemail: VoicemailHandlers;
}): Pick<Handlers, Channels> {
  const { settings, voicemail } = d;
  return {
    'app:info': () => ({
      name: 'VitalPBX Directory',
      version: d.capabilities.version,
      host: d.capabilities.host,
      platform: process.platform,
    }),
    'settings:get': () => settings.get(),
    'settings:set': async (patch) => {
      const next = await settings.update(patch);
      voicemail.restart();
      return next;
    },
    'dial:open': async ({ number }) => {
      const { dialScheme } = await settings.get();
      const host = d.sync.profile ? new URL(d.sync.profile.baseUrl).hostname : null;
      const uri = buildDialUri(number, dialScheme, host);
      await d.capabilities.openExternal?.(uri);
      return { uri };
    },
    'voicemail:list': (req) => voicemail.list(req?.extensionId),
    'voicemail:audio': (req) => voicemail.audio(req.extensionId, req.key),
    'voicemail:mark-listened': (req) => voicemail.markListened(req.extensionId, req.key),
    'voicemail:delete': (req) => voicemail.remove(req.extensionId, req.key),
    'voicemail:save-as': (req) => voicemail.saveAs(req.extensionId, req.key),
  };
}
