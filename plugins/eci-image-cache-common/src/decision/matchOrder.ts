import { diffImageSets } from '../images';
import type { CacheRole } from '../api/types';
import { isCacheUsable, newestFirst, ObservedCache } from './observedCache';
import { PIN_ORDER } from './pinRule';

/**
 * How many caches holding all of an entity's images, other than its own, are listed per cluster.
 *
 * @public
 */
export const MAX_LISTED_OTHER_CACHES = 20;

/** The pin rule's roles first, in its order; then caches no workflow may pin. */
const ROLE_ORDER: readonly CacheRole[] = [
  ...PIN_ORDER,
  'other',
  'pending',
  'orphan',
];

function missingCounter(images: readonly string[]) {
  const counts = new Map<ObservedCache, number>();
  return (cache: ObservedCache) => {
    let count = counts.get(cache);
    if (count === undefined) {
      count = diffImageSets(cache.images, images).missing.length;
      counts.set(cache, count);
    }
    return count;
  };
}

function orderBy(missingOf: (cache: ObservedCache) => number, now: Date) {
  const usable = (cache: ObservedCache) => (isCacheUsable(cache, now) ? 0 : 1);
  return (a: ObservedCache, b: ObservedCache) =>
    usable(a) - usable(b) ||
    missingOf(a) - missingOf(b) ||
    ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
    newestFirst(a, b);
}

/**
 * The order in which ECI's automatic matching and the pin rule consider caches for a set of
 * images: usable before unusable, then by how many of the images they lack (ECI ranks by match
 * degree), then the entity's own, unmanaged and other entities' caches, then newest first.
 */
export function matchOrder(
  images: readonly string[],
  now: Date,
): (a: ObservedCache, b: ObservedCache) => number {
  return orderBy(missingCounter(images), now);
}

/**
 * Of the caches that hold some of an entity's images but are not its own, the ones worth
 * listing, and how many were left out: those holding all the images (up to `limit`, in the
 * order ECI would match them) and the one partial match ECI would try first. A base image
 * shared by a whole fleet puts thousands of caches in the second group; only its first changes
 * a decision. The pinned cache and the ECI prediction over the listed caches are those over all
 * of them.
 *
 * @public
 */
export function listedOtherCaches<T extends ObservedCache>(
  others: readonly T[],
  images: readonly string[],
  now: Date,
  limit = MAX_LISTED_OTHER_CACHES,
): { listed: T[]; omitted: number } {
  const missingOf = missingCounter(images);
  const sorted = [...others].sort(orderBy(missingOf, now));
  const full = sorted.filter(cache => missingOf(cache) === 0).slice(0, limit);
  const partial = sorted.find(cache => missingOf(cache) > 0);
  const listed = partial ? [...full, partial] : full;
  return { listed, omitted: others.length - listed.length };
}
