// electron.protocol, and how the stand-in puts a custom scheme in front of Chromium. Chromium
// without Electron cannot route a scheme it does not know, so each scheme main registers is
// mapped to a private https origin (`app://bundle/x` ⇄ `https://bundle.app.scheme.invalid/x`:
// https keeps the page a secure context, as the `secure` privilege does; .invalid never resolves)
// and every request of the page to that origin is answered by calling the handler main gave to
// protocol.handle, with the URL translated back. So the page gets exactly the handler's status,
// body and headers (its CSP included), and its path checks decide what is served. Everything the
// main process sees (frame URLs, navigation events) is translated back to the app:// form.
const SUFFIX = '.scheme.invalid';

export interface SchemePrivileges {
  standard?: boolean;
  secure?: boolean;
  supportFetchAPI?: boolean;
  [k: string]: boolean | undefined;
}

type Handler = (request: Request) => Response | Promise<Response>;

export class ProtocolStandin {
  readonly privileged = new Map<string, SchemePrivileges>();
  readonly handlers = new Map<string, Handler>();
  #registered = false;

  constructor(private readonly isReady: () => boolean) {}

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: SchemePrivileges }[]): void {
    // Electron: only before 'ready', and only once (Chromium reads the list at start-up).
    if (this.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged must be called before app ready');
    if (this.#registered) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
    this.#registered = true;
    for (const s of schemes) this.privileged.set(s.scheme, s.privileges ?? {});
  }

  handle(scheme: string, handler: Handler): void {
    if (!this.isReady()) throw new Error('protocol.handle must be called after app ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** The URL Chromium is given for an app URL (unchanged for schemes Chromium knows). */
  toPage(url: string): string {
    const u = safeUrl(url);
    if (!u || !this.privileged.has(u.protocol.slice(0, -1))) return url;
    const scheme = u.protocol.slice(0, -1);
    if (!this.privileged.get(scheme)?.standard)
      throw new Error(`the stand-in maps standard schemes only (${scheme} is not)`);
    return `https://${u.host}.${scheme}${SUFFIX}${u.pathname}${u.search}${u.hash}`;
  }

  /** The URL the main process sees for a URL of the page. */
  toApp(url: string): string {
    const u = safeUrl(url);
    if (!u || u.protocol !== 'https:' || !u.hostname.endsWith(SUFFIX)) return url;
    const labels = u.hostname.slice(0, -SUFFIX.length).split('.');
    const scheme = labels.pop() ?? '';
    return `${scheme}://${labels.join('.')}${u.port ? `:${u.port}` : ''}${u.pathname}${u.search}${u.hash}`;
  }

  /** The handler's answer for a request of the page, or null when its scheme has no handler. */
  async respond(
    pageUrl: string,
    init: { method: string; headers: Record<string, string>; body: Buffer | null },
  ): Promise<Response | null> {
    const appUrl = this.toApp(pageUrl);
    if (appUrl === pageUrl) return null;
    const handler = this.handlers.get(safeUrl(appUrl)?.protocol.slice(0, -1) ?? '');
    if (!handler) return null;
    const hasBody = init.body && init.method !== 'GET' && init.method !== 'HEAD';
    return handler(
      new Request(appUrl, {
        method: init.method,
        headers: init.headers,
        ...(hasBody ? { body: init.body } : {}),
      }),
    );
  }
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
