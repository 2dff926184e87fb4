// CallsState against a real core and a demo PBX: the call mode decides what Call does, a PBX call
// goes out once (a second press while it rings does nothing), and a refusal keeps the PBX's words.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDemoPbx, type DemoPbx } from '../../../electron/core/demo-pbx/server.js';
import { attachCore } from '../../../tests/support/core-bridge.js';
import {
  cleanupsAfterEach,
  makeHarness,
  profileForm,
  type Harness,
} from '../../../tests/support/core-harness.js';
import { app } from './app.svelte.js';
import { CallsState } from './calls.svelte.js';

vi.mock('./bridge.js', () => import('../../../tests/support/core-bridge.js'));

const cleanups = cleanupsAfterEach();
afterEach(() => attachCore(null));

async function connected(myExtension: string | null = '100'): Promise<{ h: Harness; pbx: DemoPbx }> {
  const pbx = await startDemoPbx({ extensions: 5 });
  const h = await makeHarness();
  cleanups.push(
    () => pbx.close(),
    () => h.close(),
  );
  attachCore(h.core);
  const saved = await h.ok('profiles:save', { ...profileForm(pbx), myExtension });
  expect(await app.activate(saved.id)).toBe(true);
  await h.ok('sync:now');
  return { h, pbx };
}

describe('CallsState', () => {
  it('softphone mode hands a link over and sends nothing to the PBX', async () => {
    const { pbx } = await connected();
    const calls = new CallsState();
    await calls.load();
    await calls.setMode('softphone');
    await calls.call('555 123');
    expect(calls.outcome).toMatchObject({ kind: 'link', uri: 'tel:555123' });
    expect(pbx.originated).toEqual([]);
  });

  it('PBX mode rings my extension once, even when Call is pressed again while it is pending', async () => {
    const { pbx } = await connected();
    const calls = new CallsState();
    await calls.load();
    await calls.setMode('pbx');
    expect(calls.mode).toBe('pbx');
    pbx.setFaults({ latencyMs: 300, paths: ['/core/click_to_call'], count: 1 });
    const first = calls.call('5551234');
    expect(calls.outcome).toMatchObject({ kind: 'pending', number: '5551234', mine: '100' });
    await calls.call('5551234');
    expect(calls.outcome?.kind).toBe('pending');
    await first;
    expect(calls.outcome).toMatchObject({ kind: 'ok', caller: '100', callee: '5551234' });
    expect(pbx.originated).toHaveLength(1);
  });

  it('without my extension the PBX is not asked, and the error says why', async () => {
    const { pbx } = await connected(null);
    const calls = new CallsState();
    await calls.load();
    await calls.setMode('pbx');
    await calls.call('5551234');
    expect(calls.outcome?.kind).toBe('error');
    expect(calls.outcome?.error?.code).toMatch(/EXTENSION/);
    expect(pbx.originated).toEqual([]);
  });
});
