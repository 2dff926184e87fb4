// Keychain logic against stand-in keytars: timeouts, the probe that stops a silent null from being
// believed, error classification, input checks. The real Secret Service is in the other specs.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/app-error.js';
import {
  classifyKeychainError,
  Keychain,
  type KeytarLike,
} from '../../../electron/core/credentials/keychain.js';

class FakeKeytar implements KeytarLike {
  items = new Map<string, string>();
  calls: string[] = [];
  locked = false;
  async getPassword(service: string, account: string): Promise<string | null> {
    this.calls.push(`get ${account}`);
    return this.locked ? null : (this.items.get(`${service}/${account}`) ?? null);
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.calls.push(`set ${account}`);
    if (this.locked) throw new Error('Cannot create an item in a locked collection');
    this.items.set(`${service}/${account}`, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    this.calls.push(`delete ${account}`);
    return this.locked ? false : this.items.delete(`${service}/${account}`);
  }
}

const never: KeytarLike = {
  getPassword: () => new Promise(() => undefined),
  setPassword: () => new Promise(() => undefined),
  deletePassword: () => new Promise(() => undefined),
};

describe('Keychain with a stand-in keytar', () => {
  it('stores under service vitalpbx-directory, account = profile id', async () => {
    const fake = new FakeKeytar();
    const kc = new Keychain({ keytar: fake });
    await kc.set('office', 'k-1');
    expect([...fake.items.entries()]).toEqual([['vitalpbx-directory/office', 'k-1']]);
    expect(await kc.get('office')).toBe('k-1');
  });

  it('believes a null only after a probe, and caches the probe briefly', async () => {
    const fake = new FakeKeytar();
    const kc = new Keychain({ keytar: fake });
    expect(await kc.get('office')).toBeNull();
    expect(fake.calls).toEqual([
      'get office',
      'set __probe__',
      'get __probe__',
      'delete __probe__',
      'get office',
    ]);
    fake.calls = [];
    expect(await kc.has('lab')).toBe(false);
    expect(fake.calls).toEqual(['get lab']);
    expect(fake.items.size).toBe(0); // the probe item is gone
  });

  it('reports a locked store instead of "no key" when keytar answers null silently', async () => {
    const fake = new FakeKeytar();
    fake.items.set('vitalpbx-directory/office', 'k-1');
    fake.locked = true;
    const kc = new Keychain({ keytar: fake });
    await expect(kc.get('office')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    await expect(kc.has('office')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    await expect(kc.delete('office')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    fake.locked = false;
    expect(await kc.get('office')).toBe('k-1');
  });

  it('probes again after a failure even within the cache time', async () => {
    const fake = new FakeKeytar();
    const kc = new Keychain({ keytar: fake });
    await kc.probe();
    fake.locked = true;
    await expect(kc.set('office', 'x')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    // The failed write voided the earlier probe: a null is not believed now.
    await expect(kc.get('office')).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
  });

  it('shares one probe between concurrent callers', async () => {
    const fake = new FakeKeytar();
    const kc = new Keychain({ keytar: fake });
    await Promise.all([kc.probe(), kc.probe(), kc.get('a'), kc.get('b')]);
    expect(fake.calls.filter((c) => c === 'set __probe__')).toHaveLength(1);
  });

  it('times out every call of a keytar that never answers', async () => {
    const kc = new Keychain({ keytar: never, timeoutMs: 30 });
    for (const op of [() => kc.probe(), () => kc.get('a'), () => kc.set('a', 's'), () => kc.delete('a')]) {
      await expect(op()).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT', detail: { reason: 'timeout' } });
    }
  });

  it('turns a missing native module into KEYCHAIN_UNAVAILABLE at first use, not at construction', async () => {
    const kc = new Keychain({
      keytar: () => {
        throw new Error("Cannot find module '../build/Release/keytar.node'");
      },
    });
    await expect(kc.get('a')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      detail: { reason: 'module-missing' },
    });
  });

  it('fails the probe when the store does not give back what was written', async () => {
    const fake = new FakeKeytar();
    fake.getPassword = async () => 'something else';
    await expect(new Keychain({ keytar: fake }).probe()).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      detail: { reason: 'probe-mismatch' },
    });
  });

  it('rejects empty secrets and invalid accounts', async () => {
    const kc = new Keychain({ keytar: new FakeKeytar() });
    await expect(kc.set('a', '')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(kc.set('', 'k')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(kc.get('__probe__')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('keeps the secret out of errors', async () => {
    const fake = new FakeKeytar();
    fake.locked = true;
    const err = await new Keychain({ keytar: fake }).set('a', 'TOP-SECRET-123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(JSON.stringify((err as AppError).toData())).not.toContain('TOP-SECRET');
    expect((err as AppError).message).not.toContain('TOP-SECRET');
  });
});

describe('classifyKeychainError', () => {
  const cases: [string, string, string][] = [
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'KEYCHAIN_UNAVAILABLE', 'no-session-bus'],
    [
      'The name org.freedesktop.secrets was not provided by any .service files',
      'KEYCHAIN_UNAVAILABLE',
      'no-secret-service',
    ],
    ['Cannot create an item in a locked collection', 'KEYCHAIN_LOCKED', 'locked'],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      'KEYCHAIN_LOCKED',
      'no-default-keyring',
    ],
    ['User interaction is not allowed.', 'KEYCHAIN_LOCKED', 'locked'],
    ['Something nobody has seen before', 'KEYCHAIN_UNAVAILABLE', 'unknown'],
  ];
  it.each(cases)('%s → %s', (message, code, reason) => {
    const err = classifyKeychainError(new Error(message));
    expect(err).toMatchObject({ code, detail: { reason } });
    expect(err.message).not.toBe(message); // the user sees our sentence, not D-Bus jargon
  });

  it('passes AppErrors through and copes with non-Error values', () => {
    const original = new AppError('KEYCHAIN_LOCKED');
    expect(classifyKeychainError(original)).toBe(original);
    expect(classifyKeychainError('Cannot autolaunch D-Bus without X11 $DISPLAY').code).toBe(
      'KEYCHAIN_UNAVAILABLE',
    );
  });
});
