import type {
  EciClusterAuthContext,
  EciClusterAuthStrategy,
  EciClusterConnection,
} from '@eci-portal/plugin-eci-image-cache-node';

/** `authProvider: serviceAccount`: the bearer token of a service account, from config. */
export class ServiceAccountTokenStrategy implements EciClusterAuthStrategy {
  connect(context: EciClusterAuthContext): EciClusterConnection {
    const token = context.config.getOptionalString('serviceAccountToken');
    if (!token?.trim()) {
      throw context.invalid(
        'serviceAccountToken',
        'is required with authProvider "serviceAccount" (when Backstage runs in the cluster, use authProvider "inCluster" instead)',
      );
    }
    return {
      endpoint: context.requireEndpoint(),
      user: { token: token.trim() },
    };
  }
}
