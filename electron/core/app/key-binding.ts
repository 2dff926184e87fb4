// Where a stored app key may go. A key is bound to the connection it was entered for: the PBX's
// origin (scheme, host, port), the tenant, the TLS trust (pinned fingerprint or CA) and the
// plain-HTTP consent. The binding is stamped on the profile when the key is stored; a profile whose
// connection no longer matches its stamp gets no key (KEY_REQUIRED), so nothing the window sends
// can point a stored key at another server, another certificate or an unencrypted link.
import { createHash } from 'node:crypto';
import { AppError } from '../app-error.js';
import type { Profile } from '../shared/domain.js';

export type Binding = Pick<Profile, 'baseUrl' | 'tenant' | 'tlsPin' | 'allowHttp'>;

/** A stable, secret-free stamp of a connection's binding. */
export function bindingOf(c: Binding): string {
  const origin = new URL(c.baseUrl).origin;
  const text = JSON.stringify([origin, c.tenant, c.tlsPin, c.allowHttp]);
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

export function sameBinding(a: Binding, b: Binding): boolean {
  return bindingOf(a) === bindingOf(b);
}

export function keyRequired(): AppError {
  return new AppError('KEY_REQUIRED');
}

/**
 * App keys kept for this session only, in memory, when the keychain cannot store them. Never
 * written anywhere; gone when the app quits, so the next start asks again. Each is bound like a
 * stored key: a changed connection drops it.
 */
export class SessionKeys {
  readonly #keys = new Map<string, { key: string; binding: string }>();

  set(profileId: string, key: string, binding: Binding): void {
    this.#keys.set(profileId, { key, binding: bindingOf(binding) });
  }

  /** The session key for this profile's current connection, if any. */
  get(profile: Profile): string | null {
    const entry = this.#keys.get(profile.id);
    return entry && entry.binding === bindingOf(profile) ? entry.key : null;
  }

  has(profile: Profile): boolean {
    return this.get(profile) !== null;
  }

  delete(profileId: string): void {
    this.#keys.delete(profileId);
  }

  ids(): string[] {
    return [...this.#keys.keys()];
  }
}
