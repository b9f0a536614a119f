import type { EciClusterAuthStrategy } from '@eci-portal/plugin-eci-image-cache-node';
import { ClientCertificateStrategy } from './ClientCertificateStrategy';
import { InClusterStrategy } from './InClusterStrategy';
import { KubeconfigStrategy } from './KubeconfigStrategy';
import { ServiceAccountTokenStrategy } from './ServiceAccountTokenStrategy';

/** The strategies of the plugin itself, by `authProvider`; modules add more through the extension point. */
export function builtInAuthStrategies(): Map<string, EciClusterAuthStrategy> {
  return new Map<string, EciClusterAuthStrategy>([
    ['serviceAccount', new ServiceAccountTokenStrategy()],
    ['clientCertificate', new ClientCertificateStrategy()],
    ['inCluster', new InClusterStrategy()],
    ['kubeconfig', new KubeconfigStrategy()],
  ]);
}
