// One window's renderer side, set up over the Chrome DevTools Protocol before its first load:
//  - the real preload.cjs runs at document start in an isolated world of the main frame, with
//    page/isolated-world.js giving it Electron's sandboxed require and contextBridge; the page's
//    scripts run in the main world and see only what contextBridge exposed (page/main-world.js);
//  - ipcRenderer messages arrive here through a binding that exists in that world only, with the
//    frame they came from, so ipcMain handlers get a real sender frame (its URL, main or sub);
//  - window.open and target=_blank are reported (to network.ts) as Chromium starts them;
//  - V8 coverage of the preload is collected from Chromium (it runs there, not in Node).
import type { CDPSession, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { codecFactory } from './codec.js';
import type { ScriptCoverage } from './coverage.js';

const WORLD = 'electron-standin-preload';
const BINDING = '__standinIpc';
const PAGE_DIR = new URL('./page/', import.meta.url);
const codec = codecFactory();
/** A page/*.js script, its closing call given these argument sources. */
const pageScript = (name: string, args: string[]) =>
  readFileSync(new URL(name, PAGE_DIR), 'utf8').replace(
    /\}\)\([^)]*\);\s*$/,
    () => `})(${args.join(', ')});\n`,
  );

/** Where a preload's coverage is reported, and how far the wrapper shifts its offsets. */
export const PRELOAD_URL_SUFFIX = '/dist-electron/preload.cjs';
const PRELOAD_PREFIX = 'if (globalThis.__standinPreloadEnv) (function (require, module, exports) {';

export interface IpcMessage {
  type: 'invoke' | 'send';
  id?: number;
  channel: string;
  args: unknown[];
  frameId: string;
}

export class RendererWorld {
  #contexts = new Map<number, { frameId: string; name: string }>();
  #frameUrls = new Map<string, string>();
  #mainFrameId = '';
  #preloadCoverage: ScriptCoverage[] = [];

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly onMessage: (m: IpcMessage) => Promise<{ ok: boolean; value: unknown } | null>,
    private readonly onWindowOpen: (e: { url: string; windowName: string; windowFeatures: string[] }) => void,
  ) {}

  static async attach(
    page: Page,
    preloadPath: string | undefined,
    onMessage: (m: IpcMessage) => Promise<{ ok: boolean; value: unknown } | null>,
    onWindowOpen: (e: { url: string; windowName: string; windowFeatures: string[] }) => void,
  ): Promise<RendererWorld> {
    const cdp = await page.context().newCDPSession(page);
    const world = new RendererWorld(page, cdp, onMessage, onWindowOpen);
    await world.#setUp(preloadPath);
    return world;
  }

  async #setUp(preloadPath: string | undefined): Promise<void> {
    const { cdp } = this;
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { frameId?: string } | undefined;
      this.#contexts.set(context.id, { frameId: aux?.frameId ?? '', name: context.name });
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
      this.#contexts.delete(executionContextId),
    );
    cdp.on('Page.frameNavigated', ({ frame }) => this.#frameUrls.set(frame.id, frame.url));
    cdp.on('Page.windowOpen', (e) => this.onWindowOpen(e));
    cdp.on('Runtime.bindingCalled', (e) => void this.#onBinding(e.name, e.payload, e.executionContextId));
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    const tree = await cdp.send('Page.getFrameTree');
    this.#mainFrameId = tree.frameTree.frame.id;
    this.#frameUrls.set(this.#mainFrameId, tree.frameTree.frame.url);
    if (!preloadPath) return;
    // Coverage must be on before the preload is compiled.
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
    await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: WORLD });
    const codecSource = `(${codecFactory.toString()})()`;
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: pageScript('main-world.js', [codecSource]),
    });
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: pageScript('isolated-world.js', [codecSource, JSON.stringify(BINDING)]),
      worldName: WORLD,
    });
    // The preload file exactly as built, wrapped the way Electron wraps it (same line, so only
    // the first line's columns shift; coverage.ts subtracts the prefix).
    const preload = readFileSync(preloadPath, 'utf8');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `${PRELOAD_PREFIX}${preload}\n})(__standinPreloadEnv.require, __standinPreloadEnv.module, __standinPreloadEnv.module.exports);\n//# sourceURL=standin://preload${PRELOAD_URL_SUFFIX}`,
      worldName: WORLD,
    });
  }

  async #onBinding(name: string, payload: string, contextId: number): Promise<void> {
    const ctx = this.#contexts.get(contextId);
    if (name !== BINDING || !ctx || ctx.name !== WORLD) return;
    const raw = JSON.parse(payload) as {
      type: 'invoke' | 'send';
      id?: number;
      channel: string;
      args: string;
    };
    const message: IpcMessage = {
      type: raw.type,
      channel: raw.channel,
      args: codec.decode(raw.args) as unknown[],
      frameId: ctx.frameId,
      ...(raw.id !== undefined ? { id: raw.id } : {}),
    };
    const result = await this.onMessage(message);
    if (!result || raw.id === undefined) return;
    let encoded: string;
    try {
      encoded = codec.encode(result.value);
    } catch (err) {
      encoded = codec.encode(`Error: An object could not be cloned. (${String(err)})`);
      result.ok = false;
    }
    await this.#evaluate(
      contextId,
      `__standinWorld.reply(${raw.id}, ${result.ok}, ${JSON.stringify(encoded)})`,
    );
  }

  async #evaluate(contextId: number, expression: string): Promise<void> {
    // A page that navigated away took its world with it: the reply has nowhere to go.
    await this.cdp.send('Runtime.evaluate', { contextId, expression }).catch(() => undefined);
  }

  get mainFrameId(): string {
    return this.#mainFrameId;
  }

  frameUrl(frameId: string): string {
    return this.#frameUrls.get(frameId) ?? '';
  }

  /** webContents.send: to the preload world of the main frame's current document. */
  async send(channel: string, args: unknown[]): Promise<void> {
    const encoded = JSON.stringify(codec.encode(args));
    for (const [id, ctx] of this.#contexts) {
      if (ctx.name === WORLD && ctx.frameId === this.#mainFrameId)
        await this.#evaluate(id, `__standinWorld.emit(${JSON.stringify(channel)}, ${encoded})`);
    }
  }

  /** The preload's block coverage so far (offsets relative to preload.cjs). */
  async takeCoverage(): Promise<ScriptCoverage[]> {
    try {
      const { result } = await this.cdp.send('Profiler.takePreciseCoverage');
      for (const script of result) {
        if (!script.url.endsWith(PRELOAD_URL_SUFFIX)) continue;
        this.#preloadCoverage.push({
          url: PRELOAD_URL_SUFFIX,
          functions: script.functions.map((f) => ({
            ...f,
            ranges: f.ranges.map((r) => ({
              ...r,
              startOffset: Math.max(0, r.startOffset - PRELOAD_PREFIX.length),
              endOffset: Math.max(0, r.endOffset - PRELOAD_PREFIX.length),
            })),
          })),
        });
      }
    } catch {
      // The page is already gone: what was taken before stays.
    }
    return this.#preloadCoverage.splice(0);
  }
}
