// The core behind every host: it builds the stores, the keychain, the PBX clients and the
// services, and assembles the handlers of every contract channel from the domain modules
// (connection, profiles, directory, settings and voicemail, the agent's day). Electron's main
// process and the browser host both wrap `createAppCore(...).dispatch`; capabilities only a
// desktop has (opening a tel: link, a save dialog) are injected, so the behaviour itself is the
// same and tested in Node.
import {
  type Call,
  type Dispatch,
  createDispatcher,
  type Handlers,
  typedCall,
} from '../dispatch/dispatcher.js';
import { EventHub } from '../dispatch/events.js';
import { AppError } from '../app-error.js';
import { Keychain, type SecretStore } from '../credentials/keychain.js';
import { guardedProbe } from '../pbx/probe-guard.js';
import { ProfileStore } from '../store/profiles.js';
import { SnapshotStore } from '../store/snapshot-store.js';
import type { AppInfo, NudgeReason } from '../shared/contract.js';
import type { Profile } from '../shared/domain.js';
import { purgeOtherMailboxes } from '../voicemail/mailbox-purge.js';
import { AppKeys } from './app-keys.js';
import { ClientPool } from './client-pool.js';
import { connectionHandlers } from './connection-handlers.js';
import { agentHandlers } from './agent-handlers.js';
import { AgentStore } from './agent-store.js';
import { DemoController } from './demo.js';
import { directoryHandlers } from './directory-handlers.js';
import { defaultPolicyPath, Policy } from './policy.js';
import { profileHandlers } from './profile-handlers.js';
import { settingsHandlers } from './settings-handlers.js';
import { SettingsStore } from './settings-store.js';
import { SyncService } from './sync-service.js';
import { RefreshScheduler } from './refresh-scheduler.js';
import { nodeTimers, type Timers } from '../timers.js';
import { VoicemailHandlers } from './voicemail-handlers.js';

export interface HostCapabilities {
  host: AppInfo['host'];
  version: string;
  /** Opens a validated tel:/sip:/callto: link (Electron: shell.openExternal). */
  openExternal?: (uri: string) => Promise<void>;
  /** Asks where to save a file and writes it; resolves the path, or null when cancelled. */
  saveFile?: (suggestedName: string, bytes: Uint8Array) => Promise<string | null>;
}

export interface AppCoreOptions {
  dataDir: string;
  capabilities: HostCapabilities;
  secrets?: SecretStore;
  /** The administrator's policy file (default: the platform's machine-wide place). */
  policyPath?: string;
  log?: (msg: string, err: unknown) => void;
  /** The clock of all background work (virtual in tests and the fleet benchmark). */
  clock?: { now: () => number; timers: Timers; random: () => number };
}

export interface AppCore {
  dispatch: Dispatch;
  /** The same dispatcher, typed by the contract, for callers inside the process. */
  call: Call;
  events: EventHub;
  sync: SyncService;
  /** A host's hint that the directory may be old (woke, unlocked, network back, window shown). */
  nudge(reason: NudgeReason): Promise<boolean>;
  /** Loads the active profile's cached directory and starts the first sync. */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

export function createAppCore(opts: AppCoreOptions): AppCore {
  const events = new EventHub();
  let policy = Policy.none();
  const profiles = new ProfileStore(opts.dataDir, { apply: (p) => policy.apply(p) });
  const snapshots = new SnapshotStore(opts.dataDir);
  const settings = new SettingsStore(opts.dataDir);
  const secrets = opts.secrets ?? new Keychain();
  const demo = new DemoController();
  const keys = new AppKeys(secrets, () => demo.appKey());
  const pool = new ClientPool(profiles, keys, demo, opts.clock?.timers);
  const clientFor = (profile: Profile) => pool.clientFor(profile);

  const clock = opts.clock ?? { now: Date.now, timers: nodeTimers, random: Math.random };
  const sync = new SyncService({ snapshots, events, clientFor, ...clock });
  const refresh = new RefreshScheduler({
    events,
    syncNow: () => sync.syncNow(),
    state: () => sync.state,
    intervalMs: async () => (await settings.get()).refreshMinutes * 60_000,
    ...clock,
  });
  const agentStore = new AgentStore((id) => snapshots.profileDir(id));
  const voicemail = new VoicemailHandlers({
    timers: clock.timers,
    profileDir: (id) => snapshots.profileDir(id),
    sync,
    clientFor,
    events,
    settings,
    contacts: async (id) => (await agentStore.contacts(id))?.contacts ?? [],
    saveFile: opts.capabilities.saveFile,
  });
  const agent = agentHandlers({ sync, clientFor, events, store: agentStore });

  /** Deletes what is cached of other people's mailboxes in a profile (see mailbox-purge.ts). */
  async function purgeOthers(p: Profile): Promise<void> {
    const snapshot =
      sync.profile?.id === p.id
        ? sync.snapshot
        : ((await snapshots.load(p.id).catch(() => null))?.snapshot ?? null);
    const mine = p.myExtension
      ? (snapshot?.extensions.find((e) => e.number === p.myExtension)?.id ?? null)
      : null;
    await purgeOtherMailboxes(snapshots.profileDir(p.id), mine);
  }

  async function activeProfile(): Promise<Profile> {
    const profile = sync.profile ?? (await profiles.getActive());
    if (!profile) throw new AppError('PROFILE_NOT_FOUND');
    return profile;
  }

  const { activate, ...profileChannels } = profileHandlers({
    profiles,
    snapshots,
    keys,
    pool,
    policy: () => policy,
    sync,
    onActivated: () => {
      events.forget('voicemail:new');
      voicemail.restart();
    },
  });

  const handlers: Handlers = {
    ...connectionHandlers({
      profiles,
      keys,
      policy: () => policy,
      sync,
      reactivate: (profile) => sync.activate(profile),
      purgeOthers,
    }),
    ...profileChannels,
    ...directoryHandlers({
      sync,
      clientFor,
      activeProfile,
      contacts: async (id) => (await agentStore.contacts(id))?.contacts ?? [],
    }),
    ...settingsHandlers({ capabilities: opts.capabilities, settings, sync, voicemail }),
    ...agent,
    'connection:probe-certificate': guardedProbe(),
    'events:latest': () => events.latest(),
    'credentials:delete': async ({ profileId }) => {
      keys.session.delete(profileId);
      return { deleted: await secrets.delete(profileId) };
    },
    'sync:nudge': async ({ reason }) => ({ syncing: await refresh.nudge(reason) }),
  };

  const dispatch = createDispatcher(handlers, opts.log);
  return {
    dispatch,
    call: typedCall(dispatch),
    events,
    sync,
    nudge: (reason) => refresh.nudge(reason),
    async start() {
      policy = await Policy.load(opts.policyPath ?? defaultPolicyPath());
      if (policy.error) opts.log?.('the policy file cannot be used', policy.error);
      if (policy.isLocked('showOthersVoicemail') && policy.info?.values.showOthersVoicemail === false) {
        for (const p of await profiles.list()) if (!p.demo) await purgeOthers(p).catch(() => {});
      }
      const active = await profiles.getActive();
      if (active)
        await activate(active.id).catch((err: unknown) =>
          opts.log?.('could not open the active profile', err),
        );
    },
    async dispose() {
      pool.close();
      sync.dispose();
      refresh.dispose();
      voicemail.dispose();
      agent.dispose();
      await demo.close();
    },
  };
}
