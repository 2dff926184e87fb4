// The app key of a profile, from wherever it is kept: the OS keychain (the normal home), memory for
// this session only (when the keychain cannot store it), or the demo PBX (not a secret). Every
// read checks the key's binding, so a key is only ever used for the connection it was entered for.
import { AppError, toAppError } from '../app-error.js';
import type { SecretStore } from '../credentials/keychain.js';
import type { KeyStorage } from '../shared/contract.js';
import type { Profile } from '../shared/domain.js';
import { type Binding, bindingOf, keyRequired, SessionKeys } from './key-binding.js';

/** The binding stamp of a profile whose key is kept in memory only. */
const SESSION_ONLY = 'session-only';

export class AppKeys {
  readonly session = new SessionKeys();

  constructor(
    private readonly secrets: SecretStore,
    private readonly demoKey: () => Promise<string>,
  ) {}

  /** The key for this profile's connection; KEY_REQUIRED when the connection changed since the
   *  key was stored, NO_APP_KEY when there is none, KEYCHAIN_* when the keychain fails. */
  async forProfile(profile: Profile): Promise<string> {
    if (profile.demo) return this.demoKey();
    const inMemory = this.session.get(profile);
    if (inMemory) return inMemory;
    if (profile.keyBinding === SESSION_ONLY) {
      throw new AppError(
        'NO_APP_KEY',
        'The app key was kept for the last session only, because the keychain could not store it. Enter it again.',
        { detail: { reason: 'session-ended' } },
      );
    }
    if (profile.keyBinding && profile.keyBinding !== bindingOf(profile)) throw keyRequired();
    const key = await this.secrets.get(profile.id);
    if (!key) throw new AppError('NO_APP_KEY');
    return key;
  }

  /** Stores a key for `binding`: in the keychain (its failures are thrown, nothing is kept) or
   *  in memory for this session. Returns the binding stamp the profile must carry. */
  async store(profileId: string, key: string, binding: Binding, storage: KeyStorage): Promise<string | null> {
    if (storage === 'session') {
      this.session.set(profileId, key, binding);
      // Whatever the keychain holds for this profile is not this key: the stamp matches no
      // connection, so the next start asks for the key again instead of using an older one.
      return SESSION_ONLY;
    }
    await this.secrets.set(profileId, key);
    this.session.delete(profileId);
    return bindingOf(binding);
  }

  /** Undoes `store` for a profile that could not be saved (best effort: the profile is gone). */
  async discard(profileId: string): Promise<void> {
    this.session.delete(profileId);
    await this.secrets.delete(profileId).catch(() => false);
  }

  async remove(profileId: string): Promise<void> {
    this.session.delete(profileId);
    await this.secrets.delete(profileId);
  }

  async status(
    profile: Profile,
  ): Promise<{ stored: boolean; session: boolean; keychain: 'ok' | 'unavailable' | 'locked' }> {
    const session = this.session.has(profile);
    try {
      const stored =
        (await this.secrets.has(profile.id)) &&
        (!profile.keyBinding || profile.keyBinding === bindingOf(profile));
      return { stored, session, keychain: 'ok' };
    } catch (err) {
      const code = toAppError(err).code;
      // A keychain that does not answer is usually waiting behind its unlock prompt.
      const keychain = code === 'KEYCHAIN_LOCKED' || code === 'KEYCHAIN_TIMEOUT' ? 'locked' : 'unavailable';
      return { stored: false, session, keychain };
    }
  }
}
