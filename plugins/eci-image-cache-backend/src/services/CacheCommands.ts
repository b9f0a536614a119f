import { requireValidConfig } from '../desired/resolveEntityConfig';
import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  CreateCacheRequest,
  CreateCacheResponse,
  DeleteCacheResponse,
  EciEntityConfig,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  ImageCache,
  imageCacheOptionsForEntity,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
  pullSecretNamespaces,
  tryBuildImageCache,
  unusablePullSecretProblem,
  validateImageCacheName,
  validatePullSecretNamespaces,
  ValidationProblem,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterConnection, ClusterRegistry } from '../cluster/ClusterRegistry';
import { RawImageCache } from '../cluster/ImageCacheApi';
import { observeImageCache } from '../cluster/ObservedImageCache';
import { PluginConfig } from '../config/pluginConfig';
import {
  CacheIntent,
  EciImageCacheStore,
  IntentDecision,
  RevisionRow,
} from '../database/EciImageCacheStore';
import {
  baseKeyOf,
  isInFlight,
  sameCache,
  withIntent,
} from '../reconciler/cacheIntent';
import { DesiredState } from '../desired/desiredState';
import { KeyedMutex } from '../reconciler/KeyedMutex';
import { Reconciler, revisionKey } from '../reconciler/Reconciler';
import { actorOf, EntityAccess } from './EntityAccess';
import { EntityConfigResolver } from '../desired/EntityConfigResolver';
import { cacheView } from './views';

export function problemsError(
  intro: string,
  problems: ValidationProblem[],
): InputError {
  return new InputError(
    `${intro}: ${problems.map(problem => problem.message).join('; ')}`,
  );
}

type CreateDecision = Omit<CreateCacheResponse, 'cache'> & {
  cache: ImageCache;
  /** Whether this call recorded the revision (201) or found it in flight (200). */
  recorded: boolean;
};

/**
 * Cache commands: each checks the entity (404), the caller's permission (403) and the input
 * (400), then records intent. The {@link Reconciler} is the only writer of ImageCaches and
 * their history; a command at most asks it to reconcile the entity now, under its lease.
 */
export class CacheCommands {
  /** Serialises commands of one entity in this process (SQLite has no row locks). */
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly config: PluginConfig,
    private readonly clusters: ClusterRegistry,
    private readonly store: EciImageCacheStore,
    private readonly resolver: EntityConfigResolver,
    private readonly access: EntityAccess,
    private readonly reconciler: Reconciler,
    private readonly logger: LoggerService,
  ) {}

  /**
   * Asks for a new revision of the entity's cache (its first cache, or a refresh with the
   * request's values). Idempotent while a revision is in flight: an identical request gets that
   * revision (200), a different one a 409 naming it.
   */
  async createCache(
    entityRef: string,
    request: CreateCacheRequest,
    credentials: BackstageCredentials,
  ): Promise<{ status: 200 | 201; body: CreateCacheResponse }> {
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
    if (clusterName !== config.cluster) {
      throw new ConflictError(
        `\`cluster\`: ${entityRef} keeps its cache on cluster "${config.cluster}"; a cache on "${clusterName}" would be removed as no longer wanted. Change the entity's cluster first.`,
      );
    }
    requireSynced(connection);
    // Validates the request (400 naming every bad field) before anything is recorded.
    const checked = this.buildCache(config, connection, request, 0);
    await this.checkPullSecrets(connection, checked);

    const actor = actorOf(credentials);
    const decision = await this.mutex.run(`${clusterName}\n${entityRef}`, () =>
      this.store.recordIntent(entityRef, clusterName, current => {
        const configured = this.resolver.desired(
          entity,
          saved?.settings,
          () => current.revision,
        );
        if (configured.kind !== 'cache') {
          throw new ConflictError(
            `${entityRef} wants no managed cache: ${configured.reason}`,
          );
        }
        return this.decide(entityRef, connection, request, config, configured, current, actor);
      }),
    );

    if (decision.recorded) {
      // Builds it now if the lease comes soon; otherwise the next scheduled pass does.
      await this.reconciler.reconcileEntity(entityRef).catch(error =>
        this.logger.warn(
          `Reconciling ${entityRef} after a cache request failed: ${(error as Error).message}`,
        ),
      );
    }
    const observed = connection.informer.index.get(decision.cache.metadata.name);
    const { recorded, cache, ...answer } = decision;
    return {
      status: recorded ? 201 : 200,
      body: {
        ...answer,
        cache: cacheView(
          observed ?? observeImageCache(clusterName, cache as RawImageCache),
          decision.replaces && observed?.status.phase !== 'Ready' ? 'pending' : 'active',
          {
            now: new Date(),
            orphanGracePeriodMs: this.config.lifecycle.orphanGracePeriodMs,
          },
        ),
      },
    };
  }

  /** The idempotency rule, applied to the entity's revision row inside the command's transaction. */
  private decide(
    entityRef: string,
    connection: ClusterConnection,
    request: CreateCacheRequest,
    config: EciEntityConfig,
    configured: Extract<DesiredState, { kind: 'cache' }>,
    current: RevisionRow,
    actor: string,
  ): IntentDecision<CreateDecision> {
    const now = new Date();
    const { index } = connection.informer;
    const desired = withIntent(configured, current.intent);
    const desiredName = desired.kind === 'cache' ? desired.cache.metadata.name : '';
    const intent =
      desired.kind === 'cache' && desired.cache === current.intent?.cache
        ? current.intent
        : undefined;
    const cluster = connection.config.name;
    if (
      intent &&
      isInFlight(intent, index.get(desiredName), now, this.inFlightGraceMs())
    ) {
      const same = sameCache(
        this.buildCache(config, connection, request, intent.revision),
        intent.cache,
      );
      if (!same) {
        throw new ConflictError(
          `Revision ${intent.revision} of ${entityRef} (${desiredName}), requested by ${intent.requestedBy} at ${intent.requestedAt.toISOString()}, is still being built on cluster "${cluster}"; ask again once it is Ready or Failed`,
        );
      }
      return {
        result: {
          cluster,
          outcome: 'in-flight',
          cache: intent.cache,
          replaces: this.currentCacheName(entityRef, connection, desiredName),
          revision: intent.revision,
          requestedBy: intent.requestedBy,
          requestedAt: intent.requestedAt.toISOString(),
          recorded: false,
        },
      };
    }
    const replaces = this.currentCacheName(entityRef, connection, undefined);
    const revision = replaces ? current.revision + 1 : current.revision;
    const cache = this.buildCache(config, connection, request, revision);
    const record: CacheIntent = {
      entityRef,
      cluster,
      revision,
      cache,
      baseKey: baseKeyOf(configured.cache),
      requestedBy: actor,
      requestedAt: now,
    };
    return {
      record,
      result: {
        cluster,
        outcome: replaces ? 'refreshed' : 'created',
        cache,
        replaces,
        revision,
        requestedBy: actor,
        requestedAt: now.toISOString(),
        recorded: true,
      },
    };
  }

  /** The cache that serves the entity now: the newest Ready managed one, else the newest one. */
  private currentCacheName(
    entityRef: string,
    connection: ClusterConnection,
    except: string | undefined,
  ): string | null {
    const caches = connection.informer.index
      .managedBy(entityRef)
      .filter(cache => !cache.deleting && cache.name !== except)
      .sort((a, b) =>
        (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? ''),
      );
    const current =
      caches.find(cache => cache.status.phase === 'Ready') ?? caches[0];
    return current?.name ?? null;
  }

  /** A requested revision that has not appeared by then is treated as lost, and may be asked for again. */
  private inFlightGraceMs(): number {
    return Math.max(3 * this.config.lifecycle.reconcileIntervalMs, 60_000);
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
    await this.reconciler.deleteOnRequest(entityRef, cache, actorOf(credentials));
    const saved = await this.store.getSettings(entityRef);
    const intents = await this.store.listIntents();
    const revision = await this.store.getRevision(entityRef, clusterName);
    const configured = this.resolver.desired(entity, saved?.settings, () => revision);
    const desired =
      configured.kind === 'cache'
        ? withIntent(configured, intents.get(revisionKey(configured.cluster, entityRef)))
        : configured;
    const wanted =
      desired.kind === 'cache' &&
      desired.cluster === clusterName &&
      desired.cache.metadata.name === cacheName;
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

  /**
   * Pull secrets of the target cluster only: in its namespaces (common's rule), then existing
   * there. Both refusals read the same, so answers reveal nothing about other Secrets.
   */
  private async checkPullSecrets(
    connection: ClusterConnection,
    cache: ImageCache,
  ): Promise<void> {
    const rule = {
      field: 'imagePullSecrets',
      cluster: connection.config.name,
      namespaces: pullSecretNamespaces(connection.config),
    };
    const secrets = (cache.spec.imagePullSecrets ?? []).map(secret => {
      const [namespace, name] = secret.split(':');
      return { namespace, name };
    });
    const allowed = validatePullSecretNamespaces(secrets, rule);
    if (!allowed.ok) {
      throw problemsError('Invalid cache request', allowed.problems);
    }
    for (const secret of secrets) {
      if (!(await connection.api.secretExists(secret.namespace, secret.name))) {
        throw problemsError('Invalid cache request', [
          unusablePullSecretProblem(secret, rule),
        ]);
      }
    }
  }

  /** Lets the reconciler apply a settings change, without holding up the response. */
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

/** Commands need a current picture of the cluster: refuse while its watch cache is not synced. */
function requireSynced(connection: ClusterConnection): void {
  const { state, error } = connection.informer.state;
  if (state === 'synced') return;
  if (error) throw error;
  throw new ServiceUnavailableError(
    `Cluster "${connection.config.name}" is still being read; try again in a few seconds`,
  );
}
