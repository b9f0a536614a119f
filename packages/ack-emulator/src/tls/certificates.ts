import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  caCert: string;
  /** The CA's private key: signs client certificates. */
  caKey: string;
  cert: string;
  key: string;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

async function createCa(): Promise<{ cert: string; key: string }> {
  const ca = await generate(
    [{ name: 'commonName', value: 'ack-emulator-ca' }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 60_000),
      notAfterDate: new Date(Date.now() + 10 * YEAR_MS),
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        {
          name: 'keyUsage',
          keyCertSign: true,
          cRLSign: true,
          digitalSignature: true,
          critical: true,
        },
      ],
    },
  );
  return { cert: ca.cert, key: ca.private };
}

/**
 * A self-signed CA plus a server certificate for the given hosts. With
 * `directory`, the CA is written there (ack-emulator-ca.crt/.key) and reused on
 * later starts so existing kubeconfigs keep trusting the server.
 */
export async function createTlsMaterial(
  hosts: string[],
  directory?: string,
): Promise<TlsMaterial> {
  let ca: { cert: string; key: string } | undefined;
  const caCertPath = directory
    ? join(directory, 'ack-emulator-ca.crt')
    : undefined;
  const caKeyPath = directory
    ? join(directory, 'ack-emulator-ca.key')
    : undefined;
  if (
    caCertPath &&
    caKeyPath &&
    existsSync(caCertPath) &&
    existsSync(caKeyPath)
  ) {
    ca = {
      cert: readFileSync(caCertPath, 'utf8'),
      key: readFileSync(caKeyPath, 'utf8'),
    };
  } else {
    ca = await createCa();
    if (caCertPath && caKeyPath) {
      mkdirSync(dirname(caCertPath), { recursive: true });
      writeFileSync(caCertPath, ca.cert);
      writeFileSync(caKeyPath, ca.key, { mode: 0o600 });
    }
  }
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hosts])];
  const server = await generate(
    [{ name: 'commonName', value: 'ack-emulator' }],
    {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 60_000),
      notAfterDate: new Date(Date.now() + YEAR_MS),
      ca: { cert: ca.cert, key: ca.key },
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        {
          name: 'keyUsage',
          digitalSignature: true,
          keyEncipherment: true,
          critical: true,
        },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: names.map(n =>
            isIP(n)
              ? { type: 7 as const, ip: n }
              : { type: 2 as const, value: n },
          ),
        },
      ],
    },
  );
  return {
    caCert: ca.cert,
    caKey: ca.key,
    cert: server.cert,
    key: server.private,
  };
}
