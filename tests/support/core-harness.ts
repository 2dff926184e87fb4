// Test harness for the app core: a fresh data folder, a core over it, and a log of every result
// and event that would cross IPC (for the secret-leak checks).
import { afterEach } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore, type AppCoreOptions } from '../../electron/core/app/app-core.js';
import type { Channel } from '../../electron/core/shared/channels.js';
import type { RequestOf, ResultOf } from '../../electron/core/shared/contract.js';
import type { Result } from '../../electron/core/shared/errors.js';
import type { SecretStore } from '../../electron/core/credentials/keychain.js';
import { AppError } from '../../electron/core/app-error.js';

export interface Harness {
  core: AppCore;
  dataDir: string;
  /** Everything that crossed the boundary, as JSON text. */
  wire: string[];
  call<C extends Channel>(channel: C, request?: RequestOf<C>): Promise<Result<ResultOf<C>>>;
  ok<C extends Channel>(channel: C, request?: RequestOf<C>): Promise<ResultOf<C>>;
  close(): Promise<void>;
}

export async function tempDir(prefix = 'vpbx-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function makeHarness(dataDir?: string, extra: Partial<AppCoreOptions> = {}): Promise<Harness> {
  const dir = dataDir ?? (await tempDir());
  const core = createAppCore({
    dataDir: dir,
    capabilities: { host: 'browser', version: '0.0.0-test' },
    ...extra,
  });
  const wire: string[] = [];
  const unsubscribe = core.events.subscribe((event, payload) =>
    wire.push(JSON.stringify({ event, payload })),
  );
  // A channel without a request is called without one (its RequestOf is undefined).
  const call = async <C extends Channel>(channel: C, request?: RequestOf<C>) => {
    const result = await core.call(channel, request as RequestOf<C>, { host: 'test' });
    wire.push(
      JSON.stringify(result, (_k, v: unknown) =>
        v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
      ),
    );
    return result;
  };
  return {
    core,
    dataDir: dir,
    wire,
    call,
    async ok(channel, request) {
      const r = await call(channel, request);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.data;
    },
    async close() {
      unsubscribe();
      await core.dispose();
    },
  };
}

/** Every file below `dir`, with its bytes as latin1 text (so any byte string can be searched). */
export async function readTree(dir: string): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, text: (await readFile(path)).toString('latin1') });
  }
  return out;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export async function until<T>(
  fn: () => T | Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 8000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end)
      throw new Error(
        `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(v)?.slice(0, 300)}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A keychain whose every call fails with `code`, as a locked or missing one does. */
export function brokenKeychain(code: 'KEYCHAIN_LOCKED' | 'KEYCHAIN_UNAVAILABLE'): SecretStore {
  const fail = async (): Promise<never> => Promise.reject(new AppError(code));
  return { probe: fail, get: fail, has: fail, set: fail, delete: fail };
}

/** A list of clean-up steps run (last first) after each test of the file that calls this. */
export function cleanupsAfterEach(): (() => Promise<unknown>)[] {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    while (cleanups.length)
      await cleanups
        .pop()?.()
        .catch(() => {});
  });
  return cleanups;
}

/** The connection form as a test fills it for a demo PBX: plain HTTP allowed, the key typed. */
export function profileForm(p: { origin: string; tenant: string; appKey: string }, label = 'Office') {
  return {
    label,
    baseUrl: p.origin,
    tenant: p.tenant,
    tlsPin: null,
    myExtension: null as string | null,
    allowHttp: true,
    showOthersVoicemail: false,
    dialScheme: 'tel' as const,
    appKey: p.appKey,
  };
}
