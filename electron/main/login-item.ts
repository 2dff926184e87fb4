// "Start at login". macOS and Windows have app.setLoginItemSettings; Linux desktops follow the
// XDG autostart spec instead (a .desktop file in ~/.config/autostart). Either way the app is
// launched with --hidden so it starts quietly in the tray.
import { app } from 'electron';
import { mkdir, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/store/atomic-file.js';
import { HIDDEN_FLAG, wantsHidden } from './launch-args.js';

export function autostartFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart', 'vitalpbx-directory.desktop');
}

export function autostartEntry(exec: string): string {
  // Desktop-entry Exec quoting: wrap in double quotes, escape \ " ` $.
  const quoted = `"${exec.replace(/([\\"`$])/g, '\\$1')}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=VitalPBX Directory',
    `Exec=${quoted} ${HIDDEN_FLAG}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

export async function applyStartAtLogin(
  enabled: boolean,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (platform === 'linux') {
    const file = autostartFile(env);
    if (!enabled) return rm(file, { force: true });
    await mkdir(join(file, '..'), { recursive: true });
    // An AppImage runs from a temporary mount: autostart must point at the image itself.
    await writeFileAtomic(file, autostartEntry(env.APPIMAGE ?? process.execPath), { mode: 0o644 });
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: enabled ? [HIDDEN_FLAG] : [] });
}

export function launchedHidden(argv: readonly string[]): boolean {
  const atLogin = process.platform === 'linux' ? false : app.getLoginItemSettings().wasOpenedAtLogin;
  return wantsHidden(argv, atLogin);
}
