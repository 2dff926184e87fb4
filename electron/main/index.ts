// Electron entry point: the app lifecycle. Registers the app:// scheme before 'ready', keeps a
// single instance (a second launch focuses the first and hands over its search), and starts the
// shell. Behaviour lives in electron/core; wiring lives in shell.ts.
import { app } from 'electron';
import { join } from 'node:path';
import { launchedHidden } from './login-item.js';
import { guardWebContents } from './navigation.js';
import { registerAppScheme } from './protocol.js';
import { startShell, type Shell } from './shell.js';

const log = (msg: string, err: unknown) => console.error(`[vpbx] ${msg}`, err ?? '');

// One data folder for the desktop app, the browser host and the CLI (see core/app/paths.ts);
// tests point it at a fresh temporary folder.
if (process.env.VPBX_DATA_DIR) app.setPath('userData', process.env.VPBX_DATA_DIR);

registerAppScheme();
// Every web contents the app ever gets (its window, and whatever a page manages to open) is
// guarded before it loads anything: no navigation, redirect, new window or <webview>.
app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let shell: Shell | null = null;
  const pending: string[][] = [];
  app.on('second-instance', (_event, argv) => {
    if (shell) shell.handleLaunch(argv);
    else pending.push(argv);
  });
  // The window closes for real only when there is no tray; then closing it quits.
  app.on('window-all-closed', () => app.quit());
  // macOS: clicking the Dock icon brings the hidden window back.
  app.on('activate', () => shell?.handleLaunch([]));
  void app
    .whenReady()
    .then(async () => {
      // dist-electron/main.cjs sits beside preload.cjs; the renderer is in dist/renderer.
      const root = join(__dirname, '..');
      shell = await startShell(
        {
          preload: join(__dirname, 'preload.cjs'),
          rendererRoot: join(root, 'dist', 'renderer'),
          trayIcons: app.isPackaged ? join(process.resourcesPath, 'tray') : join(root, 'build', 'tray'),
          appIcon: app.isPackaged ? undefined : join(root, 'build', 'icons', '512x512.png'),
        },
        { argv: process.argv, startHidden: launchedHidden(process.argv), log },
      );
      for (const argv of pending.splice(0)) shell.handleLaunch(argv);
    })
    .catch((err: unknown) => {
      log('the app could not start', err);
      app.exit(1);
    });
}
