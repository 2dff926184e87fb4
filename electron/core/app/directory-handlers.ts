// The directory as the window reads it: the cached snapshot, one extension's details fresh from
// the PBX (the cached copy when the PBX cannot answer), exports, and the sync controls.
import { AppError, toAppError } from '../app-error.js';
import { exportDirectory } from '../export/index.js';
import type { Handlers } from '../dispatch/dispatcher.js';
import type { PbxClient } from '../pbx/client.js';
import type { ExtensionDetail } from '../shared/contract.js';
import type { Extension, Profile } from '../shared/domain.js';
import type { SyncService } from './sync-service.js';

export interface DirectoryDeps {
  sync: SyncService;
  clientFor: (profile: Profile) => Promise<PbxClient>;
  activeProfile: () => Promise<Profile>;
}

type Channels =
  'directory:get' | 'directory:extension' | 'directory:export' | 'sync:now' | 'sync:cancel' | 'sync:state';

export function directoryHandlers({
  sync,
  clientFor,
  activeProfile,
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
    'directory:export': async ({ format, ids }) => {
      const snap = sync.snapshot;
      if (!snap) throw new AppError('NO_SNAPSHOT');
      let list = snap.extensions;
      if (ids) {
        const byId = new Map(list.map((e) => [e.id, e]));
        list = ids.map((id) => byId.get(id)).filter((e): e is Extension => e !== undefined);
      }
      return exportDirectory(list, format, `directory-${snap.profileId}`);
    },
    'sync:now': () => sync.syncNow(),
    'sync:cancel': () => ({ cancelled: sync.cancel() }),
    'sync:state': () => sync.state,
  };
}
