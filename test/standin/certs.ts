/** Throwaway CAs and server certificates for the tests (EC P-256: fast). */
import { generate } from 'selfsigned';

export interface Certificates {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

export interface KeyPair {
  readonly cert: string;
  readonly key: string;
}

/** A subject alternative name: a DNS name or an IP address. */
export type AltName = { readonly dns: string } | { readonly ip: string };

// Back-dated an hour so that clock skew between processes never makes the chain "not yet valid".
const validity = (): { notBeforeDate: Date; notAfterDate: Date } => ({ notBeforeDate: new Date(Date.now() - 3600_000), notAfterDate: new Date(Date.now() + 7 * 24 * 3600_000) });

/** A self-signed CA that can sign server certificates. */
export async function certificateAuthority(commonName: string): Promise<KeyPair> {
  const ca = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity(),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: ca.cert, key: ca.private };
}

/** A server certificate for `names`, signed by `ca`. */
export async function serverCertificate(ca: KeyPair, commonName: string, names: readonly AltName[]): Promise<KeyPair> {
  const server = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity(),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => ('dns' in n ? { type: 2, value: n.dns } : { type: 7, ip: n.ip })) },
    ],
  });
  return { cert: server.cert, key: server.private };
}

/** The API stand-in's CA and its certificate for 127.0.0.1/localhost. */
export async function generateCertificates(): Promise<Certificates> {
  const ca = await certificateAuthority('kube-apiserver-standin-ca');
  const server = await serverCertificate(ca, 'kube-apiserver', [{ dns: 'localhost' }, { dns: 'kubernetes.default.svc' }, { ip: '127.0.0.1' }, { ip: '::1' }]);
  return { caPem: ca.cert, certPem: server.cert, keyPem: server.key };
}
