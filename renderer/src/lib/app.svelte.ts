// App-wide state: saved PBX profiles, which one is active, the sync status pushed by the core,
// settings (theme, language, dial scheme) and which screen is showing. Everything comes from the bridge;
// nothing here talks to the PBX or holds a secret.
import type { Profile } from '../../../electron/core/shared/domain.js';
import type { PolicyInfo, Settings, SyncState } from '../../../electron/core/shared/contract.js';
import type { AppErrorData } from '../../../electron/core/shared/errors.js';
import { IDLE_SYNC } from '../../../electron/core/shared/sync-idle.js';
import { bridge } from './bridge.js';
import { ConnectionForm } from './connection-form.svelte.js';
import { inbox } from './voicemail.svelte.js';
import { i18n } from './i18n.svelte.js';

export type Screen = 'loading' | 'connect' | 'directory';

// seq -1: the core's first state, whatever its seq, replaces it.
const EMPTY_SYNC: SyncState = { ...IDLE_SYNC, seq: -1 };

export class AppState {
  screen = $state<Screen>('loading');
  profiles = $state<Profile[]>([]);
  activeId = $state<string | null>(null);
  sync = $state<SyncState>(EMPTY_SYNC);
  settings = $state<Settings | null>(null);
  /** A failure of the last app-level action (switching profile, saving settings). */
  error = $state<AppErrorData | null>(null);
  /** The connection screen's form (a new profile, or the one being edited). */
  form = $state<ConnectionForm | null>(null);
  /** Profiles whose app key is kept in memory for this session only. */
  sessionKeys = $state<string[]>([]);
  /** The administrator's policy, and why it cannot be used when it is broken. */
  policy = $state<PolicyInfo | null>(null);
  policyError = $state<AppErrorData | null>(null);
  /** The desktop shell asked to focus the search (with a number) or the voicemail; kept until the
   *  directory screen acts on it, so a request that arrives before that screen exists (a first
   *  launch with a tel: link) is not lost. */
  focusRequest = $state<{ target: 'search' | 'voicemail'; query: string | null } | null>(null);
  /** Ticks every 30 s so "synced N min ago" stays true without a reload. */
  now = $state(Date.now());

  activeProfile = $derived(this.profiles.find((p) => p.id === this.activeId) ?? null);

  #unsubscribe: (() => void)[] = [];
  #timer: ReturnType<typeof setInterval> | null = null;

  async start(): Promise<void> {
    this.#unsubscribe = [
      bridge.on('shell:focus', (request) => (this.focusRequest = request)),
      inbox.start(),
      bridge.on('sync:state', (s) => {
        if (!this.activeId || s.profileId === this.activeId) this.#applySync(s);
      }),
    ];
    this.#timer = setInterval(() => (this.now = Date.now()), 30_000);
    this.#watchFreshness();
    const [settings] = await Promise.all([bridge.settings.get(), this.refreshProfiles()]);
    if (settings.ok) this.settings = settings.data;
    this.applyTheme();
    i18n.apply(this.settings?.language);
    if (this.activeId) {
      // Show the saved directory at once; the sync state follows (and events keep it current).
      this.screen = 'directory';
      const s = await bridge.sync.state();
      if (s.ok) this.#applySync(s.data);
    } else {
      this.editProfile(null);
    }
  }

  /** Events and replies can cross: keep the newest state the core has produced. */
  #applySync(s: SyncState): void {
    if (s.seq >= this.sync.seq) this.sync = s;
  }

  /** The window hidden and shown again, or the network back: the core decides whether to
   *  refresh (refresh-scheduler.ts). Both hosts' windows report these the same way. */
  #watchFreshness(): void {
    const visibility = () =>
      void bridge.sync.nudge({ reason: document.visibilityState === 'hidden' ? 'hidden' : 'shown' });
    const online = () => void bridge.sync.nudge({ reason: 'online' });
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('online', online);
    this.#unsubscribe.push(
      () => document.removeEventListener('visibilitychange', visibility),
      () => window.removeEventListener('online', online),
    );
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    if (this.#timer) clearInterval(this.#timer);
  }

  async refreshProfiles(): Promise<void> {
    const r = await bridge.profiles.list();
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.profiles = r.data.profiles;
    if (r.data.activeId !== this.activeId) inbox.reset();
    this.activeId = r.data.activeId;
    this.sessionKeys = r.data.sessionKeys;
    this.policy = r.data.policy;
    this.policyError = r.data.policyError;
    if (r.data.notice) this.error = r.data.notice;
  }

  async activate(id: string): Promise<boolean> {
    this.error = null;
    const r = await bridge.profiles.activate({ id });
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    if (id !== this.activeId) inbox.reset();
    this.activeId = id;
    this.#applySync(r.data);
    await this.refreshProfiles();
    this.screen = 'directory';
    return true;
  }

  async useDemo(): Promise<AppErrorData | null> {
    this.error = null;
    const r = await bridge.profiles.useDemo();
    if (!r.ok) return r.error;
    await this.refreshProfiles();
    const s = await bridge.sync.state();
    if (s.ok) this.#applySync(s.data);
    this.screen = 'directory';
    return null;
  }

  async syncNow(): Promise<void> {
    const r = await bridge.sync.now();
    if (r.ok) this.#applySync(r.data);
    else if (r.error.code !== 'SYNC_IN_PROGRESS') this.sync = { ...this.sync, lastError: r.error };
  }

  /** Removes a saved PBX (its cached directory and stored key too) and moves to what is left. */
  async removeProfile(id: string): Promise<AppErrorData | null> {
    const r = await bridge.profiles.remove({ id });
    if (!r.ok) return r.error;
    this.form = null;
    await this.refreshProfiles();
    if (r.data.keyLeft) {
      // The sentence is the catalogue's (errorReasons.*.key-left), with these facts filled in.
      this.error = {
        code: r.data.keyLeft.code,
        message: r.data.keyLeft.message,
        detail: {
          reason: 'key-left',
          causeCode: r.data.keyLeft.code,
          message: r.data.keyLeft.message,
          profileId: id,
        },
      };
    }
    if (this.activeId) {
      const s = await bridge.sync.state();
      if (s.ok) this.#applySync(s.data);
      this.screen = 'directory';
    } else this.editProfile(null);
    return null;
  }

  editProfile(profile: Profile | null): void {
    this.form = new ConnectionForm(this, profile);
    this.screen = 'connect';
  }

  /** Leaves the connection screen (after a save, or Cancel). */
  closeForm(): void {
    if (!this.activeId) return this.editProfile(null);
    this.form = null;
    this.screen = 'directory';
  }

  async saveSettings(patch: Partial<Settings>): Promise<void> {
    const r = await bridge.settings.set(patch);
    if (r.ok) this.settings = r.data;
    else this.error = r.error;
    this.applyTheme();
    i18n.apply(this.settings?.language);
  }

  applyTheme(): void {
    const theme = this.settings?.theme ?? 'system';
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }
}

export const app = new AppState();
