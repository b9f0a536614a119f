import {
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';

/** Phases in which ECI is still building or changing a cache. */
const PHASES_IN_PROGRESS: ReadonlySet<string> = new Set([
  'Preparing',
  'Creating',
  'Updating',
]);

/**
 * Whether ECI is still building, changing or deleting the cache; a managed cache without a phase
 * was just created and ECI has not reported on it yet.
 */
export function isCacheInProgress(cache: ImageCacheView): boolean {
  if (cache.deleting) {
    return true;
  }
  if (cache.phase === null) {
    return cache.managed;
  }
  return PHASES_IN_PROGRESS.has(cache.phase);
}

/** Whether any cache of any cluster is in progress. */
export function hasCacheInProgress(state: EntityStateResponse): boolean {
  return state.clusters.some(cluster => cluster.caches.some(isCacheInProgress));
}
