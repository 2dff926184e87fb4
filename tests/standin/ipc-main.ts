// ipcMain: handlers and listeners, and the delivery of what a renderer's ipcRenderer sent, with
// the event Electron builds: sender (the WebContents), senderFrame (the frame the message really
// came from), frameId, processId. A handler's rejection travels back as its message, as in
// Electron ("Error invoking remote method ..."); an unhandled channel is an error too.
import { EventEmitter } from 'node:events';
import type { IpcMessage } from './renderer-world.js';
import type { WebContents } from './web-contents.js';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

export class IpcMainStandin extends EventEmitter {
  readonly handlers = new Map<string, Handler>();

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  async deliver(contents: WebContents, message: IpcMessage): Promise<{ ok: boolean; value: unknown } | null> {
    const senderFrame = contents.frameFor(message.frameId);
    const event = {
      type: 'frame',
      sender: contents,
      senderFrame,
      frameId: senderFrame.routingId,
      processId: contents.processId,
    };
    if (message.type === 'send') {
      this.emit(message.channel, event, ...message.args);
      return null;
    }
    const handler = this.handlers.get(message.channel);
    if (!handler) return { ok: false, value: `Error: No handler registered for '${message.channel}'` };
    try {
      return { ok: true, value: await handler(event, ...message.args) };
    } catch (err) {
      return { ok: false, value: String(err) };
    }
  }
}
