import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigUser {
  name: string;
  token: string;
}

export interface KubeconfigOptions {
  clusterName: string;
  server: string;
  caData?: string;
  /** The first user becomes the current context. */
  users: KubeconfigUser[];
}

/** A kubeconfig with one context per token user; `<cluster>` is the admin context. */
export function renderKubeconfig(options: KubeconfigOptions): string {
  const cluster: Record<string, string | boolean> = { server: options.server };
  if (options.caData)
    cluster['certificate-authority-data'] = Buffer.from(
      options.caData,
    ).toString('base64');
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
      user: { token: user.token },
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
