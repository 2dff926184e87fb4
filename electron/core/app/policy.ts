// The administrator's policy: a machine-wide file the agent cannot write that fixes the PBX
// address, the tenant, the agent's extension and the voicemail privacy, and may lock them. A
// locked value is what every profile gets and what the core accepts, whatever the window sends;
// values that are not locked only prefill a new profile. A file that exists but cannot be trusted
// (unreadable, malformed, writable by the agent) fails closed: no profile can be saved or tested.
import { readFile, stat } from 'node:fs/promises';
import { win32 } from 'node:path';
import { z } from 'zod';
import { AppError } from '../app-error.js';
import { normalizeBaseUrl } from '../pbx/url.js';
import type { Profile } from '../shared/domain.js';
import type { PolicyInfo } from '../shared/contract.js';

const LOCKABLE = ['baseUrl', 'tenant', 'myExtension', 'showOthersVoicemail'] as const;
export type Lockable = (typeof LOCKABLE)[number];

const PolicyFileSchema = z
  .object({
    version: z.literal(1),
    baseUrl: z.string().min(1).max(2048).optional(),
    tenant: z.string().max(100).optional(),
    myExtension: z.string().max(32).nullable().optional(),
    showOthersVoicemail: z.boolean().optional(),
    locked: z.array(z.enum(LOCKABLE)).max(LOCKABLE.length).default([]),
  })
  .strict();

/** Where administrators put the policy on each platform (documented in the README). */
export function defaultPolicyPath(platform = process.platform, env = process.env): string {
  if (platform === 'win32')
    return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'VitalPBX Directory', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/VitalPBX Directory/policy.json';
  return '/etc/vitalpbx-directory/policy.json';
}

export class Policy {
  constructor(
    readonly info: PolicyInfo | null,
    readonly error: AppError | null,
  ) {}

  static none(): Policy {
    return new Policy(null, null);
  }

  /** Reads the policy file; a missing file is no policy, anything else wrong fails closed. */
  static async load(path: string): Promise<Policy> {
    let text: string;
    try {
      const st = await stat(path);
      // A file the agent can rewrite is a preference, not a control: refuse to trust it.
      const ownedByAgent =
        process.getuid !== undefined && process.getuid() !== 0 && st.uid === process.getuid();
      if (process.platform !== 'win32' && ((st.mode & 0o022) !== 0 || ownedByAgent)) {
        return failed(path, 'it can be changed by users other than the administrator');
      }
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return Policy.none();
      return failed(path, 'it cannot be read');
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return failed(path, 'it is not valid JSON');
    }
    const parsed = PolicyFileSchema.safeParse(raw);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))].join(', ');
      return failed(path, `check ${fields}`);
    }
    const { locked, version: _v, ...values } = parsed.data;
    try {
      if (values.baseUrl !== undefined) values.baseUrl = normalizeBaseUrl(values.baseUrl);
    } catch {
      return failed(path, 'check baseUrl');
    }
    for (const field of locked) {
      if (values[field] === undefined) return failed(path, `"${field}" is locked but has no value`);
    }
    return new Policy({ path, values, locked: [...new Set(locked)] }, null);
  }

  isLocked(field: Lockable): boolean {
    return this.info?.locked.includes(field) ?? false;
  }

  /** The profile as the policy makes it: locked fields take the administrator's values. */
  apply(profile: Profile): Profile {
    if (!this.info || profile.demo) return profile;
    const out = { ...profile };
    const v = this.info.values;
    for (const field of this.info.locked) {
      if (field === 'baseUrl' && v.baseUrl !== undefined) out.baseUrl = v.baseUrl;
      if (field === 'tenant' && v.tenant !== undefined) out.tenant = v.tenant;
      if (field === 'myExtension' && v.myExtension !== undefined) out.myExtension = v.myExtension;
      if (field === 'showOthersVoicemail' && v.showOthersVoicemail !== undefined)
        out.showOthersVoicemail = v.showOthersVoicemail;
    }
    return out;
  }

  /** Refuses a request that would set a locked field to another value (or any request, when
   *  the policy file could not be trusted). */
  check(request: Partial<Record<Lockable, unknown>>): void {
    if (this.error) throw this.error;
    if (!this.info) return;
    for (const field of this.info.locked) {
      if (!(field in request) || request[field] === undefined) continue;
      let given = request[field];
      if (field === 'baseUrl' && typeof given === 'string') {
        try {
          given = normalizeBaseUrl(given);
        } catch {
          /* compared as typed: it differs */
        }
      }
      if (given !== this.info.values[field]) {
        throw new AppError('POLICY_LOCKED', undefined, { detail: { field } });
      }
    }
  }
}

function failed(path: string, why: string): Policy {
  return new Policy(
    null,
    new AppError(
      'POLICY_INVALID',
      `The administrator's policy file ${path} cannot be used: ${why}. Ask your administrator to fix it.`,
      { detail: { path } },
    ),
  );
}
