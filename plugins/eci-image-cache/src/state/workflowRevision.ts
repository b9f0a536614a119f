import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';

/**
 * A key of everything in the entity state that the generated workflow depends on: the effective
 * configuration, the saved settings, each cluster's ACR value and its caches' ids and phases.
 * The workflow panel reloads when it changes, so every panel shows the same state.
 */
export function workflowRevision(state: EntityStateResponse): string {
  return JSON.stringify([
    state.config,
    state.settings?.settings ?? null,
    state.clusters.map(cluster => [
      cluster.name,
      cluster.acr.annotationValue,
      cluster.caches.map(cache => [
        cache.name,
        cache.imageCacheId,
        cache.phase,
        cache.expired,
        cache.deleting,
      ]),
    ]),
  ]);
}
