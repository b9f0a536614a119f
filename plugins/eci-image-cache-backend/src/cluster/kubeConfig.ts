import { KubeConfig } from '@kubernetes/client-node';
import { ClusterConfig } from '../config/pluginConfig';

const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * A KubeConfig for one configured cluster. Without a configured token the backend
 * authenticates with its own in-cluster service account (token file re-read by the client).
 */
export function kubeConfigForCluster(cluster: ClusterConfig): KubeConfig {
  const inCluster = cluster.serviceAccountToken === undefined;
  const useInClusterCa =
    inCluster &&
    !cluster.caData &&
    !cluster.caFile &&
    !cluster.skipTLSVerify &&
    cluster.url.startsWith('https:');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    {
      name: cluster.name,
      server: cluster.url,
      skipTLSVerify: cluster.skipTLSVerify,
      caData: cluster.caData,
      caFile: useInClusterCa ? `${SERVICE_ACCOUNT_DIR}/ca.crt` : cluster.caFile,
    },
    inCluster
      ? {
          name: 'backstage',
          authProvider: {
            name: 'tokenFile',
            config: { tokenFile: `${SERVICE_ACCOUNT_DIR}/token` },
          },
        }
      : { name: 'backstage', token: cluster.serviceAccountToken },
  );
  return kubeConfig;
}
