// "Try the demo PBX": runs the embedded demo PBX inside the app process on 127.0.0.1 and keeps a
// demo profile pointing at it. The demo app key is not a secret (it only opens the local demo
// server), so it is held in memory and works without a keychain.
//
// The demo PBX (with its certificate generator: selfsigned, @peculiar/x509, asn1js) is imported
// only when the user chooses it: in the built app it is a separate bundle beside main.cjs
// (demo-pbx.cjs, see scripts/build.mjs), so the code every agent runs does not carry it.
import { createRequire } from 'node:module';
import type * as DemoPbxServer from '../demo-pbx/server.js';
import type { DemoPbx } from '../demo-pbx/server.js';
import { PbxClient } from '../pbx/client.js';
import type { StoredProfileInput } from '../store/profiles.js';

export const DEMO_PROFILE_ID = 'demo';

type DemoPbxModule = typeof DemoPbxServer;

/** The demo PBX module: the sources (browser host, tests) or demo-pbx.cjs beside main.cjs. The
 *  specifier is a variable so the bundler leaves the import alone instead of inlining it. */
function loadDemoPbx(): Promise<DemoPbxModule> {
  const here = import.meta.url;
  if (/\.ts$/.test(new URL(here).pathname)) {
    const source = '../demo-pbx/server.js';
    return import(/* @vite-ignore */ source) as Promise<DemoPbxModule>;
  }
  return Promise.resolve(createRequire(here)('./demo-pbx.cjs') as DemoPbxModule);
}

export class DemoController {
  #pbx: Promise<DemoPbx> | null = null;
  #myExtension: Promise<string | null> | null = null;

  // Always the size a new user meets; a test that needs another size starts its own demo PBX.
  readonly extensions = 500;

  /** Starts the demo PBX once; later calls share it. */
  start(): Promise<DemoPbx> {
    this.#pbx ??= loadDemoPbx()
      .then(({ startDemoPbx }) =>
        startDemoPbx({ extensions: this.extensions, tenants: 2, seed: 7, validators: 'both' }),
      )
      .catch((err: unknown) => {
        this.#pbx = null;
        throw err;
      });
    return this.#pbx;
  }

  async profileInput(): Promise<StoredProfileInput & { id: string }> {
    const pbx = await this.start();
    return {
      id: DEMO_PROFILE_ID,
      label: 'Demo PBX',
      baseUrl: pbx.origin,
      tenant: pbx.tenant,
      tlsPin: null,
      myExtension: await this.#pickMyExtension(pbx),
      allowHttp: true,
      showOthersVoicemail: false,
      dialScheme: 'tel',
      demo: true,
    };
  }

  /** The demo agent is the first extension with a few voicemail messages, so the player has
   *  something to play out of the box. */
  #pickMyExtension(pbx: DemoPbx): Promise<string | null> {
    this.#myExtension ??= (async () => {
      const client = PbxClient.forDemo(pbx);
      const { extensions } = await client.listExtensions();
      for (const ext of extensions.slice(0, 40)) {
        const { records } = await client.listVoicemail(ext.id);
        if (records.length >= 3) return ext.number;
      }
      return extensions[0]?.number ?? null;
    })().catch(() => null);
    return this.#myExtension;
  }

  async appKey(): Promise<string> {
    return (await this.start()).appKey;
  }

  async close(): Promise<void> {
    const pbx = this.#pbx;
    this.#pbx = null;
    this.#myExtension = null;
    if (pbx) await (await pbx).close();
  }
}
