// The demo PBX's TLS identity: a fresh self-signed certificate for 127.0.0.1 (as most PBXs in
// the field have), or one passed in so a test can restart with the same or a different one.
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export interface TlsIdentity {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, `AA:BB:...` upper-case, as Node's `cert.fingerprint256`. */
  fingerprint256: string;
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

export async function makeSelfSigned(): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'demo-pbx.local' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export async function tlsIdentity(given?: { key: string; cert: string }): Promise<TlsIdentity> {
  const pair = given ?? (await makeSelfSigned());
  return { ...pair, fingerprint256: fingerprintOf(pair.cert) };
}
