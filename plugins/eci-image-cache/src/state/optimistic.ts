import {
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';

/** The state with `cache` added to (or replacing its namesake on) its cluster. */
export function withCache(
  state: EntityStateResponse,
  cache: ImageCacheView,
): EntityStateResponse {
  return {
    ...state,
    clusters: state.clusters.map(cluster =>
      cluster.name !== cache.cluster
        ? cluster
        : {
            ...cluster,
            caches: [
              cache,
              ...cluster.caches.filter(other => other.name !== cache.name),
            ],
          },
    ),
  };
}

/** The state with one cache marked as being deleted. */
export function withCacheDeleting(
  state: EntityStateResponse,
  clusterName: string,
  cacheName: string,
): EntityStateResponse {
  return {
    ...state,
    clusters: state.clusters.map(cluster =>
      cluster.name !== clusterName
        ? cluster
        : {
            ...cluster,
            caches: cluster.caches.map(cache =>
              cache.name === cacheName ? { ...cache, deleting: true } : cache,
            ),
          },
    ),
  };
}
