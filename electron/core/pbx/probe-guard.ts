// connection:probe-certificate as the window may use it. The window (or a script that got into
// it) must not turn the core into a port scanner for the agent's network: every address with no
// TLS certificate gets the same answer (closed, filtered, open but not TLS, unknown host), and
// probes are rate-limited (a token bucket: a few at once, then one per interval). The CLI's
// `certificate` command keeps the detailed errors: it is the user's own tool, not the window.
import { AppError, toAppError } from '../app-error.js';
import type { CertificateInfo } from '../shared/contract.js';
import { probeCertificate } from './tls-trust.js';

export interface ProbeGuardOptions {
  /** Probes allowed at once (default 5). */
  burst?: number;
  /** One more probe is allowed after each interval (default 12 s: five a minute). */
  refillMs?: number;
  now?: () => number;
  probe?: (baseUrl: string) => Promise<CertificateInfo>;
}

/** Errors that depend only on the request or the caller, not on what listens at the address. */
const PASS_THROUGH = new Set(['INVALID_REQUEST', 'CANCELLED']);

/** A probe handler with its own limiter (one per app core). */
export function guardedProbe(
  opts: ProbeGuardOptions = {},
): (req: { baseUrl: string }) => Promise<CertificateInfo> {
  const burst = opts.burst ?? 5;
  const refillMs = opts.refillMs ?? 12_000;
  const now = opts.now ?? Date.now;
  const probe = opts.probe ?? ((url: string) => probeCertificate(url));
  let tokens = burst;
  let last = now();

  return async ({ baseUrl }) => {
    const t = now();
    tokens = Math.min(burst, tokens + (t - last) / refillMs);
    last = t;
    if (tokens < 1) {
      throw new AppError('PROBE_RATE_LIMITED', undefined, {
        detail: { retryAfterSec: Math.ceil(((1 - tokens) * refillMs) / 1000) },
      });
    }
    tokens -= 1;
    try {
      return await probe(baseUrl);
    } catch (err) {
      const e = toAppError(err);
      if (PASS_THROUGH.has(e.code)) throw e;
      throw new AppError('NO_TLS_CERTIFICATE');
    }
  };
}
