// ConnectionForm against a real core and a demo PBX: what the form asks for, when the stored key
// stops applying, and Save's all-or-nothing outcome as the window sees it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { attachCore } from '../../../tests/support/core-bridge.js';
import { brokenKeychain, cleanupsAfterEach, makeHarness } from '../../../tests/support/core-harness.js';
import type { Harness } from '../../../tests/support/core-harness.js';
import { AppState } from './app.svelte.js';
import { ConnectionForm, addressOf } from './connection-form.svelte.js';

vi.mock('./bridge.js', () => import('../../../tests/support/core-bridge.js'));

const cleanups = cleanupsAfterEach();
afterEach(() => attachCore(null));

async function setUp(extra: Parameters<typeof makeHarness>[1] = {}): Promise<{ h: Harness; pbx: DemoPbx }> {
  const pbx = await startDemoPbx({ extensions: 5 });
  const h = await makeHarness(undefined, extra);
  cleanups.push(
    () => pbx.close(),
    () => h.close(),
  );
  attachCore(h.core);
  return { h, pbx };
}

function fill(form: ConnectionForm, pbx: DemoPbx): void {
  form.address = pbx.origin;
  form.tenant = pbx.tenant;
  form.appKey = pbx.appKey;
  form.allowHttp = true;
}

describe('addressOf', () => {
  it('reads a bare host and port as https, and refuses what is not an address', () => {
    expect(addressOf('10.0.0.5:3500/')).toBe('https://10.0.0.5:3500');
    expect(addressOf(' http://pbx.example.com ')).toBe('http://pbx.example.com');
    expect(addressOf('https://')).toBe('');
    expect(addressOf('ftp://pbx.example.com')).toBe('');
    expect(addressOf('pbx example')).toBe('');
  });
});

describe('ConnectionForm', () => {
  it('lists what it still needs, in order, and allows Test only when nothing is missing', () => {
    const form = new ConnectionForm(new AppState(), null);
    expect(form.missing).toEqual(['connect.needAddress', 'connect.needTenant', 'connect.needKey']);
    expect(form.canSubmit).toBe(false);
    form.address = 'pbx.example.com';
    form.tenant = '  ';
    expect(form.missing).toEqual(['connect.needTenant', 'connect.needKey']);
    form.tenant = 'acme';
    form.appKey = 'k';
    expect(form.missing).toEqual([]);
    expect(form.canSubmit).toBe(true);
  });

  it('Save twice makes one profile, and the stored key stops applying when the address changes', async () => {
    const { h, pbx } = await setUp();
    const app = new AppState();
    const form = new ConnectionForm(app, null);
    fill(form, pbx);
    await form.save();
    expect(form.outcome).toBeNull();
    expect(app.screen).toBe('directory');
    fill(form, pbx);
    await form.save();
    const listed = await h.ok('profiles:list');
    expect(listed.profiles.filter((p) => !p.demo)).toHaveLength(1);

    const saved = app.activeProfile;
    expect(saved?.baseUrl).toBe(pbx.origin);
    const edit = new ConnectionForm(app, saved);
    await vi.waitFor(() => expect(edit.keyStored).toBe(true));
    expect(edit.missing).toEqual([]);
    edit.address = pbx.origin.replace('127.0.0.1', 'localhost');
    expect(edit.rebinding).toBe(true);
    expect(edit.missing).toEqual(['connect.needKeyAgain']);
    edit.address = pbx.origin;
    edit.allowHttp = false;
    expect(edit.missing).toEqual(['connect.needKeyAgain']);
  });

  it('a locked keychain: nothing is saved, the session-only offer appears, and keeping it connects', async () => {
    const { h, pbx } = await setUp({ secrets: brokenKeychain('KEYCHAIN_LOCKED') });
    const app = new AppState();
    const form = new ConnectionForm(app, null);
    fill(form, pbx);
    await form.save();
    expect(form.outcome).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_LOCKED' } });
    expect(form.offerSession).toBe(true);
    expect((await h.ok('profiles:list')).profiles.filter((p) => !p.demo)).toHaveLength(0);

    await form.save('session');
    expect(form.outcome).toBeNull();
    expect(form.offerSession).toBe(false);
    expect(app.sessionKeys).toEqual([app.activeId]);
    expect((await h.ok('profiles:list')).profiles.filter((p) => !p.demo)).toHaveLength(1);
  });

  it('a wrong key is the outcome of Test, with its code, and nothing is saved', async () => {
    const { h, pbx } = await setUp();
    const form = new ConnectionForm(new AppState(), null);
    fill(form, pbx);
    form.appKey = 'not-the-key';
    expect(await form.test()).toBe(false);
    expect(form.busy).toBeNull();
    expect(form.outcome).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_KEY' } });
    expect((await h.ok('profiles:list')).profiles.filter((p) => !p.demo)).toHaveLength(0);
  });
});
