import { daysUntilExpiry } from '../imageCacheStatus';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the alert rule reads of a managed ImageCache.
 *
 * @public
 */
export interface AlertedCache {
  name: string;
  phase?: string | null;
  expireDateTime?: string | null;
  deleting: boolean;
  creationTimestamp?: string | null;
}

/**
 * Why a managed cache's owners should hear about it: it `failed`, or it `expiring` within the
 * warning window with no refresh planned.
 *
 * @public
 */
export type CacheAlert =
  | { kind: 'failed' }
  | { kind: 'expiring'; daysLeft: number; expireDateTime: string };

/**
 * A managed cache with what else the entity holds or asked for on the same cluster.
 *
 * @public
 */
export interface CacheAlertInput {
  cache: AlertedCache;
  /** The entity's other managed caches on the same cluster. */
  siblings: AlertedCache[];
  /**
   * The cache a command asked for on this cluster and when, if any: a request made after the cache
   * was created for another cache is a planned refresh.
   */
  requested?: { cacheName: string; requestedAt: string };
  /** Warn this many days (or fewer) before expiry; 0 turns expiry alerts off. */
  expiryWarningDays: number;
  now: Date;
}

function isNewer(a: AlertedCache, b: AlertedCache): boolean {
  return (a.creationTimestamp ?? '') > (b.creationTimestamp ?? '');
}

/**
 * Whether the entity will still have a cache on this cluster after `cache` expires: a newer
 * managed cache that has not failed, or a refresh requested since `cache` was created.
 */
function isRefreshPlanned(
  input: Pick<CacheAlertInput, 'cache' | 'siblings' | 'requested'>,
): boolean {
  const { cache, siblings, requested } = input;
  if (
    siblings.some(
      other =>
        other.name !== cache.name &&
        !other.deleting &&
        other.phase !== 'Failed' &&
        isNewer(other, cache),
    )
  ) {
    return true;
  }
  if (!requested || requested.cacheName === cache.name) return false;
  const created = Date.parse(cache.creationTimestamp ?? '');
  return Number.isNaN(created) || Date.parse(requested.requestedAt) >= created;
}

/**
 * The alert a managed cache deserves now, if any. `Failed` always does (ECI keeps the failed
 * object about a day, pods cannot use it); a `Ready` cache does once it expires within
 * `expiryWarningDays` and nothing will replace it.
 *
 * @public
 */
export function cacheAlert(input: CacheAlertInput): CacheAlert | undefined {
  const { cache, now, expiryWarningDays } = input;
  if (cache.deleting) return undefined;
  if (cache.phase === 'Failed') return { kind: 'failed' };
  if (cache.phase !== 'Ready' || !cache.expireDateTime) return undefined;
  if (expiryWarningDays <= 0) return undefined;
  const msLeft = Date.parse(cache.expireDateTime) - now.getTime();
  if (
    Number.isNaN(msLeft) ||
    msLeft <= 0 ||
    msLeft > expiryWarningDays * DAY_MS
  ) {
    return undefined;
  }
  if (isRefreshPlanned(input)) return undefined;
  return {
    kind: 'expiring',
    daysLeft: daysUntilExpiry(cache.expireDateTime, now) ?? 0,
    expireDateTime: cache.expireDateTime,
  };
}
