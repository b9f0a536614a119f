import { diffImageSets } from '../images';
import type { CacheRole } from '../api/types';
import { isCacheUsable, newestFirst, ObservedCache } from './observedCache';

/**
 * How many caches that are neither the entity's own nor its orphans are listed per cluster.
 * A common base image can sit in thousands of caches; only the best matches change a decision.
 *
 * @public
 */
export const MAX_LISTED_OTHER_CACHES = 20;

const ROLE_ORDER: readonly CacheRole[] = [
  'active',
  'previous',
  'unmanaged',
  'other',
  'pending',
  'orphan',
];

/**
 * The order in which ECI's automatic matching and the pin rule consider caches for a set of
 * images: usable before unusable, then by how many of the images they lack (ECI ranks by match
 * degree), then the entity's own, unmanaged and other entities' caches, then newest first.
 */
export function matchOrder(
  images: readonly string[],
  now: Date,
): (a: ObservedCache, b: ObservedCache) => number {
  const missing = new Map<ObservedCache, number>();
  const missingOf = (cache: ObservedCache) => {
    let count = missing.get(cache);
    if (count === undefined) {
      count = diffImageSets(cache.images, images).missing.length;
      missing.set(cache, count);
    }
    return count;
  };
  const usable = (cache: ObservedCache) => (isCacheUsable(cache, now) ? 0 : 1);
  return (a, b) =>
    usable(a) - usable(b) ||
    missingOf(a) - missingOf(b) ||
    ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
    newestFirst(a, b);
}

/**
 * Of the caches that hold some of an entity's images but are not its own, the ones worth
 * listing: the best `limit` in the order ECI would match them, and how many were left out. The pinned cache
 * and the ECI prediction over the listed caches are those over all of them.
 *
 * @public
 */
export function listedOtherCaches<T extends ObservedCache>(
  others: readonly T[],
  images: readonly string[],
  now: Date,
  limit = MAX_LISTED_OTHER_CACHES,
): { listed: T[]; omitted: number } {
  const listed = [...others].sort(matchOrder(images, now)).slice(0, limit);
  return { listed, omitted: others.length - listed.length };
}
