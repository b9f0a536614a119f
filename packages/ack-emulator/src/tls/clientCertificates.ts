import { generate } from 'selfsigned';

export interface CertificateAuthority {
  cert: string;
  key: string;
}

export interface ClientCertificate {
  cert: string;
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const UNSAFE_IN_NAME = /[,=+<>#;"\\]/;

/**
 * A client certificate for `user` in `groups` (subject CN and O, as kube-apiserver
 * reads them), signed by `ca`, valid for `days`.
 */
export async function issueClientCertificate(
  ca: CertificateAuthority,
  user: string,
  groups: string[] = [],
  days = 365,
): Promise<ClientCertificate> {
  for (const value of [user, ...groups]) {
    if (!value || UNSAFE_IN_NAME.test(value))
      throw new Error(
        `invalid certificate user or group "${value}": must be non-empty without , = + < > # ; " \\`,
      );
  }
  const issued = await generate(
    [
      { name: 'commonName', value: user },
      ...groups.map(group => ({ name: 'organizationName', value: group })),
    ],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 60_000),
      notAfterDate: new Date(Date.now() + days * DAY_MS),
      ca,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true },
      ],
    },
  );
  return { cert: issued.cert, key: issued.private };
}
