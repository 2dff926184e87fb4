// session.defaultSession: the handlers main installs are kept and consulted the way Electron
// consults them. Chromium gives the stand-in no hook for its own permission prompts, so tests ask
// through requestPermission/checkPermission/checkDevice, which call the app's handlers with the
// arguments Electron passes (an unset request handler grants, as in Electron). Downloads the page
// starts are offered to 'will-download' listeners and cancelled when one prevents them.
// webRequest.onHeadersReceived is recorded, not applied: every page of the app is answered by
// the protocol handler, whose headers are what the page gets.
import { EventEmitter } from 'node:events';
import type { Download } from '@playwright/test';

type RequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type CheckHandler = (
  contents: unknown,
  permission: string,
  requestingOrigin: string,
  details: unknown,
) => boolean;
type DeviceHandler = (details: { deviceType: string; origin: string }) => boolean;

export class SessionStandin extends EventEmitter {
  #request: RequestHandler | null = null;
  #check: CheckHandler | null = null;
  #device: DeviceHandler | null = null;
  readonly headerListeners: unknown[] = [];
  readonly webRequest = {
    onHeadersReceived: (listener: unknown) => void this.headerListeners.push(listener),
  };

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.#request = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.#check = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler | null): void {
    this.#device = handler;
  }

  /** A page asks for a permission; resolves with the app's decision. */
  requestPermission(contents: unknown, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.#request;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) =>
      handler(contents, permission, resolve, { requestingUrl, isMainFrame: true }),
    );
  }
  checkPermission(contents: unknown, permission: string, requestingOrigin: string): boolean {
    return this.#check ? this.#check(contents, permission, requestingOrigin, { isMainFrame: true }) : true;
  }
  checkDevice(deviceType: string, origin: string): boolean {
    return this.#device ? this.#device({ deviceType, origin }) : false;
  }

  /** A download the page started: offered to 'will-download', cancelled when prevented. */
  async offerDownload(download: Download, url: string, contents: unknown): Promise<boolean> {
    let prevented = false;
    const event = {
      preventDefault: () => (prevented = true),
      get defaultPrevented() {
        return prevented;
      },
    };
    const item = {
      getURL: () => url,
      getFilename: () => download.suggestedFilename(),
      cancel: () => void download.cancel(),
    };
    this.emit('will-download', event, item, contents);
    if (prevented) await download.cancel();
    return !prevented;
  }
}
