import {
  EntityClusterView,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';

/** The clusters worth a section: the target cluster, then others with caches or errors. */
export function visibleClusters(
  state: EntityStateResponse,
): EntityClusterView[] {
  const shown = state.clusters.filter(
    cluster => cluster.target || cluster.caches.length > 0 || cluster.error,
  );
  return [
    ...shown.filter(cluster => cluster.target),
    ...shown.filter(cluster => !cluster.target),
  ];
}
