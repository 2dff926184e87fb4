// Preload: exposes the typed bridge as window.vpbx: one function per contract operation plus
// on(event, listener). Nothing else crosses: no ipcRenderer, no IPC event objects (their `sender`
// would hand the page a way to send on any channel), only plain payloads.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../core/shared/bridge.js';
import type { Result } from '../core/shared/errors.js';
import { EVENT_CHANNEL, type EventMessage } from '../core/shared/channels.js';

const bridge = buildBridge(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  (event, listener) => {
    const handler = (_e: IpcRendererEvent, message: EventMessage) => {
      if (message && message.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
);

contextBridge.exposeInMainWorld('vpbx', bridge);
