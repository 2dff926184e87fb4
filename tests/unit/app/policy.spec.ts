// The administrator's policy file: locked values are what profiles get and what the core accepts,
// whatever the window sends; a policy that cannot be trusted fails closed.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPolicyPath } from '../../../electron/core/app/policy.js';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import {
  cleanupsAfterEach,
  type Harness,
  makeHarness,
  removeDir,
  tempDir,
} from '../../support/core-harness.js';

const cleanups = cleanupsAfterEach();

async function withPolicy(policy: unknown, mode = 0o644): Promise<{ h: Harness; p: DemoPbx }> {
  const p = await startDemoPbx({ extensions: 8, tenants: 1 });
  cleanups.push(() => p.close());
  const dir = await tempDir();
  cleanups.push(() => removeDir(dir));
  const policyPath = join(dir, 'policy.json');
  const text = typeof policy === 'string' ? policy : JSON.stringify(policy).replaceAll('{PBX}', p.origin);
  await writeFile(policyPath, text);
  await chmod(policyPath, mode);
  const h = await makeHarness(undefined, { policyPath });
  cleanups.push(() => h.close().then(() => removeDir(h.dataDir)));
  await h.core.start();
  return { h, p };
}

const form = (p: DemoPbx) => ({
  label: 'Desk',
  baseUrl: p.origin,
  tenant: p.tenant,
  tlsPin: null,
  myExtension: '101',
  allowHttp: true,
  showOthersVoicemail: false,
  dialScheme: 'tel' as const,
  appKey: p.appKey,
});

describe('administrator policy', () => {
  it('refuses locked values the window tries to change, and shows them as set', async () => {
    const policy = {
      version: 1,
      baseUrl: '{PBX}',
      tenant: '1',
      myExtension: '101',
      showOthersVoicemail: false,
      locked: ['baseUrl', 'tenant', 'myExtension', 'showOthersVoicemail'],
    };
    const { h, p } = await withPolicy(policy);
    const list = await h.ok('profiles:list');
    expect(list.policy?.locked).toEqual(policy.locked);
    expect(list.policy?.values.myExtension).toBe('101');
    expect(list.policyError).toBeNull();

    const saved = await h.ok('profiles:save', form(p));
    cleanups.push(() => h.call('credentials:delete', { profileId: saved.id }));
    for (const change of [
      { myExtension: '102' },
      { showOthersVoicemail: true },
      { tenant: '2' },
      { baseUrl: 'https://elsewhere.example.com' },
    ]) {
      const r = await h.call('profiles:save', { ...form(p), id: saved.id, ...change });
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { code: 'POLICY_LOCKED' } });
    }
    const test = await h.call('connection:test', {
      baseUrl: 'https://elsewhere.example.com',
      tenant: '1',
      tlsPin: null,
      allowHttp: false,
      appKey: 'k',
    });
    expect(test).toMatchObject({ ok: false, error: { code: 'POLICY_LOCKED' } });
    // Another mailbox stays closed even though the window asks for it.
    await h.ok('profiles:activate', { id: saved.id });
    await h.ok('sync:now');
    const dir = (await h.ok('directory:get'))!;
    const other = dir.extensions.find((e) => e.number !== '101')!;
    const vm = await h.call('voicemail:list', { extensionId: other.id });
    expect(vm).toMatchObject({ ok: false, error: { code: 'VOICEMAIL_DISABLED' } });
  });

  it('overrides what a saved profile says with the locked values', async () => {
    const { h, p } = await withPolicy({ version: 1, myExtension: '107', locked: ['myExtension'] });
    const saved = await h.ok('profiles:save', { ...form(p), myExtension: '107' });
    cleanups.push(() => h.call('credentials:delete', { profileId: saved.id }));
    expect(saved.myExtension).toBe('107');
    const { readFile, writeFile: write } = await import('node:fs/promises');
    const file = `${h.dataDir}/profiles.json`;
    await write(file, (await readFile(file, 'utf8')).replace('"107"', '"999"'));
    expect((await h.ok('profiles:list')).profiles[0]?.myExtension).toBe('107');
  });

  it('fails closed on a file that is malformed or that users other than the administrator can change', async () => {
    for (const [policy, mode] of [
      ['{ not json', 0o644],
      [{ version: 1, locked: ['tenant'] }, 0o644],
      [{ version: 1, tenant: '1', locked: ['tenant'] }, 0o666],
    ] as const) {
      const { h, p } = await withPolicy(policy, mode);
      expect((await h.ok('profiles:list')).policyError?.code).toBe('POLICY_INVALID');
      const r = await h.call('profiles:save', form(p));
      expect(r).toMatchObject({ ok: false, error: { code: 'POLICY_INVALID' } });
    }
  });

  it('lives in the documented machine-wide place on each platform', () => {
    expect(defaultPolicyPath('linux')).toBe('/etc/vitalpbx-directory/policy.json');
    expect(defaultPolicyPath('darwin')).toBe('/Library/Application Support/VitalPBX Directory/policy.json');
    expect(defaultPolicyPath('win32', { ProgramData: 'D:\\PD' })).toMatch(
      /^D:\\PD.VitalPBX Directory.policy\.json$/,
    );
  });
});
