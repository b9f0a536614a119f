import { diffImageSets } from '../images';
import { validateImageCacheId } from '../validation/alibabaIds';
import type { CacheRole } from '../api/types';
import {
  cacheLabel,
  isCacheExpired,
  newestFirst,
  ObservedCache,
} from './observedCache';

/**
 * Why a cache cannot be pinned.
 *
 * @public
 */
export type PinRefusal =
  | 'not-ready'
  | 'invalid-id'
  | 'expired'
  | 'deleting'
  | 'missing-images'
  | 'not-own';

/** Roles whose caches a workflow may pin, in order of preference. */
export const PIN_ORDER: readonly CacheRole[] = [
  'active',
  'previous',
  'unmanaged',
];

/**
 * The one pin rule: a cache may be pinned when it is `Ready`, has a valid `imc-` id, has not
 * expired, is not being deleted, holds every one of the workflow's images (exact normalised
 * `name:tag`; extra images do no harm) and is the entity's own (active or previous) or
 * unmanaged. Orphans are about to be deleted; other entities' caches follow their owner's lifecycle.
 *
 * @returns undefined when the cache may be pinned, else why not
 * @public
 */
export function pinRefusal(
  cache: ObservedCache,
  images: readonly string[],
  now: Date,
): PinRefusal | undefined {
  if (!PIN_ORDER.includes(cache.role)) return 'not-own';
  if (cache.phase !== 'Ready') return 'not-ready';
  if (!validateImageCacheId(cache.imageCacheId).ok) return 'invalid-id';
  if (isCacheExpired(cache, now)) return 'expired';
  if (cache.deleting) return 'deleting';
  if (diffImageSets(cache.images, images).missing.length > 0) {
    return 'missing-images';
  }
  return undefined;
}

/**
 * The caches a workflow may pin, best first: active, previous, unmanaged; newest first within a role.
 *
 * @public
 */
export function pinnableCaches<T extends ObservedCache>(
  caches: readonly T[],
  images: readonly string[],
  now: Date,
): T[] {
  return caches
    .filter(cache => pinRefusal(cache, images, now) === undefined)
    .sort(
      (a, b) =>
        PIN_ORDER.indexOf(a.role) - PIN_ORDER.indexOf(b.role) ||
        newestFirst(a, b),
    );
}

/**
 * One sentence on why a cache cannot be pinned, for notes, pickers and errors.
 *
 * @public
 */
export function describePinRefusal(
  cache: ObservedCache,
  refusal: PinRefusal,
  images: readonly string[],
): string {
  const label = cacheLabel(cache);
  switch (refusal) {
    case 'not-own':
      return `${label} belongs to ${cache.entityRef ?? 'another entity'} (${
        cache.role
      })`;
    case 'not-ready': {
      const progress = cache.progress ? `, ${cache.progress}` : '';
      return `${label} is ${cache.phase ?? 'not yet reported'}${progress}`;
    }
    case 'invalid-id':
      return `${label} has no valid imc- id`;
    case 'expired':
      return `${label} expired on ${cache.expireDateTime}`;
    case 'deleting':
      return `${label} is being deleted`;
    default:
      return `${label} lacks ${diffImageSets(cache.images, images).missing.join(
        ', ',
      )}`;
  }
}
