import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  AcrInstanceListResponse,
  CacheListQuery,
  CacheListResponse,
  CacheRole,
  ClusterListResponse,
  formatValue,
  validateEntityRef,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { PluginConfig } from '../config/pluginConfig';
import { EciImageCacheStore } from '../database/EciImageCacheStore';
import { cacheKey } from '../reconciler/planEntity';
import { problemsError } from './CacheCommands';
import { readableEntityRefs } from './readableEntities';
import { cacheView, clusterErrorOf, syncStateView } from './views';

/** ECI phases are single words (Preparing, Creating, Ready, Failed, Updating, UpdateFailed, …). */
const PHASE_PATTERN = /^[A-Za-z]{1,64}$/;

function newestFirst(a: ObservedImageCache, b: ObservedImageCache) {
  return (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '');
}

/** Operator views across entities: all managed caches, the clusters, the ACR instances. */
export class OverviewService {
  constructor(
    private readonly config: PluginConfig,
    private readonly clusters: ClusterRegistry,
    private readonly store: EciImageCacheStore,
    private readonly permissions: PermissionsService,
  ) {}

  /** Managed caches of every entity the caller may read (`eci.imagecache.read` per entity). */
  async listCaches(
    query: CacheListQuery,
    credentials: BackstageCredentials,
  ): Promise<CacheListResponse> {
    let owner: string | undefined;
    if (query.owner !== undefined) {
      const ref = validateEntityRef(query.owner, 'owner');
      if (!ref.ok) throw problemsError('Invalid query', ref.problems);
      owner = ref.value;
    }
    if (query.phase && !PHASE_PATTERN.test(query.phase)) {
      throw new InputError(
        `Invalid query: \`phase\`: ${formatValue(
          query.phase,
        )} is not an ImageCache phase (a single word of letters, e.g. "Ready" or "Failed")`,
      );
    }
    const connections = this.clusters
      .list()
      .filter(
        connection =>
          !query.cluster || connection.config.name === query.cluster,
      );
    if (query.cluster && connections.length === 0) {
      throw new InputError(
        `\`cluster\`: "${query.cluster}" is not a configured cluster`,
      );
    }
    // Roles here are approximate (no catalog lookups): the newest cache of an owner on a
    // cluster is "active", marked orphans are "orphan", the rest "previous".
    const found: Array<{
      cache: ObservedImageCache;
      owner: string;
      newest: boolean;
    }> = [];
    for (const connection of connections) {
      const { index } = connection.informer;
      for (const ref of owner ? [owner] : Array.from(index.owners())) {
        const owned = index.managedBy(ref).sort(newestFirst);
        owned.forEach((cache, position) => {
          if (!query.phase || cache.status.phase === query.phase) {
            found.push({ cache, owner: ref, newest: position === 0 });
          }
        });
      }
    }
    const refs = Array.from(new Set(found.map(entry => entry.owner)));
    const readable = await readableEntityRefs(
      this.permissions,
      refs,
      credentials,
    );
    const marks = new Map(
      (await this.store.listOrphanMarks()).map(mark => [
        cacheKey(mark.cluster, mark.cacheName),
        mark,
      ]),
    );
    const now = new Date();
    const items = found
      .filter(entry => readable.has(entry.owner))
      .map(({ cache, newest }) => {
        const mark = marks.get(cacheKey(cache.cluster, cache.name));
        let role: CacheRole = newest ? 'active' : 'previous';
        if (mark) role = 'orphan';
        return cacheView(cache, role, {
          now,
          orphanMark: mark,
          orphanGracePeriodMs: this.config.lifecycle.orphanGracePeriodMs,
        });
      })
      .sort(
        (a, b) =>
          a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name),
      );
    return {
      items,
      errors: connections.flatMap(connection => {
        const error = clusterErrorOf(connection.informer);
        return error ? [error] : [];
      }),
    };
  }

  listClusters(): ClusterListResponse {
    return {
      items: this.clusters.list().map(connection => ({
        name: connection.config.name,
        region: connection.config.region,
        default: connection.config.isDefault,
        defaultNamespace: connection.config.defaultNamespace,
        sync: syncStateView(connection.informer),
        imageCacheCount: connection.informer.index.size,
      })),
    };
  }

  listAcrInstances(): AcrInstanceListResponse {
    return {
      items: this.config.acrInstances.map(instance => ({
        id: instance.id,
        region: instance.region,
        name: instance.name ?? null,
        domains: [...(instance.domains ?? [])],
      })),
    };
  }
}
