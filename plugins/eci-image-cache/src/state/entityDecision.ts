import {
  CacheDecision,
  decideCache,
  EntityClusterView,
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';

/** The cluster the entity's workflows run on. */
export function targetCluster(
  state: EntityStateResponse,
): EntityClusterView | undefined {
  return (
    state.clusters.find(cluster => cluster.target) ??
    state.clusters.find(cluster => cluster.name === state.config?.cluster.value)
  );
}

/**
 * Common's cache decision for the entity's workflows on `cluster` (default: its target cluster),
 * with no choice made: the tab's verdict, the YAML panel's default mode and the cache picker read it.
 * Undefined while the configuration is invalid or the cluster is not configured.
 */
export function entityCacheDecision(
  state: EntityStateResponse,
  now: Date,
  cluster: EntityClusterView | undefined = targetCluster(state),
): CacheDecision<ImageCacheView> | undefined {
  if (!state.config || !cluster) {
    return undefined;
  }
  return decideCache({
    entityRef: state.entityRef,
    entityCacheMode: state.config.cacheMode.value,
    cluster,
    images: state.config.images.value,
    now,
  });
}
