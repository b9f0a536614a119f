import { ClusterInfo } from '@eci-portal/plugin-eci-image-cache-common';

/** Why a value is not a configured cluster (a value from the URL or an edited form). */
export function clusterProblems(
  value: string,
  clusters: readonly ClusterInfo[],
): string[] {
  if (clusters.some(cluster => cluster.name === value)) {
    return [];
  }
  return [
    `"${value}" is not a configured cluster (configured: ${
      clusters.map(cluster => cluster.name).join(', ') || 'none'
    }).`,
  ];
}
