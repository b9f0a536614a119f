// The fleet page's contract: every ImageCache on every configured cluster, filtered, sorted and
// paginated by the backend (`GET /fleet/caches`).

import type { ImageCacheOrigin } from '../imageCacheOwnership';
import type { ClusterError } from './types';

/**
 * Columns the fleet can be sorted by.
 *
 * @public
 */
export const FLEET_SORT_KEYS = [
  'cluster',
  'name',
  'origin',
  'owner',
  'phase',
  'size',
  'expiry',
  'lastHit',
] as const;

/**
 * A column the fleet can be sorted by.
 *
 * @public
 */
export type FleetSortKey = (typeof FLEET_SORT_KEYS)[number];

/**
 * Largest page of the fleet route.
 *
 * @public
 */
export const MAX_FLEET_PAGE_SIZE = 500;

/**
 * Query of `GET /fleet/caches`; filters combine with AND.
 *
 * @public
 */
export interface FleetQuery {
  /** Rows per page (1–{@link MAX_FLEET_PAGE_SIZE}, default 50). */
  limit?: number;
  /** Rows skipped (default 0). */
  offset?: number;
  /** Sort column (default `cluster`, then name). */
  sort?: FleetSortKey;
  /** Sort direction (default `asc`). */
  order?: 'asc' | 'desc';
  /** Only caches whose expiry is at most this many days away (expired ones included). */
  expiringWithinDays?: number;
  /** Only caches in phase Failed or UpdateFailed. */
  failed?: boolean;
  /** Only managed caches whose owner entity is no longer in the catalog. */
  orphaned?: boolean;
  /** Only caches older than this many days with no recorded hit in that time; 0: no hit recorded at all. */
  unusedForDays?: number;
  /** Only caches of this cluster. */
  cluster?: string;
  /** Only caches of this origin. */
  origin?: ImageCacheOrigin;
}

/**
 * One ImageCache of the fleet.
 *
 * @public
 */
export interface FleetCacheView {
  cluster: string;
  name: string;
  /** Cache id `imc-…`, once ECI assigned one. */
  imageCacheId: string | null;
  origin: ImageCacheOrigin;
  /** Owner entity of a managed cache (from its ownership labels). */
  ownerEntityRef: string | null;
  /** Whether the owner is in the catalog; null when the cache has no owner or it was not looked up. */
  ownerInCatalog: boolean | null;
  phase: string | null;
  /** Size in GiB. */
  imageCacheSize: number | null;
  images: string[];
  expireDateTime: string | null;
  /** Whole days until expiry (negative once expired). */
  daysLeft: number | null;
  creationTimestamp: string | null;
  /** Start of the newest recorded run that hit this cache; null when none was recorded. */
  lastHitAt: string | null;
  /** Estimated monthly cost (size × configured price); null without a price or a size. */
  monthlyCost: number | null;
}

/**
 * Count and size of one cluster's caches in the filtered set.
 *
 * @public
 */
export interface FleetClusterTotals {
  cluster: string;
  count: number;
  sizeGiB: number;
  /** Null without a configured price. */
  monthlyCost: number | null;
}

/**
 * Answer of `GET /fleet/caches`.
 *
 * @public
 */
export interface FleetCachesResponse {
  items: FleetCacheView[];
  /** Rows matching the filters, over all pages. */
  total: number;
  offset: number;
  limit: number;
  /** Offset of the next page; null on the last page. */
  nextOffset: number | null;
  /** Per cluster, over the filtered set (every page). */
  totals: FleetClusterTotals[];
  /** The configured price; null when none is configured (then no cost is shown). */
  pricing: { pricePerGiBMonth: number; currency: string | null } | null;
  /** Clusters whose data may be missing or stale. */
  errors: ClusterError[];
}
