// The PBX app key's only home: the OS keychain (Secret Service, macOS Keychain, Windows Credential
// Manager) through keytar, service "vitalpbx-directory", account = profile id.
// keytar fails in ways the app must not pass on silently (measured, see TOOLCHAIN.md):
// - it can HANG on a GUI unlock prompt, so every call has a timeout (KEYCHAIN_TIMEOUT);
// - a locked or missing keyring makes getPassword resolve null and deletePassword false with no
//   error, so a null/false is only believed after a write/read/delete probe has shown the store
//   works (KEYCHAIN_LOCKED otherwise), cached briefly so a list of profiles costs one probe;
// - the native module may be missing from a broken install: it is loaded lazily, on first use,
//   so that becomes KEYCHAIN_UNAVAILABLE instead of a crash at startup.
// Secrets never appear in an error, a message or a log line.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { AppError } from '../app-error.js';

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface SecretStore {
  /** Writes, reads back and deletes a probe item; throws KEYCHAIN_UNAVAILABLE | _LOCKED | _TIMEOUT. */
  probe(): Promise<void>;
  get(account: string): Promise<string | null>;
  has(account: string): Promise<boolean>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export interface KeychainOptions {
  service?: string;
  /** Per keychain call. Default 5000 ms. */
  timeoutMs?: number;
  /** keytar itself, a stand-in, or a loader (a throwing loader stands for a missing module). */
  keytar?: KeytarLike | (() => KeytarLike);
  /** How long a successful probe vouches for the store. Default 30 s. */
  probeTtlMs?: number;
}

export const KEYCHAIN_SERVICE = 'vitalpbx-directory';
/** Not a valid profile id (those are [a-z0-9-]), so it can never clash with a real key. */
const PROBE_ACCOUNT = '__probe__';

class KeychainTimeout extends Error {
  constructor(readonly op: string) {
    super(`keychain ${op} timed out`);
  }
}

export class Keychain implements SecretStore {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly probeTtlMs: number;
  private readonly source: KeytarLike | (() => KeytarLike);
  private module: KeytarLike | null = null;
  private provenAt = -Infinity;
  private probing: Promise<void> | null = null;

  constructor(opts: KeychainOptions = {}) {
    this.service = opts.service ?? KEYCHAIN_SERVICE;
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.probeTtlMs = opts.probeTtlMs ?? 30_000;
    this.source = opts.keytar ?? (() => createRequire(import.meta.url)('keytar') as KeytarLike);
  }

  probe(): Promise<void> {
    // Concurrent callers share one probe: parallel probes would race on the same probe item.
    this.probing ??= this.runProbe().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  async get(account: string): Promise<string | null> {
    checkAccount(account);
    const value = await this.call('read', (k) => k.getPassword(this.service, account));
    if (value !== null) return value;
    if (this.proven()) return null;
    await this.probe();
    // The keyring may have been unlocked between the read and the probe: read once more.
    return this.call('read', (k) => k.getPassword(this.service, account));
  }

  async has(account: string): Promise<boolean> {
    return (await this.get(account)) !== null;
  }

  async set(account: string, secret: string): Promise<void> {
    checkAccount(account);
    if (typeof secret !== 'string' || secret.length === 0) {
      throw new AppError('INVALID_REQUEST', 'The app key is empty.');
    }
    await this.call('write', (k) => k.setPassword(this.service, account, secret));
    this.provenAt = Date.now(); // a write only succeeds on an unlocked, working store
  }

  async delete(account: string): Promise<boolean> {
    checkAccount(account);
    const removed = await this.call('delete', (k) => k.deletePassword(this.service, account));
    if (removed || this.proven()) return removed;
    await this.probe();
    return this.call('delete', (k) => k.deletePassword(this.service, account));
  }

  private async runProbe(): Promise<void> {
    const token = randomBytes(12).toString('base64url');
    await this.call('probe', (k) => k.setPassword(this.service, PROBE_ACCOUNT, token));
    const back = await this.call('probe', (k) => k.getPassword(this.service, PROBE_ACCOUNT));
    await this.call('probe', (k) => k.deletePassword(this.service, PROBE_ACCOUNT));
    if (back !== token) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', undefined, { detail: { reason: 'probe-mismatch' } });
    }
    this.provenAt = Date.now();
  }

  private proven(): boolean {
    return Date.now() - this.provenAt < this.probeTtlMs;
  }

  private keytar(): KeytarLike {
    if (this.module) return this.module;
    try {
      this.module = typeof this.source === 'function' ? this.source() : this.source;
    } catch (err) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', undefined, {
        cause: err,
        detail: { reason: 'module-missing' },
      });
    }
    return this.module;
  }

  private async call<T>(op: string, fn: (k: KeytarLike) => Promise<T>): Promise<T> {
    const k = this.keytar();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new KeychainTimeout(op)), this.timeoutMs);
    });
    try {
      return await Promise.race([fn(k), timeout]);
    } catch (err) {
      this.provenAt = -Infinity; // whatever failed, the store must prove itself again
      throw classifyKeychainError(err);
    } finally {
      clearTimeout(timer);
    }
  }
}

const PATTERNS: { re: RegExp; code: 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_LOCKED'; reason: string }[] = [
  {
    re: /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|connect to (the )?(session )?bus/i,
    code: 'KEYCHAIN_UNAVAILABLE',
    reason: 'no-session-bus',
  },
  {
    re: /org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service/i,
    code: 'KEYCHAIN_UNAVAILABLE',
    reason: 'no-secret-service',
  },
  {
    re: /locked collection|collection is locked|keychain is locked/i,
    code: 'KEYCHAIN_LOCKED',
    reason: 'locked',
  },
  // gnome-keyring without a login keyring (never created, or the session did not open it).
  {
    re: /Object does not exist at path|No such secret collection/i,
    code: 'KEYCHAIN_LOCKED',
    reason: 'no-default-keyring',
  },
  // macOS: a locked keychain with no UI allowed, or the user dismissed the unlock prompt.
  {
    re: /interaction is not allowed|user canceled|passphrase you entered is not correct/i,
    code: 'KEYCHAIN_LOCKED',
    reason: 'locked',
  },
];

/** Turns whatever keytar threw into one of the KEYCHAIN_* AppErrors (AppErrors pass through). */
export function classifyKeychainError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof KeychainTimeout) {
    return new AppError('KEYCHAIN_TIMEOUT', undefined, { detail: { reason: 'timeout', op: err.op } });
  }
  const message = err instanceof Error ? err.message : String(err);
  for (const p of PATTERNS) {
    if (p.re.test(message))
      return new AppError(p.code, undefined, { cause: err, detail: { reason: p.reason } });
  }
  return new AppError('KEYCHAIN_UNAVAILABLE', undefined, { cause: err, detail: { reason: 'unknown' } });
}

function checkAccount(account: string): void {
  if (typeof account !== 'string' || account.length === 0 || account === PROBE_ACCOUNT) {
    throw new AppError('INVALID_REQUEST', 'Invalid keychain account.');
  }
}
