// The one module that may call shell.openExternal: dial and mail links only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { openSafeExternal, tryOpenSafeExternal } = await import('../../../electron/main/external-links.js');

beforeEach(resetElectronMock);

const allowed = [
  'tel:+4930123456',
  'tel:*97',
  'tel:123%23',
  'callto:201',
  'sip:201@pbx.example.com',
  'mailto:ops@example.com',
];
const refused = [
  'https://example.com/',
  'http://127.0.0.1/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'smb://server/share',
  'ms-msdt:/id',
  'tel:',
  'tel:123;phone-context=evil',
  'sip:201@pbx.example.com@evil',
  'mailto:a@b.com?attach=/etc/passwd',
  'TEL:+1 555',
  'data:text/html,hi',
];

describe('openSafeExternal', () => {
  it.each(allowed)('opens %s', async (uri) => {
    await openSafeExternal(uri);
    expect(electron.shell.openExternal).toHaveBeenCalledWith(uri, { activate: true });
  });

  it.each(refused)('refuses %s with INVALID_LINK', async (uri) => {
    await expect(openSafeExternal(uri)).rejects.toMatchObject({ code: 'INVALID_LINK' });
    expect(tryOpenSafeExternal(uri)).toBe(false);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('no other module calls shell.openExternal', () => {
  it('is only referenced in external-links.ts', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const dir = new URL('../../../electron/main/', import.meta.url);
    const users: string[] = [];
    for (const name of await readdir(dir)) {
      if ((await readFile(new URL(name, dir), 'utf8')).includes('openExternal(')) users.push(name);
    }
    expect(users).toEqual(['external-links.ts']);
  });
});
