// The Keychain against the real Secret Service (gnome-keyring on the private, unlocked session
// bus that scripts/with-keyring.sh provides).
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { Keychain, KEYCHAIN_SERVICE } from '../../../electron/core/credentials/keychain.js';

const hasBus = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) || process.platform !== 'linux';
if (!hasBus) console.log('keychain-real: skipped, no session bus; run under `bash scripts/with-keyring.sh`');

// A service of its own per run, so nothing here can meet a real key.
const service = `${KEYCHAIN_SERVICE}-test-${process.pid}`;
const kc = new Keychain({ service });

describe.skipIf(!hasBus)('Keychain with the real Secret Service', () => {
  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service))
      await keytar.deletePassword(service, account);
  });

  it('passes the probe and leaves no probe item behind', async () => {
    await kc.probe();
    expect(await keytar.findCredentials(service)).toEqual([]);
  });

  it('sets, gets, replaces and deletes a key', async () => {
    expect(await kc.has('office')).toBe(false);
    expect(await kc.get('office')).toBeNull();
    await kc.set('office', 'key-one');
    expect(await kc.get('office')).toBe('key-one');
    expect(await kc.has('office')).toBe(true);
    await kc.set('office', 'key-two');
    expect(await kc.get('office')).toBe('key-two');
    expect(await keytar.findCredentials(service)).toEqual([{ account: 'office', password: 'key-two' }]);
    expect(await kc.delete('office')).toBe(true);
    expect(await kc.delete('office')).toBe(false);
    expect(await kc.get('office')).toBeNull();
  });

  it('keeps unicode and long secrets intact', async () => {
    const secrets = ['ключ-🔑-clé-鍵', 'a'.repeat(4096), ' spaces and "quotes" \\ '];
    for (const secret of secrets) {
      await kc.set('unicode', secret);
      expect(await new Keychain({ service }).get('unicode')).toBe(secret);
    }
    await kc.delete('unicode');
  });

  it('keeps two profiles apart', async () => {
    await kc.set('office', 'office-key');
    await kc.set('lab', 'lab-key');
    expect(await kc.get('office')).toBe('office-key');
    expect(await kc.get('lab')).toBe('lab-key');
    await kc.delete('office');
    expect(await kc.get('office')).toBeNull();
    expect(await kc.get('lab')).toBe('lab-key');
    await kc.delete('lab');
  });

  it('uses service vitalpbx-directory and the profile id as account by default', async () => {
    const real = new Keychain();
    await real.set('kc-real-test', 'default-service-key');
    try {
      expect(await keytar.getPassword('vitalpbx-directory', 'kc-real-test')).toBe('default-service-key');
    } finally {
      expect(await real.delete('kc-real-test')).toBe(true);
    }
  });
});
