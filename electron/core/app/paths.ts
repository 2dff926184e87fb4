// Where the app keeps its data when no folder is given: the same place Electron's
// app.getPath('userData') uses, so the desktop app, the browser host and the CLI share it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_DIR_NAME = 'VitalPBX Directory';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VPBX_DATA_DIR) return env.VPBX_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME);
}
