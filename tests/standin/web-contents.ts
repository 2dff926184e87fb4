// WebContents and WebFrameMain over one Chromium page. URLs are always shown to the main process
// in their app:// form. The main frame is one stable WebFrameMain (what isTrustedSender compares
// against); subframes get their own, whose parent is the main frame. Navigation events are
// emitted by network.ts, which sees every request of the page.
import { EventEmitter } from 'node:events';
import type { Page } from '@playwright/test';
import type { RendererWorld } from './renderer-world.js';
import type { SessionStandin } from './session.js';

export interface ContentsHost {
  readonly session: SessionStandin;
  toApp(pageUrl: string): string;
  load(contents: WebContents, url: string): Promise<void>;
}

export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: string;
  referrer: { url: string; policy: string };
}
export type WindowOpenHandler = (details: WindowOpenDetails) => { action: string; [k: string]: unknown };

/** An Electron event: preventDefault, defaultPrevented and the event's own fields. */
export function makeEvent<T extends object>(
  fields: T = {} as T,
): T & { preventDefault(): void; readonly defaultPrevented: boolean } {
  let prevented = false;
  return Object.defineProperties(fields, {
    preventDefault: { value: () => void (prevented = true) },
    defaultPrevented: { get: () => prevented },
  }) as T & { preventDefault(): void; readonly defaultPrevented: boolean };
}

let nextRoutingId = 1;
export class WebFrameMain {
  readonly routingId = nextRoutingId++;
  constructor(
    private readonly contents: WebContents,
    readonly frameId: string,
    readonly parent: WebFrameMain | null,
  ) {}
  get url(): string {
    return this.contents.isDestroyed()
      ? ''
      : this.contents.host.toApp(this.contents.world?.frameUrl(this.frameId) ?? '');
  }
  get origin(): string {
    try {
      const u = new URL(this.url);
      return u.protocol === 'blob:' || u.origin === 'null' ? u.origin : `${u.protocol}//${u.host}`;
    } catch {
      return '';
    }
  }
  get processId(): number {
    return this.contents.processId;
  }
  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this;
  }
  isDestroyed(): boolean {
    return this.contents.isDestroyed();
  }
}

let nextContentsId = 1;
export class WebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly processId = 1000 + this.id;
  page: Page | null = null;
  /** True once a document finished loading (did-finish-load). */
  loaded = false;
  /** Settles once the page exists and the renderer world is set up. */
  ready: Promise<void> = Promise.resolve();
  world: RendererWorld | null = null;
  /** The page URL of the navigation loadURL started: it emits no will-navigate. */
  expectedNavigation: string | null = null;
  /** Page URLs an allowed navigation was redirected to: the same navigation, continued. */
  readonly redirects = new Set<string>();
  #frames = new Map<string, WebFrameMain>();
  #main: WebFrameMain | null = null;
  #openHandler: WindowOpenHandler | null = null;
  #destroyed = false;

  constructor(readonly host: ContentsHost) {
    super();
  }

  get session(): SessionStandin {
    return this.host.session;
  }

  get mainFrame(): WebFrameMain {
    // Not cached before the renderer exists, or it would keep an empty frame id.
    if (!this.world) return new WebFrameMain(this, '', null);
    this.#main ??= new WebFrameMain(this, this.world.mainFrameId, null);
    return this.#main;
  }

  /** The WebFrameMain of a frame of this page, by its DevTools frame id. */
  frameFor(frameId: string): WebFrameMain {
    if (frameId === this.mainFrame.frameId) return this.mainFrame;
    let frame = this.#frames.get(frameId);
    if (!frame) this.#frames.set(frameId, (frame = new WebFrameMain(this, frameId, this.mainFrame)));
    return frame;
  }

  getURL(): string {
    return this.page && !this.#destroyed ? this.host.toApp(this.page.url()) : '';
  }

  loadURL(url: string): Promise<void> {
    return this.host.load(this, url);
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.#destroyed) throw new Error('Object has been destroyed');
    void this.world?.send(channel, args);
  }

  setWindowOpenHandler(handler: WindowOpenHandler | null): void {
    this.#openHandler = handler;
  }

  get windowOpenHandler(): WindowOpenHandler | null {
    return this.#openHandler;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** Called when its window is destroyed. */
  markDestroyed(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.emit('destroyed');
  }
}
