import { requireValidConfig } from '../desired/resolveEntityConfig';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  CreateCacheRequest,
  CreateCacheResponse,
  DeleteCacheResponse,
  EciEntityConfig,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  ImageCache,
  imageCacheOptionsForEntity,
  imageSetKey,
  isImageCacheOwnedBy,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
  readImageCacheOwnership,
  tryBuildImageCache,
  validateImageCacheName,
  ValidationProblem,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterConnection, ClusterRegistry } from '../cluster/ClusterRegistry';
import { RawImageCache } from '../cluster/ImageCacheApi';
import { observeImageCache } from '../cluster/ObservedImageCache';
import { PluginConfig } from '../config/pluginConfig';
import { EciImageCacheStore } from '../database/EciImageCacheStore';
import { Reconciler } from '../reconciler/Reconciler';
import { actorOf, EntityAccess } from './EntityAccess';
import { EntityConfigResolver } from '../desired/EntityConfigResolver';
import { cacheView } from './views';

/** Refreshes tried in a row before giving up on finding a free name. */
const MAX_REVISION_STEPS = 20;

export function problemsError(
  intro: string,
  problems: ValidationProblem[],
): InputError {
  return new InputError(
    `${intro}: ${problems.map(problem => problem.message).join('; ')}`,
  );
}

/**
 * Creating, refreshing and deleting an entity's caches on request. Each command checks the
 * entity (404), the caller's permission (403) and the input (400) before anything is written.
 */
export class CacheCommands {
  constructor(
    private readonly config: PluginConfig,
    private readonly clusters: ClusterRegistry,
    private readonly store: EciImageCacheStore,
    private readonly resolver: EntityConfigResolver,
    private readonly access: EntityAccess,
    private readonly reconciler: Reconciler,
    private readonly logger: LoggerService,
  ) {}

  async createCache(
    entityRef: string,
    request: CreateCacheRequest,
    credentials: BackstageCredentials,
  ): Promise<CreateCacheResponse> {
    const entity = await this.access.get(entityRef, credentials);
    await this.access.require(entityRef, credentials, [
      eciImageCacheCreatePermission,
    ]);
    const saved = await this.store.getSettings(entityRef);
    const resolved = this.resolver.resolve(entity, saved?.settings);
    const config = requireValidConfig(
      resolved,
      `The configuration of ${entityRef} has problems; fix them before creating a cache`,
    );
    if (config.cacheMode !== 'manual') {
      throw new ConflictError(
        `${entityRef} uses cache mode "${config.cacheMode}", so it has no managed cache. ` +
          `Set the alibabacloud.com/eci-image-cache annotation (or the cacheMode setting) to "manual" first.`,
      );
    }
    const clusterName = request.cluster ?? config.cluster;
    const connection = this.clusters.find(clusterName);
    if (!connection) {
      throw new InputError(
        `\`cluster\`: "${clusterName}" is not a configured cluster (configured: ${this.clusters
          .list()
          .map(c => c.config.name)
          .join(', ')})`,
      );
    }

    const storedRevision = await this.store.getRevision(entityRef, clusterName);
    const build = (revision: number) =>
      this.buildCache(config, connection, request, revision);
    let revision = storedRevision;
    let cache = build(revision);
    const first = connection.informer.index.get(cache.metadata.name);
    let replaces: string | null = null;
    while (connection.informer.index.get(cache.metadata.name)) {
      const existing = connection.informer.index.get(cache.metadata.name)!;
      if (
        !existing.ownership.managed ||
        existing.ownership.entityRef !== entityRef
      ) {
        throw new ConflictError(
          `ImageCache "${cache.metadata.name}" on cluster "${clusterName}" exists but is not managed for ${entityRef}`,
        );
      }
      replaces = replaces ?? existing.name;
      if (revision - storedRevision >= MAX_REVISION_STEPS) {
        throw new ConflictError(
          `${entityRef} has ${MAX_REVISION_STEPS} refreshes of these images on cluster "${clusterName}" already; wait for the reconciler to remove old ones`,
        );
      }
      revision += 1;
      cache = build(revision);
    }
    await this.checkPullSecrets(connection, cache);

    const { created, adopted } = await this.createOrAdopt(
      connection,
      cache,
      entityRef,
    );
    const isDesired =
      clusterName === config.cluster &&
      imageSetKey(cache.spec.images) ===
        imageSetKey(config.images.map(image => image.original));
    if (isDesired && revision !== storedRevision) {
      await this.store.setRevision(entityRef, clusterName, revision);
    }
    const actor = actorOf(credentials);
    if (!adopted) {
      // Replaces the entry the watch may have backfilled for this first sighting.
      await this.store.addHistory(
        {
          entityRef,
          cluster: clusterName,
          cacheName: cache.metadata.name,
          action: 'created',
          actor,
          message: first
            ? `refresh requested by ${actor}; replaces ${first.name} once Ready`
            : `requested by ${actor}`,
          dedupeKey: `${clusterName}/${created.metadata.uid}/created`,
        },
        { replace: true },
      );
    }
    this.reconcileLater(entityRef);
    let outcome: CreateCacheResponse['outcome'] = first
      ? 'refreshed'
      : 'created';
    if (adopted) outcome = 'adopted';
    return {
      cluster: clusterName,
      outcome,
      cache: cacheView(
        observeImageCache(clusterName, created),
        isDesired ? 'active' : 'previous',
        {
          now: new Date(),
          orphanGracePeriodMs: this.config.lifecycle.orphanGracePeriodMs,
        },
      ),
      replaces: adopted ? null : replaces,
    };
  }

  async deleteCache(
    entityRef: string,
    clusterName: string,
    cacheName: string,
    credentials: BackstageCredentials,
  ): Promise<DeleteCacheResponse> {
    const entity = await this.access.get(entityRef, credentials);
    await this.access.require(entityRef, credentials, [
      eciImageCacheDeletePermission,
    ]);
    const connection = this.clusters.get(clusterName);
    // Checked before any request: a name like "." or ".." would reach other API paths.
    const validName = validateImageCacheName(cacheName, 'cacheName');
    if (!validName.ok) {
      throw problemsError('Invalid cache to delete', validName.problems);
    }
    const observed = connection.informer.index.get(cacheName);
    const target: RawImageCache | undefined = observed
      ? undefined
      : await connection.api.get(cacheName).catch(error => {
          if (error.name === 'NotFoundError') {
            throw new NotFoundError(
              `ImageCache "${cacheName}" does not exist on cluster "${clusterName}"`,
            );
          }
          throw error;
        });
    const cache = observed ?? observeImageCache(clusterName, target!);
    const ownership = cache.ownership;
    if (!ownership.managed) {
      throw new ConflictError(
        `ImageCache "${cacheName}" on cluster "${clusterName}" is not managed by Backstage ` +
          `(it has no ${LABEL_MANAGED_BY}=${MANAGED_BY_VALUE} label). It is shown read-only: ` +
          `delete it with the tool that created it (ECI removes its own auto-create-for-… caches).`,
      );
    }
    if (ownership.entityRef !== entityRef) {
      throw new ConflictError(
        `ImageCache "${cacheName}" on cluster "${clusterName}" belongs to ${
          ownership.entityRef ?? 'another entity'
        }, not to ${entityRef}`,
      );
    }
    await connection.api.delete(cacheName, cache.uid, 'wait').catch(error => {
      if (error.name !== 'NotFoundError') throw error;
    });
    connection.informer.applyDelete(cacheName);
    await this.store.clearOrphanMark(clusterName, cacheName);
    await this.store.clearRetry(clusterName, cacheName);
    const actor = actorOf(credentials);
    await this.store.addHistory(
      {
        entityRef,
        cluster: clusterName,
        cacheName,
        imageCacheId: cache.status.imageCacheId,
        action: 'deleted',
        actor,
        message: `deleted by ${actor}`,
        dedupeKey: `${clusterName}/${cache.uid}/deleted`,
      },
      { replace: true },
    );
    this.reconcileLater(entityRef);
    const saved = await this.store.getSettings(entityRef);
    const revision = await this.store.getRevision(entityRef, clusterName);
    const resolved = this.resolver.resolve(entity, saved?.settings);
    const wanted =
      resolved.result.ok &&
      resolved.result.value.cacheMode === 'manual' &&
      resolved.result.value.cluster === clusterName &&
      this.buildCache(resolved.result.value, connection, {}, revision).metadata
        .name === cacheName;
    return {
      cluster: clusterName,
      name: cacheName,
      note: wanted
        ? `${cacheName} was the active cache of ${entityRef}, whose cache mode is "manual": the reconciler creates it again. Set the cache mode to "auto" or "off" to stop caching.`
        : null,
    };
  }

  /** The entity's cache for a cluster, with the request's overrides; 400 naming every bad field. */
  private buildCache(
    config: EciEntityConfig,
    connection: ClusterConnection,
    request: CreateCacheRequest,
    revision: number,
  ): ImageCache {
    const options = {
      ...imageCacheOptionsForEntity(config, {
        clusterRegion: connection.config.region,
        acrInstances: this.config.acrInstances,
      }),
      revision,
    };
    if (request.images !== undefined) options.images = request.images;
    if (request.imageCacheSize !== undefined) {
      options.imageCacheSize = request.imageCacheSize;
    }
    if (request.retentionDays !== undefined) {
      options.retentionDays = request.retentionDays;
    }
    if (request.imagePullSecrets !== undefined) {
      options.imagePullSecrets = request.imagePullSecrets;
    }
    const built = tryBuildImageCache({
      ...options,
      enableReuse: request.enableReuse,
    });
    if (!built.ok) {
      throw problemsError('Invalid cache request', built.problems);
    }
    return built.value;
  }

  private async checkPullSecrets(
    connection: ClusterConnection,
    cache: ImageCache,
  ): Promise<void> {
    for (const secret of cache.spec.imagePullSecrets ?? []) {
      const [namespace, name] = secret.split(':');
      if (!(await connection.api.secretExists(namespace, name))) {
        throw new InputError(
          `\`imagePullSecrets\`: "${secret}" does not exist on cluster "${connection.config.name}" (ECI would fail to pull private images)`,
        );
      }
    }
  }

  private async createOrAdopt(
    connection: ClusterConnection,
    cache: ImageCache,
    entityRef: string,
  ): Promise<{ created: RawImageCache; adopted: boolean }> {
    try {
      const created = await connection.api.create(cache, 'wait');
      connection.informer.applyWrite(created);
      return { created, adopted: false };
    } catch (error) {
      if ((error as Error).name !== 'ConflictError') throw error;
      const current = await connection.api.get(cache.metadata.name);
      if (!isImageCacheOwnedBy(current, entityRef)) {
        throw new ConflictError(
          `ImageCache "${cache.metadata.name}" on cluster "${
            connection.config.name
          }" exists but is not managed for ${entityRef} (${
            readImageCacheOwnership(current).managed
              ? 'another entity'
              : 'unmanaged'
          })`,
        );
      }
      connection.informer.applyWrite(current);
      return { created: current, adopted: true };
    }
  }

  /** Lets the reconciler tidy up after a mutation, without holding up the response. */
  reconcileLater(entityRef: string): void {
    this.reconciler
      .reconcileEntity(entityRef)
      .catch(error =>
        this.logger.warn(
          `Reconciling ${entityRef} after a change failed: ${
            (error as Error).message
          }`,
        ),
      );
  }
}
