// Preload: exposes the typed bridge to the renderer. Nothing else crosses.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('vpbx', { version: 1 });
