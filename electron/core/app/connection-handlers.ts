// Profiles, connection tests and credentials: every path by which the window can name a PBX or an
// app key. The rules that keep the key where it belongs live here:
// - saving is all or nothing: the key is stored first and the profile written only if that
//   worked (undone otherwise), so a failing keychain never leaves half a profile behind;
// - a saved key follows only the connection it was entered for (key-binding.ts): changing the
//   address, tenant, certificate or plain-HTTP consent needs the key again;
// - a test with the stored key uses the saved connection, never the one in the request;
// - the administrator's policy (policy.ts) is enforced on every request.
import { AppError, toAppError } from '../app-error.js';
import type { Handlers } from '../dispatch/dispatcher.js';
import { PbxClient, normalizeBaseUrl } from '../pbx/client.js';
import type { Profile } from '../shared/domain.js';
import type { ProfileStore } from '../store/profiles.js';
import type { AppKeys } from './app-keys.js';
import { DEMO_PROFILE_ID } from './demo.js';
import { type Binding, bindingOf, keyRequired, sameBinding } from './key-binding.js';
import type { Policy } from './policy.js';
import type { SyncService } from './sync-service.js';

export interface ConnectionDeps {
  profiles: ProfileStore;
  keys: AppKeys;
  policy: () => Policy;
  sync: SyncService;
  /** After a save of the profile in use: reconnect with what was saved. */
  reactivate: (profile: Profile) => Promise<unknown>;
  /** Deletes cached lists and audio of mailboxes other than the agent's own. */
  purgeOthers: (profile: Profile) => Promise<unknown>;
}

type Channels =
  'profiles:save' | 'connection:test' | 'connection:cancel' | 'credentials:set' | 'credentials:status';

export function connectionHandlers(d: ConnectionDeps): Pick<Handlers, Channels> {
  let running: AbortController | null = null;

  return {
    'profiles:save': async ({ appKey, keyStorage, ...input }) => {
      if (input.id === DEMO_PROFILE_ID)
        throw new AppError('INVALID_REQUEST', 'The demo profile cannot be edited.');
      d.policy().check(input);
      const existing = input.id ? await d.profiles.get(input.id) : null;
      const next = d.policy().apply({
        ...input,
        id: existing?.id ?? input.id ?? (await d.profiles.nextId(input.label)),
        baseUrl: normalizeBaseUrl(input.baseUrl),
        demo: false,
        keyBinding: existing?.keyBinding ?? null,
      });
      const rebound = existing !== null && !sameBinding(d.policy().apply(existing), next);
      if (!appKey && (existing === null || rebound))
        throw existing ? keyRequired() : new AppError('NO_APP_KEY');
      if (appKey) next.keyBinding = await d.keys.store(next.id, appKey, next, keyStorage ?? 'keychain');
      let saved: Profile;
      try {
        saved = d.policy().apply(await d.profiles.upsert(next));
      } catch (err) {
        // All or nothing: a new profile that could not be written keeps no key either.
        if (appKey && !existing) await d.keys.discard(next.id);
        throw err;
      }
      // Privacy back on (or a new "my extension"): what was cached of other mailboxes goes.
      if (
        existing &&
        !saved.showOthersVoicemail &&
        (existing.showOthersVoicemail || existing.myExtension !== saved.myExtension)
      )
        await d.purgeOthers(saved);
      if (d.sync.profile?.id === saved.id) await d.reactivate(saved);
      return saved;
    },

    'connection:test': async (req) => {
      running?.abort();
      const abort = new AbortController();
      running = abort;
      let conn: Binding & { appKey: string };
      if (req.appKey) {
        d.policy().check({ baseUrl: req.baseUrl, tenant: req.tenant });
        conn = {
          baseUrl: normalizeBaseUrl(req.baseUrl),
          tenant: req.tenant,
          tlsPin: req.tlsPin,
          allowHttp: req.allowHttp,
          appKey: req.appKey,
        };
      } else {
        d.policy().check({});
        // The stored key goes only where it was entered for: the saved profile's connection.
        const stored = req.profileId ? await d.profiles.get(req.profileId) : null;
        if (!stored) throw new AppError('NO_APP_KEY');
        const profile = d.policy().apply(stored);
        const asked = {
          baseUrl: safeNormalize(req.baseUrl),
          tenant: req.tenant,
          tlsPin: req.tlsPin,
          allowHttp: req.allowHttp,
        };
        if (asked.baseUrl === null || bindingOf(asked as Binding) !== bindingOf(profile)) throw keyRequired();
        conn = { ...profile, appKey: await d.keys.forProfile(profile) };
      }
      const client = new PbxClient(conn);
      try {
        const { extensions } = await client.checkConnection(abort.signal);
        return { extensions, tenant: conn.tenant };
      } finally {
        // A test client is used once: its keep-alive sockets must not outlive it.
        client.close();
        if (running === abort) running = null;
      }
    },

    'connection:cancel': () => {
      if (!running) return { cancelled: false };
      running.abort();
      return { cancelled: true };
    },

    'credentials:set': async ({ profileId, appKey }) => {
      const profile = await d.profiles.get(profileId);
      if (!profile || profile.demo) throw new AppError('PROFILE_NOT_FOUND');
      const effective = d.policy().apply(profile);
      const keyBinding = await d.keys.store(profileId, appKey, effective, 'keychain');
      await d.profiles.upsert({ ...profile, keyBinding });
      return { stored: true as const };
    },

    'credentials:status': async ({ profileId }) => {
      const profile = await d.profiles.get(profileId);
      if (!profile) return { stored: false, session: false, keychain: 'ok' as const };
      return d.keys.status(d.policy().apply(profile)).catch((err: unknown) => {
        throw toAppError(err);
      });
    },
  };
}

function safeNormalize(url: string): string | null {
  try {
    return normalizeBaseUrl(url);
  } catch {
    return null;
  }
}
