import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

/** A user of the kubeconfig: a bearer token, or a client certificate and key (PEM). */
export type KubeconfigUser =
  | { name: string; token: string }
  | { name: string; clientCertificate: { cert: string; key: string } };

const base64 = (pem: string) => Buffer.from(pem).toString('base64');

function credentials(user: KubeconfigUser): Record<string, string> {
  if ('token' in user) return { token: user.token };
  return {
    'client-certificate-data': base64(user.clientCertificate.cert),
    'client-key-data': base64(user.clientCertificate.key),
  };
}

export interface KubeconfigOptions {
  clusterName: string;
  server: string;
  caData?: string;
  /** The first user becomes the current context. */
  users: KubeconfigUser[];
}

/** A kubeconfig with one context per user; the first user's context is `<cluster>`. */
export function renderKubeconfig(options: KubeconfigOptions): string {
  const cluster: Record<string, string | boolean> = { server: options.server };
  if (options.caData)
    cluster['certificate-authority-data'] = base64(options.caData);
  // @kubernetes/client-node 2.x refuses plain-HTTP servers unless verification is explicitly skipped.
  if (options.server.startsWith('http:'))
    cluster['insecure-skip-tls-verify'] = true;
  const contextName = (user: KubeconfigUser, index: number) =>
    index === 0 ? options.clusterName : `${options.clusterName}-${user.name}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: options.clusterName, cluster }],
    users: options.users.map(user => ({
      name: `${options.clusterName}-${user.name}`,
      user: credentials(user),
    })),
    contexts: options.users.map((user, i) => ({
      name: contextName(user, i),
      context: {
        cluster: options.clusterName,
        user: `${options.clusterName}-${user.name}`,
      },
    })),
    'current-context': options.clusterName,
    preferences: {},
  });
}

export function writeKubeconfig(
  path: string,
  options: KubeconfigOptions,
): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderKubeconfig(options), { mode: 0o600 });
}
