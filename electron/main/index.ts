// Electron entry point: wires the app lifecycle. Behaviour lives in electron/core.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1100,
    height: 720,
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(__dirname, '../dist/renderer/index.html'));
}

void app.whenReady().then(createWindow);
