import { dirname, resolve } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import type {
  EciClusterAuthContext,
  EciClusterAuthStrategy,
  EciClusterConnection,
} from '@eci-portal/plugin-eci-image-cache-node';

/**
 * `authProvider: kubeconfig`, for local development: the API server and the
 * credentials of one context of a kubeconfig file (`kubeconfigContext`, default
 * its current context). A configured `url`, `caData`, `caFile` or
 * `skipTLSVerify` overrides the kubeconfig's.
 */
export class KubeconfigStrategy implements EciClusterAuthStrategy {
  connect(context: EciClusterAuthContext): EciClusterConnection {
    const path = context.config.getOptionalString('kubeconfigPath')?.trim();
    if (!path) {
      throw context.invalid(
        'kubeconfigPath',
        'is required with authProvider "kubeconfig" (the path of a kubeconfig file)',
      );
    }
    const file = resolve(path);
    const kubeConfig = new KubeConfig();
    try {
      kubeConfig.loadFromFile(file);
    } catch (error) {
      throw context.invalid(
        'kubeconfigPath',
        `cannot read a kubeconfig from ${file}: ${(error as Error).message}`,
      );
    }
    kubeConfig.makePathsAbsolute(dirname(file));
    const contextName =
      context.config.getOptionalString('kubeconfigContext') ??
      kubeConfig.getCurrentContext();
    const kubeContext = contextName
      ? kubeConfig.getContextObject(contextName)
      : null;
    if (!kubeContext) {
      const known = kubeConfig.getContexts().map(c => c.name);
      throw context.invalid(
        'kubeconfigContext',
        `${
          contextName ? `context "${contextName}" is not` : 'no context is'
        } in ${file} (contexts: ${known.join(', ') || 'none'})`,
      );
    }
    const cluster = kubeConfig.getCluster(kubeContext.cluster);
    const user = kubeConfig.getUser(kubeContext.user);
    if (!cluster || !user) {
      throw context.invalid(
        'kubeconfigContext',
        `context "${kubeContext.name}" in ${file} names ${
          cluster
            ? `user "${kubeContext.user}"`
            : `cluster "${kubeContext.cluster}"`
        }, which the file does not define`,
      );
    }
    const { configured } = context;
    const ownTrust =
      configured.caData !== undefined ||
      configured.caFile !== undefined ||
      configured.skipTLSVerify;
    const { name: _user, ...credentials } = user;
    return {
      endpoint: {
        server: configured.server ?? cluster.server,
        caData: ownTrust ? configured.caData : cluster.caData,
        caFile: ownTrust ? configured.caFile : cluster.caFile,
        skipTLSVerify: ownTrust
          ? configured.skipTLSVerify
          : cluster.skipTLSVerify,
        tlsServerName: cluster.tlsServerName,
      },
      user: credentials,
    };
  }
}
