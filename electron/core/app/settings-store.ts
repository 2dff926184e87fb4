// App-wide settings (theme, language, dial scheme, voicemail polling and marking heard, global
// shortcut, start at login) in
// <dataDir>/settings.json, guarded like the profiles: atomic writes, previous copy on damage.
import { join } from 'node:path';
import { AppError } from '../app-error.js';
import { shortcutProblem } from '../shared/accelerator.js';
import { SettingsSchema, type Settings } from '../shared/contract.js';
import { GuardedJsonFile } from '../store/guarded-json.js';
import { SerialQueue } from '../store/serial-queue.js';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'system',
  dialScheme: 'tel',
  voicemailPollSeconds: 60,
  refreshMinutes: 15,
  globalShortcut: 'CommandOrControl+Alt+D',
  startAtLogin: false,
  voicemailMarkHeardAtEnd: true,
};

export class SettingsStore {
  readonly #file: GuardedJsonFile<Settings>;
  readonly #queue = new SerialQueue();

  constructor(dataDir: string) {
    this.#file = new GuardedJsonFile(join(dataDir, 'settings.json'), (raw) => {
      // Fields added in later versions fall back to their defaults instead of failing the file.
      const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(raw as object) });
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'invalid settings' };
    });
  }

  get(): Promise<Settings> {
    return this.#queue.run('settings', async () => (await this.#file.read())?.value ?? DEFAULT_SETTINGS);
  }

  update(patch: { [K in keyof Settings]?: Settings[K] | undefined }): Promise<Settings> {
    // The global shortcut policy (see accelerator.ts): refused here, whatever the window checked.
    const problem = patch.globalShortcut === undefined ? null : shortcutProblem(patch.globalShortcut);
    if (problem) return Promise.reject(new AppError('SHORTCUT_NOT_ALLOWED', problem));
    return this.#queue.run('settings', async () => {
      const current = (await this.#file.read())?.value ?? DEFAULT_SETTINGS;
      // A field sent as `undefined` means "unchanged", never "reset to nothing".
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = SettingsSchema.parse({ ...current, ...given });
      await this.#file.write(`${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
  }
}
