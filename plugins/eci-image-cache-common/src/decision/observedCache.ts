import type { ImageCacheView } from '../api/types';
import { validateImageCacheId } from '../validation/alibabaIds';

/**
 * What the decision model needs to know about one observed ImageCache: a subset of the API's
 * {@link ImageCacheView}, so backend, scaffolder and UI pass what they already hold.
 *
 * @public
 */
export type ObservedCache = Pick<
  ImageCacheView,
  | 'name'
  | 'role'
  | 'phase'
  | 'imageCacheId'
  | 'images'
  | 'expireDateTime'
  | 'deleting'
  | 'creationTimestamp'
> &
  Partial<Pick<ImageCacheView, 'progress' | 'events' | 'entityRef'>>;

/**
 * Whether the cache's expiry date has passed at `now` (a cache without a valid date never expires).
 *
 * @public
 */
export function isCacheExpired(
  cache: Pick<ObservedCache, 'expireDateTime'>,
  now: Date,
): boolean {
  if (!cache.expireDateTime) return false;
  const expires = Date.parse(cache.expireDateTime);
  return !Number.isNaN(expires) && expires <= now.getTime();
}

/** Newest first by creation time; caches without one last. */
export function newestFirst(a: ObservedCache, b: ObservedCache): number {
  return (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '');
}

/**
 * `name (imc-…)` or the name alone while ECI has not assigned an id.
 *
 * @public
 */
export function cacheLabel(cache: ObservedCache): string {
  return cache.imageCacheId
    ? `${cache.name} (${cache.imageCacheId})`
    : cache.name;
}

/**
 * Whether ECI can use the cache at all, for pinning or automatic matching: `Ready`, a valid
 * `imc-` id, not expired and not being deleted.
 *
 * @public
 */
export function isCacheUsable(
  cache: Pick<
    ObservedCache,
    'phase' | 'imageCacheId' | 'expireDateTime' | 'deleting'
  >,
  now: Date,
): boolean {
  return (
    cache.phase === 'Ready' &&
    validateImageCacheId(cache.imageCacheId).ok &&
    !isCacheExpired(cache, now) &&
    !cache.deleting
  );
}
