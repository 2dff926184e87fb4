// The directory as the window reads it: the cached snapshot, one extension's details fresh from
// the PBX (the cached copy when the PBX cannot answer), exports, and the sync controls.
import { AppError, toAppError } from '../app-error.js';
import { exportWithContacts } from '../export/contacts.js';
import { exportDirectory } from '../export/index.js';
import type { Contact } from '../shared/agent-domain.js';
import type { Handlers } from '../dispatch/dispatcher.js';
import type { PbxClient } from '../pbx/client.js';
import type { ExtensionDetail } from '../shared/contract.js';
import type { Extension, Profile } from '../shared/domain.js';
import type { SyncService } from './sync-service.js';

export interface DirectoryDeps {
  sync: SyncService;
  clientFor: (profile: Profile) => Promise<PbxClient>;
  activeProfile: () => Promise<Profile>;
  /** The profile's cached phonebook contacts (exported with the extensions when asked). */
  contacts: (profileId: string) => Promise<readonly Contact[]>;
}

type Channels =
  'directory:get' | 'directory:extension' | 'directory:export' | 'sync:now' | 'sync:cancel' | 'sync:state';

export function directoryHandlers({
  sync,
  clientFor,
  activeProfile,
  contacts,
}: DirectoryDeps): Pick<Handlers, Channels> {
  function cachedExtension(id: string): Extension {
    const ext = sync.snapshot?.extensions.find((e) => e.id === id);
    if (!ext) throw new AppError('NOT_FOUND');
    return ext;
  }

  return {
    'directory:get': () => {
      const snap = sync.snapshot;
      return snap
        ? {
            profileId: snap.profileId,
            tenant: snap.tenant,
            syncedAt: snap.syncedAt,
            extensions: snap.extensions,
          }
        : null;
    },
    'directory:extension': async ({ id }): Promise<ExtensionDetail> => {
      const cached = cachedExtension(id);
      try {
        const client = await clientFor(await activeProfile());
        const [ext, devices, queues, cdr] = await Promise.all([
          client.getExtension(id),
          client.getDevices(id),
          client.getQueues(id),
          client.getCdrSummary(id),
        ]);
        const fresh: Extension = { ...ext, devices, queues, cdr };
        await sync.updateExtension(fresh);
        return { extension: fresh, fresh: true, error: null };
      } catch (err) {
        return { extension: cached, fresh: false, error: toAppError(err).toData() };
      }
    },
    'directory:export': async ({ format, ids, contactKeys }) => {
      const snap = sync.snapshot;
      if (!snap) throw new AppError('NO_SNAPSHOT');
      let list = snap.extensions;
      if (ids) {
        const byId = new Map(list.map((e) => [e.id, e]));
        list = ids.map((id) => byId.get(id)).filter((e): e is Extension => e !== undefined);
      }
      const stem = `directory-${snap.profileId}`;
      if (!contactKeys) return exportDirectory(list, format, stem);
      const byKey = new Map((await contacts(snap.profileId)).map((c) => [c.key, c]));
      const chosen = contactKeys.map((k) => byKey.get(k)).filter((c): c is Contact => c !== undefined);
      return exportWithContacts(list, chosen, format, stem);
    },
    'sync:now': () => sync.syncNow(),
    'sync:cancel': () => ({ cancelled: sync.cancel() }),
    'sync:state': () => sync.state,
  };
}
