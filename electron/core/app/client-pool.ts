// The PBX client of the active connection, and the demo profile kept pointing at the demo PBX.
// One client per connection, so detail refreshes and voicemail polls reuse its keep-alive sockets;
// a changed address, tenant, pin or key gets a new one and the old one is closed.
import { PbxClient } from '../pbx/client.js';
import type { Profile } from '../shared/domain.js';
import type { Timers } from '../timers.js';
import type { ProfileStore } from '../store/profiles.js';
import type { AppKeys } from './app-keys.js';
import { type DemoController, DEMO_PROFILE_ID } from './demo.js';

export class ClientPool {
  #client: { key: string; client: PbxClient } | null = null;

  constructor(
    private readonly profiles: ProfileStore,
    private readonly keys: AppKeys,
    private readonly demo: DemoController,
    /** The core's clock for the client's retry pauses, when it is not Node's own. */
    private readonly timers?: Timers,
  ) {}

  async clientFor(profile: Profile): Promise<PbxClient> {
    if (profile.demo) await this.refreshDemoProfile();
    const current = (await this.profiles.get(profile.id)) ?? profile;
    const conn = {
      baseUrl: current.baseUrl,
      tenant: current.tenant,
      appKey: await this.keys.forProfile(current),
      tlsPin: current.tlsPin,
      allowHttp: current.allowHttp,
    };
    const key = JSON.stringify(conn);
    if (this.#client?.key !== key) {
      this.#client?.client.close();
      this.#client = { key, client: new PbxClient(conn, this.timers ? { timers: this.timers } : {}) };
    }
    return this.#client.client;
  }

  /** The demo PBX listens on a new port each launch: point the demo profile at it. */
  async refreshDemoProfile(): Promise<Profile> {
    const input = await this.demo.profileInput();
    const existing = await this.profiles.get(DEMO_PROFILE_ID);
    // Called before every PBX request of the demo profile: write only when the port changed.
    if (existing && existing.baseUrl === input.baseUrl && existing.tenant === input.tenant) return existing;
    return this.profiles.upsert({ ...input, myExtension: existing?.myExtension ?? input.myExtension });
  }

  close(): void {
    this.#client?.client.close();
    this.#client = null;
  }
}
