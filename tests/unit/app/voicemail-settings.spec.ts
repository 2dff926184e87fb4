// "Played to the end marks it heard" is a setting, on by default (also for a settings file saved
// before the setting existed), that the window can turn off; Urgent messages count as new.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/core/app/settings-store.js';
import { isUnheardFolder } from '../../../electron/core/shared/voicemail-folders.js';
import { makeHarness, removeDir, type Harness } from '../../support/core-harness.js';

let h: Harness | null = null;
afterEach(async () => {
  if (!h) return;
  await h.close();
  await removeDir(h.dataDir);
  h = null;
});

describe('voicemail settings', () => {
  it('marks heard at the end by default, and can be turned off', async () => {
    h = await makeHarness();
    expect((await h.ok('settings:get')).voicemailMarkHeardAtEnd).toBe(true);
    expect((await h.ok('settings:set', { voicemailMarkHeardAtEnd: false })).voicemailMarkHeardAtEnd).toBe(
      false,
    );
    expect((await h.ok('settings:get')).voicemailMarkHeardAtEnd).toBe(false);
  });

  it('reads an older settings file without the field as on', async () => {
    h = await makeHarness();
    const dir = join(h.dataDir, 'older');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', dialScheme: 'sip' }));
    const s = await new SettingsStore(dir).get();
    expect(s).toMatchObject({ theme: 'dark', voicemailMarkHeardAtEnd: true });
  });

  it('counts INBOX and Urgent as unheard, in any case, and nothing else', () => {
    expect(['INBOX', 'Urgent', 'urgent', 'inbox'].every(isUnheardFolder)).toBe(true);
    expect(['Old', 'Work', ''].some(isUnheardFolder)).toBe(false);
  });
});
