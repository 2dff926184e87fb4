// Child process for keychain-failures.spec.ts: runs every Keychain operation against whatever
// keychain its environment offers and prints one JSON line: per operation, its result or the
// AppError code and reason. Its stdout is checked for the secret it tries to store.
import { Keychain } from '../../../electron/core/credentials/keychain.js';
import { AppError } from '../../../electron/core/app-error.js';

const kc = new Keychain({
  service: 'vitalpbx-directory-test',
  timeoutMs: Number(process.env.KC_TIMEOUT_MS ?? 4000),
});
const ops: [string, () => Promise<unknown>][] = [
  ['probe', () => kc.probe()],
  ['get', () => kc.get('office')],
  ['has', () => kc.has('office')],
  ['set', () => kc.set('office', 'TOP-SECRET-123')],
  ['delete', () => kc.delete('office')],
];
const results: Record<string, unknown> = {};
for (const [name, op] of ops) {
  try {
    results[name] = { ok: (await op()) ?? null };
  } catch (err) {
    results[name] =
      err instanceof AppError
        ? { code: err.code, reason: err.detail?.reason, message: err.message }
        : { crash: String(err) };
  }
}
process.stdout.write(`${JSON.stringify(results)}\n`);
