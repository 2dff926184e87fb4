// The global shortcut may not take keys other applications rely on: Electron's globalShortcut
// would steal them from every program on the desktop. The core refuses them (settings:set) with
// SHORTCUT_NOT_ALLOWED, and the settings dialog explains why with the same check.
import { afterEach, describe, expect, it } from 'vitest';
import { shortcutProblem } from '../../../electron/core/shared/accelerator.js';
import { makeHarness, removeDir, type Harness } from '../../support/core-harness.js';

let h: Harness | null = null;
afterEach(async () => {
  if (!h) return;
  await h.close();
  await removeDir(h.dataDir);
  h = null;
});

const REFUSED = [
  'CommandOrControl+C',
  'CommandOrControl+V',
  'CommandOrControl+X',
  'CommandOrControl+Z',
  'CommandOrControl+A',
  'Shift+A',
  'A',
  'Alt+F4',
  'Ctrl+F4',
  'Alt+F2',
  'Ctrl+Alt+F1',
  'Ctrl+Alt+Delete',
  'Ctrl+Alt+T',
  'Ctrl+Alt+L',
  'Ctrl+Alt+Left',
  'CommandOrControl+Shift+Z',
  'CommandOrControl+Shift+V',
  'Ctrl+Shift+Control+C',
  'Shift+Shift+K',
];
const ACCEPTED = [
  '',
  'CommandOrControl+Alt+D',
  'Ctrl+Shift+K',
  'Super+Alt+P',
  'F9',
  'F24',
  'Shift+F9',
  'Ctrl+Shift+F2',
];

describe('global shortcut policy', () => {
  it.each(REFUSED)('refuses %j with a reason', (accel) => {
    expect(shortcutProblem(accel)).toMatch(/\w/);
  });
  it.each(ACCEPTED)('accepts %j', (accel) => {
    expect(shortcutProblem(accel)).toBeNull();
  });

  it('settings:set refuses system and editing keys with SHORTCUT_NOT_ALLOWED and keeps the old one', async () => {
    h = await makeHarness();
    for (const globalShortcut of ['CommandOrControl+C', 'Alt+F4', 'Shift+A', 'Ctrl+Alt+Delete']) {
      const r = await h.call('settings:set', { globalShortcut });
      expect(r.ok ? 'saved' : r.error.code, globalShortcut).toBe('SHORTCUT_NOT_ALLOWED');
    }
    expect((await h.ok('settings:get')).globalShortcut).toBe('CommandOrControl+Alt+D');
    expect((await h.ok('settings:set', { globalShortcut: 'F9' })).globalShortcut).toBe('F9');
    expect((await h.ok('settings:set', { globalShortcut: 'Ctrl+Shift+K' })).globalShortcut).toBe(
      'Ctrl+Shift+K',
    );
  });
});
