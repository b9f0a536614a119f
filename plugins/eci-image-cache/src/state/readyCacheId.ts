import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';
import { targetCluster } from './warmthVerdict';

/** The id of the Ready managed cache a pinned workflow of the entity uses, if there is one. */
export function readyCacheIdOf(state: EntityStateResponse): string | undefined {
  return (
    targetCluster(state)?.caches.find(
      cache =>
        cache.managed && cache.usable && !cache.expired && !cache.deleting,
    )?.imageCacheId ?? undefined
  );
}
