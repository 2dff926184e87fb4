// The core behind every host: it owns the stores, the keychain, the PBX clients and the sync
// service, and answers each contract channel. Electron's main process and the browser host
// both wrap `createAppCore(...).dispatch`; capabilities only a desktop has (opening a tel:
// link, a save dialog) are injected, so the behaviour itself is the same and tested in Node.
import { rm } from 'node:fs/promises';
import { type Dispatch, createDispatcher, type Handlers } from '../ipc/dispatcher.js';
import { EventHub } from '../ipc/events.js';
import { AppError, toAppError } from '../errors.js';
import { Keychain, type SecretStore } from '../credentials/keychain.js';
import { PbxClient, type PbxClientOptions } from '../pbx/client.js';
import { guardedProbe } from '../pbx/probe-guard.js';
import { ProfileStore } from '../store/profiles.js';
import { SnapshotStore } from '../store/snapshot-store.js';
import { exportDirectory } from '../export/index.js';
import type { AppInfo, ExtensionDetail } from '../shared/contract.js';
import type { Extension, Profile } from '../shared/domain.js';
import { purgeOtherMailboxes } from '../voicemail/mailbox-purge.js';
import { AppKeys } from './app-keys.js';
import { connectionHandlers } from './connection-handlers.js';
import { agentHandlers } from './agent-handlers.js';
import { AgentStore } from './agent-store.js';
import { DemoController, DEMO_PROFILE_ID } from './demo.js';
import { defaultPolicyPath, Policy } from './policy.js';
import { buildDialUri } from './dial.js';
import { SettingsStore } from './settings-store.js';
import { SyncService } from './sync-service.js';
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
  clientOptions?: PbxClientOptions;
  /** The administrator's policy file (default: the platform's machine-wide place). */
  policyPath?: string;
  log?: (msg: string, err: unknown) => void;
}

export interface AppCore {
  dispatch: Dispatch;
  events: EventHub;
  sync: SyncService;
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

  // One client per connection, so detail refreshes and voicemail polls reuse its keep-alive
  // sockets; a changed address, tenant, pin or key gets a new one and the old one is closed.
  let client: { key: string; client: PbxClient } | null = null;

  async function clientFor(profile: Profile): Promise<PbxClient> {
    if (profile.demo) await refreshDemoProfile();
    const current = (await profiles.get(profile.id)) ?? profile;
    const conn = {
      baseUrl: current.baseUrl,
      tenant: current.tenant,
      appKey: await keys.forProfile(current),
      tlsPin: current.tlsPin,
      allowHttp: current.allowHttp,
    };
    const key = JSON.stringify(conn);
    if (client?.key !== key) {
      client?.client.close();
      client = { key, client: new PbxClient(conn, opts.clientOptions) };
    }
    return client.client;
  }

  /** The demo PBX listens on a new port each launch: point the demo profile at it. */
  async function refreshDemoProfile(): Promise<Profile> {
    const input = await demo.profileInput();
    const existing = await profiles.get(DEMO_PROFILE_ID);
    // Called before every PBX request of the demo profile: write only when the port changed.
    if (existing && existing.baseUrl === input.baseUrl && existing.tenant === input.tenant) return existing;
    return profiles.upsert({ ...input, myExtension: existing?.myExtension ?? input.myExtension });
  }

  const sync = new SyncService({ snapshots, events, clientFor });
  const agentStore = new AgentStore((id) => snapshots.profileDir(id));
  const voicemail = new VoicemailHandlers({
    dataDir: opts.dataDir,
    sync,
    clientFor,
    events,
    settings,
    contacts: async (id) => (await agentStore.contacts(id))?.contacts ?? [],
    saveFile: opts.capabilities.saveFile,
  });

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

  const agent = agentHandlers({
    sync,
    clientFor,
    events,
    store: agentStore,
  });

  async function activeProfile(): Promise<Profile> {
    const profile = sync.profile ?? (await profiles.getActive());
    if (!profile) throw new AppError('PROFILE_NOT_FOUND');
    return profile;
  }

  async function activate(id: string) {
    const profile = id === DEMO_PROFILE_ID ? await refreshDemoProfile() : await profiles.get(id);
    if (!profile) throw new AppError('PROFILE_NOT_FOUND');
    await profiles.setActive(profile.id);
    const state = await sync.activate(profile);
    voicemail.restart();
    return state;
  }

  function cachedExtension(id: string): Extension {
    const ext = sync.snapshot?.extensions.find((e) => e.id === id);
    if (!ext) throw new AppError('NOT_FOUND');
    return ext;
  }

  const handlers: Handlers = {
    ...connectionHandlers({
      profiles,
      keys,
      policy: () => policy,
      sync,
      clientOptions: opts.clientOptions,
      reactivate: (profile) => sync.activate(profile),
      purgeOthers,
    }),
    ...agent,
    'app:info': () => ({
      name: 'VitalPBX Directory',
      version: opts.capabilities.version,
      host: opts.capabilities.host,
      platform: process.platform,
    }),
    'profiles:list': async () => {
      const list = await profiles.list();
      return {
        profiles: list,
        activeId: sync.profile?.id ?? (await profiles.getActive())?.id ?? null,
        notice: profiles.lastRecovery?.notice ?? null,
        sessionKeys: keys.session.ids(),
        policy: policy.info,
        policyError: policy.error?.toData() ?? null,
      };
    },
    'profiles:remove': async ({ id }) => {
      const removed = await profiles.remove(id);
      let keyLeft = null;
      if (removed) {
        // Leave it first, so no sync or voicemail poll writes into its folder while it goes.
        if (sync.profile?.id === id) {
          const next = await profiles.getActive();
          if (next) await activate(next.id);
          else await sync.activate(null);
        }
        // Everything cached for it: snapshot, voicemail lists and audio (profileDir checks the id).
        await rm(snapshots.profileDir(id), { recursive: true, force: true }).catch(() => {});
        if (id !== DEMO_PROFILE_ID) {
          // The profile goes either way; a key the keychain would not delete is reported, not lost.
          keyLeft = await keys.remove(id).then(
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
      return (await profiles.get(DEMO_PROFILE_ID)) as Profile;
    },
    'connection:probe-certificate': guardedProbe(),
    'credentials:delete': async ({ profileId }) => {
      keys.session.delete(profileId);
      return { deleted: await secrets.delete(profileId) };
    },
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
    'voicemail:list': (req) => voicemail.list(req?.extensionId),
    'voicemail:audio': (req) => voicemail.audio(req.extensionId, req.key),
    'voicemail:mark-listened': (req) => voicemail.markListened(req.extensionId, req.key),
    'voicemail:delete': (req) => voicemail.remove(req.extensionId, req.key),
    'voicemail:save-as': (req) => voicemail.saveAs(req.extensionId, req.key),
    'settings:get': () => settings.get(),
    'settings:set': async (patch) => {
      const next = await settings.update(patch);
      voicemail.restart();
      return next;
    },
    'dial:open': async ({ number }) => {
      const { dialScheme } = await settings.get();
      const host = sync.profile ? new URL(sync.profile.baseUrl).hostname : null;
      const uri = buildDialUri(number, dialScheme, host);
      await opts.capabilities.openExternal?.(uri);
      return { uri };
    },
  };

  return {
    dispatch: createDispatcher(handlers, opts.log),
    events,
    sync,
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
      client?.client.close();
      sync.dispose();
      voicemail.dispose();
      agent.dispose();
      await demo.close();
    },
  };
}
