import { KubeConfig } from '@kubernetes/client-node';
import { ClusterConfig } from '../config/pluginConfig';

/** A KubeConfig for one configured cluster, from the connection its auth strategy read. */
export function kubeConfigForCluster(cluster: ClusterConfig): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromClusterAndUser(
    { name: cluster.name, ...cluster.connection.endpoint },
    { name: 'backstage', ...cluster.connection.user },
  );
  return kubeConfig;
}
