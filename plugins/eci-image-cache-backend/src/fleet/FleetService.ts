import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  daysUntilExpiry,
  eciImageCacheReadPermission,
  FleetCachesResponse,
  FleetCacheView,
  FleetClusterTotals,
  FleetSortKey,
  ParsedFleetQuery,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { actorOf } from '../services/EntityAccess';
import { readableEntityRefs } from '../services/readableEntities';
import { clusterErrorOf } from '../services/views';
import { FleetPricing } from './fleetConfig';

import { OwnerPresence } from './OwnerPresence';

const DAY_MS = 24 * 60 * 60 * 1000;
const FAILED_PHASES = new Set(['Failed', 'UpdateFailed']);

/** Where the last hit of a cache id comes from (the run evidence store). */
export interface LastHitSource {
  lastHitAtMs(imageCacheId: string): number | undefined;
}

/** One cache with the values that filters and sorting read, computed once per request. */
interface Row {
  cache: ObservedImageCache;
  owner: string | null;
  expiresMs: number | null;
  lastHitMs: number | null;
}

function timeOrNull(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Values of a sort column; null sorts last in both directions. */
const SORT_VALUES: Record<FleetSortKey, (row: Row) => string | number | null> =
  {
    cluster: row => row.cache.cluster,
    name: row => row.cache.name,
    origin: row => row.cache.origin,
    owner: row => row.owner,
    phase: row => row.cache.status.phase ?? null,
    size: row => row.cache.spec.imageCacheSize ?? null,
    expiry: row => row.expiresMs,
    lastHit: row => row.lastHitMs,
  };

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function comparator(sort: FleetSortKey, order: 'asc' | 'desc') {
  const value = SORT_VALUES[sort];
  const sign = order === 'asc' ? 1 : -1;
  return (a: Row, b: Row): number => {
    const x = value(a);
    const y = value(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const byValue = compareValues(x, y);
      if (byValue !== 0) return sign * byValue;
    }
    return (
      a.cache.cluster.localeCompare(b.cache.cluster) ||
      a.cache.name.localeCompare(b.cache.name)
    );
  };
}

function costOf(sizeGiB: number | null, pricing: FleetPricing | null) {
  if (!pricing || sizeGiB === null) return null;
  return Math.round(sizeGiB * pricing.pricePerGiBMonth * 100) / 100;
}

/**
 * The platform team's view of every ImageCache on every cluster, served from the watch caches
 * (no Kubernetes request per view): filtered, sorted, totalled and paginated here.
 */
export class FleetService {
  constructor(
    private readonly clusters: ClusterRegistry,
    private readonly owners: OwnerPresence,
    private readonly permissions: PermissionsService,
    private readonly lastHits: LastHitSource | undefined,
    private readonly pricing: FleetPricing | null,
    private readonly now: () => number = Date.now,
  ) {}

  async list(
    query: ParsedFleetQuery,
    credentials: BackstageCredentials,
  ): Promise<FleetCachesResponse> {
    const readsAll = await this.readsWholeFleet(credentials);
    const connections = this.clusters
      .list()
      .filter(c => !query.cluster || c.config.name === query.cluster);
    if (query.cluster && connections.length === 0) {
      throw new InputError(
        `Invalid query: \`cluster\`: "${query.cluster}" is not a configured cluster`,
      );
    }
    const now = this.now();
    let rows = this.filteredRows(
      connections.map(c => c.informer.index.all()),
      query,
      now,
    );
    let presence = new Map<string, boolean>();
    if (query.orphaned) {
      presence = await this.owners.resolve(ownersOf(rows));
      rows = rows.filter(row => row.owner && presence.get(row.owner) === false);
    }
    if (!readsAll) rows = await this.readableOnly(rows, credentials);
    rows.sort(comparator(query.sort, query.order));

    const page = rows.slice(query.offset, query.offset + query.limit);
    const missing = ownersOf(page).filter(ref => !presence.has(ref));
    if (missing.length > 0) {
      for (const [ref, present] of await this.owners.resolve(missing)) {
        presence.set(ref, present);
      }
    }
    const end = query.offset + page.length;
    return {
      items: page.map(row => this.view(row, presence, now)),
      total: rows.length,
      offset: query.offset,
      limit: query.limit,
      nextOffset: end < rows.length ? end : null,
      totals: this.totals(
        rows,
        connections.map(c => c.config.name),
      ),
      pricing: this.pricing,
      errors: connections.flatMap(c => {
        const error = clusterErrorOf(c.informer);
        return error ? [error] : [];
      }),
    };
  }

  /**
   * Fleet readers: the read permission granted outright. A conditional grant (e.g. owners only)
   * shows the managed caches of readable entities; a denial is a 403.
   */
  private async readsWholeFleet(
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: eciImageCacheReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.DENY) {
      throw new NotAllowedError(
        `${actorOf(
          credentials,
        )} may not view the image cache fleet (permission ${
          eciImageCacheReadPermission.name
        } denied)`,
      );
    }
    return decision.result === AuthorizeResult.ALLOW;
  }

  private async readableOnly(
    rows: Row[],
    credentials: BackstageCredentials,
  ): Promise<Row[]> {
    const readable = await readableEntityRefs(
      this.permissions,
      ownersOf(rows),
      credentials,
    );
    return rows.filter(row => row.owner !== null && readable.has(row.owner));
  }

  /** Applies the filters that need no catalog: origin, failed, expiring, unused. */
  private filteredRows(
    caches: Iterable<ObservedImageCache>[],
    query: ParsedFleetQuery,
    now: number,
  ): Row[] {
    const expiringBy =
      query.expiringWithinDays === undefined
        ? undefined
        : now + query.expiringWithinDays * DAY_MS;
    const unusedSince =
      query.unusedForDays === undefined
        ? undefined
        : now - query.unusedForDays * DAY_MS;
    const rows: Row[] = [];
    for (const clusterCaches of caches) {
      for (const cache of clusterCaches) {
        if (query.origin && cache.origin !== query.origin) continue;
        if (query.failed && !FAILED_PHASES.has(cache.status.phase ?? '')) {
          continue;
        }
        const owner = ownerOf(cache);
        if (query.orphaned && !owner) continue;
        const expiresMs = timeOrNull(cache.status.expireDateTime);
        if (
          expiringBy !== undefined &&
          (expiresMs === null || expiresMs > expiringBy)
        ) {
          continue;
        }
        const id = cache.status.imageCacheId;
        const lastHitMs = (id && this.lastHits?.lastHitAtMs(id)) || null;
        if (unusedSince !== undefined) {
          const createdMs = timeOrNull(cache.creationTimestamp) ?? 0;
          const recentlyHit = lastHitMs !== null && lastHitMs >= unusedSince;
          // 0 days: no hit recorded at all, whatever the age (clocks of clusters may run ahead).
          const tooYoung = query.unusedForDays! > 0 && createdMs > unusedSince;
          if (tooYoung || recentlyHit) continue;
        }
        rows.push({
          cache,
          owner,
          expiresMs,
          lastHitMs,
        });
      }
    }
    return rows;
  }

  private totals(rows: Row[], clusterNames: string[]): FleetClusterTotals[] {
    const byCluster = new Map(
      clusterNames.map(name => [name, { count: 0, sizeGiB: 0 }]),
    );
    for (const row of rows) {
      const total = byCluster.get(row.cache.cluster)!;
      total.count += 1;
      total.sizeGiB += row.cache.spec.imageCacheSize ?? 0;
    }
    return Array.from(byCluster, ([cluster, total]) => ({
      cluster,
      ...total,
      monthlyCost: costOf(total.sizeGiB, this.pricing),
    }));
  }

  private view(
    row: Row,
    presence: Map<string, boolean>,
    now: number,
  ): FleetCacheView {
    const { cache } = row;
    const size = cache.spec.imageCacheSize ?? null;
    return {
      cluster: cache.cluster,
      name: cache.name,
      imageCacheId: cache.status.imageCacheId ?? null,
      origin: cache.origin,
      ownerEntityRef: row.owner,
      ownerInCatalog: row.owner ? presence.get(row.owner) ?? null : null,
      phase: cache.status.phase ?? null,
      imageCacheSize: size,
      images: [...cache.spec.images],
      expireDateTime: cache.status.expireDateTime ?? null,
      daysLeft:
        daysUntilExpiry(cache.status.expireDateTime, new Date(now)) ?? null,
      creationTimestamp: cache.creationTimestamp ?? null,
      lastHitAt:
        row.lastHitMs === null ? null : new Date(row.lastHitMs).toISOString(),
      monthlyCost: costOf(size, this.pricing),
    };
  }
}

function ownerOf(cache: ObservedImageCache): string | null {
  return cache.ownership.managed ? cache.ownership.entityRef ?? null : null;
}

function ownersOf(rows: Row[]): string[] {
  const refs = new Set<string>();
  for (const row of rows) if (row.owner) refs.add(row.owner);
  return Array.from(refs);
}
