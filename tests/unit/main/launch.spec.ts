// What a launch asks for (search text, hidden start, no tray) and start at login per platform.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electron, resetElectronMock } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electron);
const { searchFromArgv, trayDisabled, wantsHidden } = await import('../../../electron/main/launch-args.js');
const { applyStartAtLogin, autostartEntry, autostartFile } =
  await import('../../../electron/main/login-item.js');

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'vpbx-login-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(resetElectronMock);

describe('launch arguments', () => {
  it.each([
    [['/opt/app', 'tel:+4930123'], '+4930123'],
    [['/opt/app', 'tel:%2B49%2030%20123'], '+49 30 123'],
    [['/opt/app', 'sip:201@pbx.example.com'], '201'],
    [['/opt/app', 'callto://555-0100'], '555-0100'],
    [['/opt/app', '--search=Anna Müller'], 'Anna Müller'],
    [['/opt/app', '--search', 'Bob'], 'Bob'],
    [['/opt/app', '--hidden'], null],
    [['/opt/app', 'https://evil.example/'], null],
    [['/opt/app', 'tel:<script>'], 'script'],
    [['/opt/app', 'tel:%E0%A4%A'], null],
  ])('%j → %j', (argv, search) => {
    expect(searchFromArgv(argv)).toBe(search);
  });

  it('starts hidden at login or with --hidden', () => {
    expect(wantsHidden(['/opt/app'], false)).toBe(false);
    expect(wantsHidden(['/opt/app', '--hidden'], false)).toBe(true);
    expect(wantsHidden(['/opt/app'], true)).toBe(true);
  });

  it('lets the user turn the tray off', () => {
    expect(trayDisabled(['x', '--no-tray'], {})).toBe(true);
    expect(trayDisabled(['x'], { VPBX_NO_TRAY: '1' })).toBe(true);
    expect(trayDisabled(['x'], {})).toBe(false);
  });
});

describe('start at login', () => {
  it('uses login item settings with --hidden on macOS and Windows', async () => {
    await applyStartAtLogin(true, 'darwin');
    expect(electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({
      openAtLogin: true,
      args: ['--hidden'],
    });
    await applyStartAtLogin(false, 'win32');
    expect(electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false, args: [] });
  });

  it('writes and removes an XDG autostart entry on Linux', async () => {
    const env = { XDG_CONFIG_HOME: dir, APPIMAGE: '/home/a/Apps/VitalPBX Directory.AppImage' };
    await applyStartAtLogin(true, 'linux', env);
    const file = autostartFile(env);
    expect(file).toBe(join(dir, 'autostart', 'vitalpbx-directory.desktop'));
    const text = await readFile(file, 'utf8');
    expect(text).toContain('Exec="/home/a/Apps/VitalPBX Directory.AppImage" --hidden');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application/);
    await applyStartAtLogin(false, 'linux', env);
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });

  it('quotes the executable for the Exec line', () => {
    expect(autostartEntry('/opt/a "b"/$x`y')).toContain('Exec="/opt/a \\"b\\"/\\$x\\`y" --hidden');
  });
});
