// The IPC manager: registers a handler for every channel in CHANNELS and checks, before anything
// else, that the message comes from the main frame of our window showing app://bundle. A
// compromised subframe, another window or a page that navigated away gets FORBIDDEN_SENDER and
// never reaches the dispatcher (which then validates the payload against the contract).
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, EVENT_CHANNEL, type EventMessage, type EventName } from '../core/shared/channels.js';
import type { EventPayloads } from '../core/shared/contract.js';
import { errorData, type Result } from '../core/shared/errors.js';
import type { Dispatch } from '../core/dispatch/dispatcher.js';
import { isAppUrl } from './security.js';

export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  const frame = event.senderFrame;
  if (!frame || event.sender !== contents) return false;
  const main = contents.mainFrame;
  const isMainFrame =
    frame === main ||
    (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId);
  return isMainFrame && isAppUrl(frame.url);
}

export const forbidden = (): Result<never> => ({ ok: false, error: errorData('FORBIDDEN_SENDER') });

/** Registers every channel; returns the function that removes them again. */
export function registerIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) =>
      isTrustedSender(event, getWindow()) ? dispatch(channel, payload, { host: 'electron' }) : forbidden(),
    );
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Pushes a core event to the renderer; a window that is gone is simply skipped. */
export function sendEvent<E extends EventName>(
  win: BrowserWindow | null,
  event: E,
  payload: EventPayloads[E],
): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return;
  const message: EventMessage = { event, payload };
  win.webContents.send(EVENT_CHANNEL, message);
}
