// Certificate trust for PBX connections: opening a TLS socket that is either verified by the
// normal CA path or pinned to exactly one certificate (trust on first use), and probing a PBX's
// certificate so the user can decide whether to pin it.
import net from 'node:net';
import tls from 'node:tls';
import { AppError } from '../app-error.js';
import { CERT_UNTRUSTED_CODES, cancelled, connectError, timeoutError } from './net-errors.js';
import { normalizeBaseUrl } from './url.js';

import type { CertificateInfo } from '../shared/contract.js';

export type { CertificateInfo };

const FINGERPRINT_RE = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** 'aa:bb..', 'AABB..' or 'aa bb ..' → 'AA:BB:..'; null when it is not a SHA-256 fingerprint. */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.replace(/[^0-9a-f]/gi, '').toUpperCase();
  if (hex.length !== 64) return null;
  const out = hex.match(/../g)!.join(':');
  return FINGERPRINT_RE.test(out) ? out : null;
}

export interface SecureConnectOptions extends tls.ConnectionOptions {
  host: string;
  port: number;
}

/**
 * Opens a TLS socket and calls back only after the handshake has been judged, so no request byte
 * is ever written to a peer that was not accepted.
 * - No pin: `rejectUnauthorized: true`, the normal CA store and hostname check decide. On a
 *   verification failure a separate probe reads the presented fingerprint for the user.
 * - Pin: `rejectUnauthorized: false` is needed because a self-signed certificate can never pass
 *   the CA path; it is safe only because the peer certificate's SHA-256 fingerprint must then equal
 *   the pin exactly (checked here, on secureConnect, before the socket is handed to HTTP). A
 *   different certificate is refused even if a CA would vouch for it: the user trusted one
 *   certificate, and a silent switch is exactly what an interception looks like.
 */
export function connectSecure(
  options: SecureConnectOptions,
  pin: string | null,
  connectTimeoutMs: number,
  done: (err: Error | null, socket?: tls.TLSSocket) => void,
): void {
  let settled = false;
  const socket = tls.connect({
    ...options,
    servername: net.isIP(options.host) ? undefined : options.host,
    rejectUnauthorized: pin === null,
  });
  const finish = (err: Error | null): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    socket.off('error', onError);
    socket.off('secureConnect', onSecure);
    if (err) {
      socket.destroy();
      done(err);
    } else {
      done(null, socket);
    }
  };
  const timer = setTimeout(() => finish(timeoutError('connect')), connectTimeoutMs);
  const onError = (err: Error): void => {
    const mapped = connectError(err);
    if (mapped.code !== 'TLS_UNTRUSTED' || settled) return finish(mapped);
    clearTimeout(timer);
    probeSocket(options.host, options.port, connectTimeoutMs).then(
      (info) => finish(untrusted(mapped, info.fingerprint256)),
      () => finish(mapped),
    );
  };
  const onSecure = (): void => {
    if (pin === null) return finish(null);
    const presented = socket.getPeerCertificate().fingerprint256;
    if (!presented)
      return finish(new AppError('TLS_ERROR', undefined, { detail: { reason: 'no-certificate' } }));
    if (presented.toUpperCase() !== pin) {
      return finish(
        new AppError('TLS_CHANGED', undefined, {
          detail: { fingerprint256: presented.toUpperCase(), expectedFingerprint256: pin },
        }),
      );
    }
    finish(null);
  };
  socket.on('error', onError);
  socket.once('secureConnect', onSecure);
}

function untrusted(err: AppError, fingerprint256: string): AppError {
  return new AppError('TLS_UNTRUSTED', undefined, {
    cause: err.cause,
    detail: { ...err.detail, fingerprint256 },
  });
}

function describeName(name: unknown): string {
  if (!name || typeof name !== 'object') return '';
  return Object.entries(name as Record<string, unknown>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
    .join(', ');
}

function isoDate(s: string): string {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}

/**
 * Reads the certificate a TLS server presents. `rejectUnauthorized: false` is deliberate and
 * harmless here: the socket only completes a handshake, sends no application data, and is closed
 * at once; `trustedByCa` still reports what the normal CA path concluded.
 */
function probeSocket(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<CertificateInfo> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const socket = tls.connect({
      host,
      port,
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: false,
    });
    const end = (err: AppError | null, info?: CertificateInfo): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (err) reject(err);
      else resolve(info!);
    };
    const onAbort = (): void => end(cancelled());
    const timer = setTimeout(() => end(timeoutError('connect')), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (e) => end(connectError(e)));
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate(true);
      if (!cert?.fingerprint256) {
        return end(new AppError('TLS_ERROR', undefined, { detail: { reason: 'no-certificate' } }));
      }
      const authError = String(socket.authorizationError ?? '');
      const issuerFp = cert.issuerCertificate?.fingerprint256;
      end(null, {
        fingerprint256: cert.fingerprint256.toUpperCase(),
        subject: describeName(cert.subject),
        issuer: describeName(cert.issuer),
        validFrom: isoDate(cert.valid_from),
        validTo: isoDate(cert.valid_to),
        selfSigned:
          authError === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
          (issuerFp !== undefined && issuerFp === cert.fingerprint256),
        trustedByCa: socket.authorized && !CERT_UNTRUSTED_CODES.has(authError),
      });
    });
  });
}

function hostPort(url: URL): { host: string; port: number } {
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 443 };
}

export async function probeCertificate(
  baseUrl: string,
  opts?: { timeoutMs?: number; signal?: AbortSignal },
): Promise<CertificateInfo> {
  const url = new URL(normalizeBaseUrl(baseUrl));
  if (url.protocol !== 'https:') {
    throw new AppError(
      'INVALID_REQUEST',
      'Only https:// addresses have a certificate to check; change the address to https:// first.',
    );
  }
  const { host, port } = hostPort(url);
  return probeSocket(host, port, opts?.timeoutMs ?? 5000, opts?.signal);
}
