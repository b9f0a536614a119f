import {
  imageCacheMatchesImages,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';

/**
 * The entity's own managed cache of exactly these images that is still usable or on its way
 * (not Failed, expired or being deleted), so that ensuring twice never creates a second cache.
 */
export function findManagedCache(
  caches: readonly ImageCacheView[],
  entityRef: string,
  images: readonly string[],
): ImageCacheView | undefined {
  return caches
    .filter(
      cache =>
        cache.managed &&
        cache.entityRef === entityRef &&
        !cache.deleting &&
        !cache.expired &&
        cache.phase !== 'Failed' &&
        cache.phase !== 'UpdateFailed' &&
        imageCacheMatchesImages({ spec: { images: cache.images } }, images),
    )
    .sort((a, b) => {
      const byRole = Number(b.role === 'active') - Number(a.role === 'active');
      if (byRole !== 0) {
        return byRole;
      }
      return (b.creationTimestamp ?? '').localeCompare(
        a.creationTimestamp ?? '',
      );
    })[0];
}
