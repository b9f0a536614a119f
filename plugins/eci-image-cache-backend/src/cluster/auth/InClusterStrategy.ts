import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type {
  EciClusterAuthContext,
  EciClusterAuthStrategy,
  EciClusterConnection,
} from '@eci-portal/plugin-eci-image-cache-node';

/** Where Kubernetes mounts a pod's service account token and cluster CA. */
export const SERVICE_ACCOUNT_DIRECTORY =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * `authProvider: inCluster`: Backstage runs in the cluster and uses its pod's
 * service account. The token file is re-read by the client, so rotated tokens
 * keep working; the API server defaults to the in-cluster service address and
 * its CA to the mounted one.
 */
export class InClusterStrategy implements EciClusterAuthStrategy {
  constructor(
    private readonly options: {
      directory?: string;
      env?: NodeJS.ProcessEnv;
    } = {},
  ) {}

  connect(context: EciClusterAuthContext): EciClusterConnection {
    const directory = this.options.directory ?? SERVICE_ACCOUNT_DIRECTORY;
    const tokenFile = join(directory, 'token');
    if (!existsSync(tokenFile)) {
      throw context.invalid(
        'authProvider',
        `"inCluster" needs the pod's service account token at ${tokenFile}, which does not exist (is Backstage running in a pod with automountServiceAccountToken?)`,
      );
    }
    const env = this.options.env ?? process.env;
    const { configured } = context;
    const server =
      configured.server ??
      (env.KUBERNETES_SERVICE_HOST
        ? `https://${
            env.KUBERNETES_SERVICE_HOST.includes(':')
              ? `[${env.KUBERNETES_SERVICE_HOST}]`
              : env.KUBERNETES_SERVICE_HOST
          }:${env.KUBERNETES_SERVICE_PORT ?? '443'}`
        : undefined);
    if (!server) {
      throw context.invalid(
        'url',
        'is required with authProvider "inCluster" when KUBERNETES_SERVICE_HOST is not set',
      );
    }
    const ownTrust =
      configured.caData !== undefined ||
      configured.caFile !== undefined ||
      configured.skipTLSVerify;
    return {
      endpoint: {
        ...configured,
        server,
        caFile: ownTrust ? configured.caFile : join(directory, 'ca.crt'),
      },
      user: { authProvider: { name: 'tokenFile', config: { tokenFile } } },
    };
  }
}
