// Every request of every page of one app passes through here (Playwright's context routing), so
// the stand-in can do what Electron's browser process does before Chromium acts:
//  - main-frame navigations the page starts (links, location, forms) emit 'will-navigate' first
//    and are cancelled when it is prevented; loadURL's own navigation does not emit it, as
//    documented; a redirect answer emits 'will-redirect' and is cancelled when prevented;
//  - a page opened by window.open or a target=_blank link asks its opener's window open handler
//    (no handler: allowed, Electron's default) before anything loads; denied, it is closed
//    unloaded; allowed, it becomes a BrowserWindow (web-contents-created and all);
//  - requests to a mapped app origin are answered by the protocol handler (protocol.ts); others go
//    to the network (only loopback servers of the tests are reachable here).
import type { BrowserContext, Page, Route } from '@playwright/test';
import type { ProtocolStandin } from './protocol.js';
import { makeEvent, type WebContents, type WindowOpenDetails } from './web-contents.js';

export interface NetworkHost {
  readonly protocol: ProtocolStandin;
  contentsOf(page: Page): WebContents | undefined;
  adoptPopup(page: Page, opener: WebContents, options: unknown): WebContents;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** How long a new page waits for its opener's window-open report before it is refused. */
const WINDOW_OPEN_WAIT_MS = 2_000;

export class Network {
  #popups = new WeakMap<Page, Promise<boolean>>();
  #decisions = new WeakMap<WebContents, { url: string; allow: boolean; overrides: unknown }[]>();

  constructor(private readonly host: NetworkHost) {}

  async install(context: BrowserContext): Promise<void> {
    context.on('page', (page) => void this.#onPage(page));
    await context.route('**/*', (route) =>
      this.#route(route).catch(() => route.abort('failed').catch(() => {})),
    );
  }

  async #onPage(page: Page): Promise<void> {
    if (await page.opener()) await this.#popupAllowed(page);
  }

  /**
   * Chromium reports window.open and target=_blank to the opener (DevTools' Page.windowOpen)
   * before the new page exists, or when none will (a tel: link): the handler is asked then, with
   * the details Electron passes, and the page that follows gets the answer.
   */
  windowOpened(opener: WebContents, e: { url: string; windowName: string; windowFeatures: string[] }): void {
    const details: WindowOpenDetails = {
      url: this.host.protocol.toApp(e.url),
      frameName: e.windowName,
      features: e.windowFeatures.join(','),
      disposition: e.windowFeatures.length ? 'new-window' : 'foreground-tab',
      referrer: { url: opener.getURL(), policy: 'strict-origin-when-cross-origin' },
    };
    const handler = opener.windowOpenHandler;
    const answer = handler ? handler(details) : { action: 'allow' };
    const decisions = this.#decisions.get(opener) ?? [];
    decisions.push({
      url: e.url,
      allow: answer?.action === 'allow',
      overrides: answer?.overrideBrowserWindowOptions,
    });
    this.#decisions.set(opener, decisions);
  }

  #popupAllowed(page: Page): Promise<boolean> {
    let decision = this.#popups.get(page);
    if (!decision) {
      decision = this.#decidePopup(page);
      this.#popups.set(page, decision);
    }
    return decision;
  }

  async #decidePopup(page: Page): Promise<boolean> {
    const openerPage = await page.opener();
    const opener = openerPage ? this.host.contentsOf(openerPage) : undefined;
    const deadline = Date.now() + WINDOW_OPEN_WAIT_MS;
    let decision = opener ? this.#decisions.get(opener)?.shift() : undefined;
    while (opener && !decision && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      decision = this.#decisions.get(opener)?.shift();
    }
    if (!opener || !decision?.allow) {
      // Denied, or opened by no app window: nothing may put that page on screen.
      await page.close().catch(() => {});
      return false;
    }
    const contents = this.host.adoptPopup(page, opener, decision.overrides);
    contents.expectedNavigation = decision.url;
    return true;
  }

  async #route(route: Route): Promise<void> {
    const request = route.request();
    let page: Page;
    try {
      page = request.frame().page();
    } catch {
      return route.abort('blockedbyclient'); // a service worker: the app registers none
    }
    let contents = this.host.contentsOf(page);
    if (!contents) {
      if (!(await this.#popupAllowed(page))) return route.abort('blockedbyclient');
      contents = this.host.contentsOf(page);
      if (!contents) return route.abort('blockedbyclient');
    }
    if (request.isNavigationRequest() && request.frame() === page.mainFrame())
      return this.#navigate(route, contents);
    const answer = await this.#fromHandler(route);
    if (answer === 'not-mapped') return route.continue();
    return answer ? route.fulfill(answer) : route.abort('failed');
  }

  async #navigate(route: Route, contents: WebContents): Promise<void> {
    const url = route.request().url();
    if (contents.redirects.delete(url)) {
      // The continuation of a navigation that was allowed, redirect included.
    } else if (contents.expectedNavigation && sameUrl(contents.expectedNavigation, url)) {
      contents.expectedNavigation = null;
    } else {
      const appUrl = this.host.protocol.toApp(url);
      const event = makeEvent({
        url: appUrl,
        isMainFrame: true,
        isSameDocument: false,
        frame: contents.mainFrame,
      });
      contents.emit('will-navigate', event, appUrl);
      if (event.defaultPrevented) return cancelNavigation(route);
    }
    let answer = await this.#fromHandler(route);
    if (answer === 'not-mapped') {
      const response = await route.fetch({ maxRedirects: 0 });
      answer = { status: response.status(), headers: response.headers(), body: await response.body() };
    }
    if (!answer) return route.abort('failed');
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      const target = new URL(location, url).href;
      const appTarget = this.host.protocol.toApp(target);
      const event = makeEvent({
        url: appTarget,
        isMainFrame: true,
        isSameDocument: false,
        frame: contents.mainFrame,
      });
      contents.emit('will-redirect', event, appTarget);
      if (event.defaultPrevented) return cancelNavigation(route);
      contents.redirects.add(target);
    }
    return route.fulfill(answer);
  }

  /** The protocol handler's answer; 'not-mapped' for URLs of schemes Chromium knows. */
  async #fromHandler(route: Route): Promise<Answer | null | 'not-mapped'> {
    const request = route.request();
    const { protocol } = this.host;
    if (protocol.toApp(request.url()) === request.url()) return 'not-mapped';
    const response = await protocol.respond(request.url(), {
      method: request.method(),
      headers: await request.allHeaders(),
      body: request.postDataBuffer(),
    });
    if (!response) return null;
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }
}

/**
 * Cancels a navigation and leaves the current document as it was. A 204 answer is the one way a
 * navigation ends without committing anything (aborting the request would commit an error page).
 */
function cancelNavigation(route: Route): Promise<void> {
  return route.fulfill({ status: 204, body: '' });
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
