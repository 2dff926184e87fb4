// The connection form's state and actions: first run, adding a PBX or editing one. It lives
// outside the component so that nothing the form learns (an error from a later step of Save, the
// certificate to trust) is lost when the screen is re-rendered.
import type { CertificateInfo, KeyStorage } from '../../../electron/core/shared/contract.js';
import type { Profile } from '../../../electron/core/shared/domain.js';
import { ERROR_CODES, type AppErrorData } from '../../../electron/core/shared/errors.js';
import type { AppState } from './app.svelte.js';
import { bridge } from './bridge.js';

export type Outcome =
  { ok: true; extensions: number; tenant: string } | { ok: false; error: AppErrorData } | null;
export interface TrustPrompt {
  mode: 'untrusted' | 'changed';
  cert: CertificateInfo | null;
  expected: string | null;
  presented: string | null;
}

const KEYCHAIN_CODES = new Set(['KEYCHAIN_UNAVAILABLE', 'KEYCHAIN_LOCKED', 'KEYCHAIN_TIMEOUT']);

/** What the user typed, as the address the core will use ('10.0.0.5:3500' → https://…), or ''. */
export function addressOf(input: string): string {
  const t = input.trim().replace(/\/+$/, '');
  if (t === '' || t === 'https:' || t === 'http:' || /\s/.test(t)) return '';
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`;
  const u = URL.parse(url);
  return u && (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname ? url : '';
}

export class ConnectionForm {
  readonly editing: Profile | null;
  label = $state('');
  address = $state('https://');
  tenant = $state('');
  appKey = $state('');
  myExtension = $state('');
  allowHttp = $state(false);
  showOthersVoicemail = $state(false);
  tlsPin = $state<string | null>(null);
  keyStored = $state(false);
  busy = $state<null | 'test' | 'save' | 'demo'>(null);
  outcome = $state<Outcome>(null);
  trust = $state<TrustPrompt | null>(null);
  /** The keychain refused the key: offer to keep it in memory for this session. */
  offerSession = $state(false);
  /** Set once a Save has created the profile: pressing Save again updates it, never adds one. */
  #savedId: string | null = null;

  readonly url = $derived(addressOf(this.address));
  /** The address, tenant, certificate or HTTP consent differ from the saved ones: the stored key
   *  does not follow them, so the key must be typed again. */
  readonly rebinding = $derived.by(() => {
    const saved = this.editing;
    return (
      saved !== null &&
      (originOf(this.url) !== originOf(saved.baseUrl) ||
        this.tenant.trim() !== saved.tenant ||
        this.tlsPin !== saved.tlsPin ||
        this.allowHttp !== saved.allowHttp)
    );
  });
  readonly needsKey = $derived(this.appKey.length === 0 && (!this.keyStored || this.rebinding));
  /** What is still missing before Test or Save can run, as catalogue keys (the screen words them). */
  readonly missing = $derived(
    [
      this.url ? null : ('connect.needAddress' as const),
      this.tenant.trim() ? null : ('connect.needTenant' as const),
      this.needsKey
        ? this.rebinding
          ? ('connect.needKeyAgain' as const)
          : ('connect.needKey' as const)
        : null,
    ].filter((x) => x !== null),
  );
  readonly canSubmit = $derived(this.missing.length === 0 && this.busy === null);

  constructor(
    private readonly app: AppState,
    editing: Profile | null,
  ) {
    this.editing = editing;
    const preset = app.policy?.values ?? {};
    this.label = editing?.label ?? '';
    this.address = editing?.baseUrl ?? preset.baseUrl ?? 'https://';
    this.tenant = editing?.tenant ?? preset.tenant ?? '';
    this.myExtension = editing?.myExtension ?? preset.myExtension ?? '';
    this.allowHttp = editing?.allowHttp ?? false;
    this.showOthersVoicemail = editing?.showOthersVoicemail ?? preset.showOthersVoicemail ?? false;
    this.tlsPin = editing?.tlsPin ?? null;
    if (editing && !editing.demo) {
      void bridge.credentials.status({ profileId: editing.id }).then((r) => {
        if (r.ok) this.keyStored = r.data.stored || r.data.session;
      });
    }
  }

  locked(field: 'baseUrl' | 'tenant' | 'myExtension' | 'showOthersVoicemail'): boolean {
    return this.app.policy?.locked.includes(field) ?? false;
  }

  #connection() {
    return {
      baseUrl: this.url,
      tenant: this.tenant.trim(),
      tlsPin: this.tlsPin,
      allowHttp: this.allowHttp,
      ...(this.appKey ? { appKey: this.appKey } : {}),
      ...(this.editing && !this.appKey ? { profileId: this.editing.id } : {}),
    };
  }

  async test(): Promise<boolean> {
    this.busy = 'test';
    this.outcome = null;
    const r = await bridge.connection.test(this.#connection());
    this.busy = null;
    if (r.ok) {
      this.outcome = { ok: true, extensions: r.data.extensions, tenant: r.data.tenant };
      return true;
    }
    this.outcome = { ok: false, error: r.error };
    if (r.error.code === 'TLS_UNTRUSTED' || r.error.code === 'TLS_CHANGED') await this.#askTrust(r.error);
    return false;
  }

  cancelTest(): void {
    void bridge.connection.cancel();
  }

  async #askTrust(error: AppErrorData): Promise<void> {
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    if (error.code === 'TLS_CHANGED') {
      this.trust = {
        mode: 'changed',
        cert: null,
        expected: str(error.detail?.expectedFingerprint256) ?? this.tlsPin,
        presented: str(error.detail?.fingerprint256),
      };
      return;
    }
    this.trust = { mode: 'untrusted', cert: null, expected: null, presented: null };
    const probe = await bridge.connection.probeCertificate({ baseUrl: this.url });
    if (probe.ok) this.trust = { ...this.trust, cert: probe.data };
    else {
      this.trust = null;
      this.outcome = { ok: false, error: probe.error };
    }
  }

  /** Pins the certificate the user compared, then tests again (with the key typed, if needed). */
  trustCertificate(fingerprint: string): void {
    this.tlsPin = fingerprint;
    this.trust = null;
    if (this.needsKey) {
      this.outcome = {
        ok: false,
        error: {
          code: 'KEY_REQUIRED',
          // Shown as the catalogue's errorReasons.KEY_REQUIRED.certificate-accepted.
          message: ERROR_CODES.KEY_REQUIRED,
          detail: { reason: 'certificate-accepted' },
        },
      };
      return;
    }
    void this.test();
  }

  async save(storage: KeyStorage = 'keychain'): Promise<void> {
    this.busy = 'save';
    this.outcome = null;
    this.offerSession = false;
    const { profileId: _p, ...conn } = this.#connection();
    const saved = await bridge.profiles.save({
      ...((this.#savedId ?? this.editing) ? { id: this.#savedId ?? this.editing?.id } : {}),
      ...conn,
      label: this.label.trim() || (URL.parse(this.url)?.host ?? 'PBX'),
      myExtension: this.myExtension.trim() || null,
      showOthersVoicemail: this.showOthersVoicemail,
      dialScheme: this.editing?.dialScheme ?? this.app.settings?.dialScheme ?? 'tel',
      ...(this.appKey ? { keyStorage: storage } : {}),
    });
    if (!saved.ok) {
      this.busy = null;
      this.outcome = { ok: false, error: saved.error };
      this.offerSession = KEYCHAIN_CODES.has(saved.error.code) && this.appKey.length > 0;
      return;
    }
    this.#savedId = saved.data.id;
    this.appKey = '';
    const ok = await this.app.activate(saved.data.id);
    this.busy = null;
    if (ok) this.app.closeForm();
    else if (this.app.error) this.outcome = { ok: false, error: this.app.error };
  }

  async demo(): Promise<void> {
    this.busy = 'demo';
    const error = await this.app.useDemo();
    this.busy = null;
    if (error) this.outcome = { ok: false, error };
  }
}

function originOf(url: string): string {
  return URL.parse(url)?.origin ?? url;
}
