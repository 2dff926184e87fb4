// Which profile is in use: listing, switching, the demo PBX and removing a profile with everything
// cached for it (snapshot, voicemail lists and audio, its key).
import { rm } from 'node:fs/promises';
import { AppError, toAppError } from '../app-error.js';
import type { Handlers } from '../dispatch/dispatcher.js';
import type { Profile } from '../shared/domain.js';
import type { ProfileStore } from '../store/profiles.js';
import type { SnapshotStore } from '../store/snapshot-store.js';
import type { AppKeys } from './app-keys.js';
import type { ClientPool } from './client-pool.js';
import { DEMO_PROFILE_ID } from './demo.js';
import type { Policy } from './policy.js';
import type { SyncService } from './sync-service.js';

export interface ProfileDeps {
  profiles: ProfileStore;
  snapshots: SnapshotStore;
  keys: AppKeys;
  pool: ClientPool;
  policy: () => Policy;
  sync: SyncService;
  /** After the profile in use changed: restart what follows it (voicemail polling). */
  onActivated: () => void;
}

type Channels = 'profiles:list' | 'profiles:remove' | 'profiles:activate' | 'profiles:use-demo';

export function profileHandlers(
  d: ProfileDeps,
): Pick<Handlers, Channels> & { activate(id: string): ReturnType<SyncService['activate']> } {
  async function activate(id: string) {
    const profile = id === DEMO_PROFILE_ID ? await d.pool.refreshDemoProfile() : await d.profiles.get(id);
    if (!profile) throw new AppError('PROFILE_NOT_FOUND');
    await d.profiles.setActive(profile.id);
    const state = await d.sync.activate(profile);
    d.onActivated();
    return state;
  }

  return {
    activate,
    'profiles:list': async () => {
      const list = await d.profiles.list();
      const policy = d.policy();
      return {
        profiles: list,
        activeId: d.sync.profile?.id ?? (await d.profiles.getActive())?.id ?? null,
        notice: d.profiles.lastRecovery?.notice ?? null,
        sessionKeys: d.keys.session.ids(),
        policy: policy.info,
        policyError: policy.error?.toData() ?? null,
      };
    },
    'profiles:remove': async ({ id }) => {
      const removed = await d.profiles.remove(id);
      let keyLeft = null;
      if (removed) {
        // Leave it first, so no sync or voicemail poll writes into its folder while it goes.
        if (d.sync.profile?.id === id) {
          const next = await d.profiles.getActive();
          if (next) await activate(next.id);
          else await d.sync.activate(null);
        }
        // Everything cached for it: snapshot, voicemail lists and audio (profileDir checks the id).
        await rm(d.snapshots.profileDir(id), { recursive: true, force: true }).catch(() => {});
        if (id !== DEMO_PROFILE_ID) {
          // The profile goes either way; a key the keychain would not delete is reported, not lost.
          keyLeft = await d.keys.remove(id).then(
            () => null,
            (err: unknown) => toAppError(err).toData(),
          );
        }
      }
      return { removed, keyLeft };
    },
    'profiles:activate': ({ id }) => activate(id),
    'profiles:use-demo': async () => {
      await activate(DEMO_PROFILE_ID);
      return (await d.profiles.get(DEMO_PROFILE_ID)) as Profile;
    },
  };
}
