import {
  CacheRole,
  imageCacheMatchesImages,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';

const ROLE_PREFERENCE: CacheRole[] = [
  'active',
  'previous',
  'unmanaged',
  'orphan',
];

/**
 * The cache a workflow may be pinned to: Ready with an id, not expiring or being deleted, and
 * holding exactly the workflow's images (caches match by exact `name:tag`). The entity's active
 * cache wins, then the newest other one.
 */
export function pickReadyCache(
  caches: readonly ImageCacheView[],
  images: readonly string[],
): ImageCacheView | undefined {
  const candidates = caches.filter(
    cache =>
      cache.usable &&
      cache.imageCacheId !== null &&
      !cache.deleting &&
      !cache.expired &&
      imageCacheMatchesImages({ spec: { images: cache.images } }, images),
  );
  return candidates.sort((a, b) => {
    const byRole =
      ROLE_PREFERENCE.indexOf(a.role) - ROLE_PREFERENCE.indexOf(b.role);
    if (byRole !== 0) {
      return byRole;
    }
    return (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '');
  })[0];
}

/** "ml-trainer-abc (Creating, 45%), …" for error messages. */
export function describeCaches(caches: readonly ImageCacheView[]): string {
  if (caches.length === 0) {
    return 'it has no image cache there';
  }
  return `its caches there: ${caches
    .map(
      cache =>
        `${cache.name} (${cache.phase ?? 'no phase yet'}${
          cache.progress ? `, ${cache.progress}` : ''
        }${cache.expired ? ', expired' : ''})`,
    )
    .join(', ')}`;
}
