import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  CacheRole,
  ImageCache,
  ValidationProblem,
  EntityClusterView,
  EntityStateResponse,
  ImageCacheView,
  listedOtherCaches,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { PluginConfig } from '../config/pluginConfig';
import { HistoryCache } from '../database/HistoryCache';
import { LifecycleStateCache } from '../database/LifecycleStateCache';
import { revisionKey } from '../reconciler/Reconciler';
import { cacheKey } from '../reconciler/planEntity';
import { DesiredState } from '../desired/desiredState';
import { withIntent } from '../reconciler/cacheIntent';
import { EntityAccess } from './EntityAccess';
import { EntityConfigResolver } from '../desired/EntityConfigResolver';
import { effectiveConfigView } from '../desired/resolveEntityConfig';
import {
  cacheView,
  clusterErrorOf,
  observedCacheOf,
  syncStateView,
} from './views';

const MAX_CACHED_RESPONSES = 5_000;

type StateInputs = Awaited<ReturnType<EntityStateService['gather']>>;

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/** A number that stays the same for the same object (memoised configs and histories are reused). */
function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

function newestFirst(a: ObservedImageCache, b: ObservedImageCache) {
  return (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '');
}

const DRIFT_FIELDS = [
  'imageCacheSize',
  'retentionDays',
  'imagePullSecrets',
] as const;

/**
 * Size, retention and secrets are not part of a cache's name: a change to them applies to
 * the next cache. Says so when the active cache was built with other values.
 */
export function driftWarnings(
  desired: ImageCache,
  active: ObservedImageCache,
): ValidationProblem[] {
  return DRIFT_FIELDS.flatMap(field => {
    const want = JSON.stringify(desired.spec[field] ?? null);
    const have = JSON.stringify(active.spec[field] ?? null);
    if (want === have) return [];
    return [
      {
        field,
        value: want,
        rule: 'no-effect' as const,
        message: `\`${field}\`: ${want} applies to the next cache; the active cache ${active.name} was built with ${have}. Refresh the cache to apply it.`,
      },
    ];
  });
}

/**
 * The role of each managed cache of an entity, as the reconciler sees it. The desired cache is
 * current once Ready; until then (or when it failed) it is `pending` and the newest Ready
 * predecessor stays current.
 */
export function managedCacheRoles(
  desired: DesiredState,
  managed: ObservedImageCache[],
): Map<ObservedImageCache, CacheRole> {
  const roles = new Map<ObservedImageCache, CacheRole>();
  if (desired.kind === 'unknown') {
    // Nothing is changed for an entity with problems: the newest cache per cluster stays in use.
    const newest = new Map<string, ObservedImageCache>();
    for (const cache of [...managed].sort(newestFirst)) {
      if (!newest.has(cache.cluster)) newest.set(cache.cluster, cache);
      roles.set(
        cache,
        newest.get(cache.cluster) === cache ? 'active' : 'previous',
      );
    }
    return roles;
  }
  const wanted = desired.kind === 'cache' ? desired : undefined;
  const onTarget = managed.filter(cache => cache.cluster === wanted?.cluster);
  const desiredCache = onTarget.find(
    c => c.name === wanted?.cache.metadata.name,
  );
  const stillCurrent =
    desiredCache && desiredCache.status.phase !== 'Ready'
      ? [...onTarget]
          .sort(newestFirst)
          .find(
            c =>
              c !== desiredCache && c.status.phase === 'Ready' && !c.deleting,
          )
      : undefined;
  for (const cache of managed) {
    if (!wanted || cache.cluster !== wanted.cluster) {
      roles.set(cache, 'orphan');
    } else if (cache === desiredCache) {
      roles.set(cache, stillCurrent ? 'pending' : 'active');
    } else {
      roles.set(cache, cache === stillCurrent ? 'active' : 'previous');
    }
  }
  return roles;
}

/**
 * The entity tab's data. Cluster data comes only from the watch caches: reading an
 * entity sends no request to any cluster.
 */
export class EntityStateService {
  constructor(
    private readonly config: PluginConfig,
    private readonly clusters: ClusterRegistry,
    private readonly history: HistoryCache,
    private readonly lifecycleState: LifecycleStateCache,
    private readonly resolver: EntityConfigResolver,
    private readonly access: EntityAccess,
  ) {}

  private readonly responses = new Map<
    string,
    { stamp: string; json: string }
  >();

  /** The state as a JSON string; unchanged states are served from a per-entity copy. */
  async getStateJson(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const inputs = await this.gather(entityRef, credentials);
    const stamp = this.stampOf(inputs);
    const cached = this.responses.get(entityRef);
    if (cached?.stamp === stamp) {
      return cached.json;
    }
    const json = JSON.stringify(this.build(inputs));
    if (this.responses.size >= MAX_CACHED_RESPONSES) {
      this.responses.delete(this.responses.keys().next().value!);
    }
    this.responses.set(entityRef, { stamp, json });
    return json;
  }

  async getState(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityStateResponse> {
    return this.build(await this.gather(entityRef, credentials));
  }

  private async gather(entityRef: string, credentials: BackstageCredentials) {
    const entity = await this.access.get(entityRef, credentials);
    const [decisions, lifecycle, history] = await Promise.all([
      this.access.decisions(entityRef, credentials),
      this.lifecycleState.get(),
      this.history.get(entityRef),
    ]);
    if (!decisions.read) {
      throw new NotAllowedError(
        `You may not view the image caches of ${entityRef} (permission eci.imagecache.read denied)`,
      );
    }
    const saved = lifecycle.settings.get(entityRef);
    const resolved = this.resolver.resolve(entity, saved?.settings);
    const config = resolved.result.ok ? resolved.result.value : undefined;
    return {
      entityRef,
      entity,
      decisions,
      saved,
      retries: lifecycle.retriesByEntity.get(entityRef) ?? [],
      marks: lifecycle.orphanMarksByEntity.get(entityRef) ?? [],
      revision:
        lifecycle.revisions.get(
          revisionKey(resolved.cluster.name, entityRef),
        ) ?? 0,
      intent: lifecycle.intents.get(
        revisionKey(resolved.cluster.name, entityRef),
      ),
      history,
      resolved,
      imageKeys: config?.images.map(image => image.normalized) ?? [],
      now: new Date(),
    };
  }

  /** Changes whenever anything in the response would (expiry days: within a minute). */
  private stampOf(inputs: StateInputs): string {
    const clusters = this.clusters.list().map(({ informer }) => {
      const { state, since } = informer.state;
      return `${state}|${since}|${informer.index.stampFor(
        inputs.entityRef,
        inputs.imageKeys,
      )}`;
    });
    return [
      identityOf(inputs.resolved),
      identityOf(inputs.history),
      JSON.stringify([
        inputs.saved,
        inputs.retries,
        inputs.marks,
        inputs.revision,
        inputs.intent?.requestedAt,
        inputs.decisions,
      ]),
      ...clusters,
      Math.floor(inputs.now.getTime() / 60_000),
    ].join('\n');
  }

  private build(inputs: StateInputs): EntityStateResponse {
    const { entityRef, entity, decisions, saved, resolved, now } = inputs;
    const configured = this.resolver.desired(
      entity,
      saved?.settings,
      () => inputs.revision,
    );
    const desired = withIntent(configured, inputs.intent);
    const retryByKey = new Map(
      inputs.retries.map(r => [cacheKey(r.cluster, r.cacheName), r]),
    );
    const markByKey = new Map(
      inputs.marks.map(m => [cacheKey(m.cluster, m.cacheName), m]),
    );
    const acrViews = this.resolver.acrViews(entity, saved?.settings);
    const clusters: EntityClusterView[] = this.clusters
      .list()
      .map((connection, position) => {
        const { index } = connection.informer;
        const managed = index.managedBy(entityRef);
        const roles = managedCacheRoles(desired, managed);
        const viewOf = (
          cache: ObservedImageCache,
          role: CacheRole,
        ): ImageCacheView =>
          cacheView(cache, role, {
            now,
            retry: retryByKey.get(cacheKey(cache.cluster, cache.name)),
            orphanMark: markByKey.get(cacheKey(cache.cluster, cache.name)),
            orphanGracePeriodMs: this.config.lifecycle.orphanGracePeriodMs,
          });
        // Thousands may share a base image: views are built for the listed ones only.
        const others = listedOtherCaches(
          index
            .othersWithAnyImage(entityRef, inputs.imageKeys)
            .map(cache =>
              observedCacheOf(
                cache,
                cache.ownership.managed ? 'other' : 'unmanaged',
              ),
            ),
          inputs.imageKeys,
          now,
        );
        const caches = [
          ...managed
            .sort(newestFirst)
            .map(cache => viewOf(cache, roles.get(cache)!)),
          ...others.listed.map(other => viewOf(other.source, other.role)),
        ];
        return {
          name: connection.config.name,
          region: connection.config.region,
          default: connection.config.isDefault,
          target: connection.config.name === resolved.cluster.name,
          sync: syncStateView(connection.informer),
          caches,
          otherCachesOmitted: others.omitted,
          acr: acrViews.acr[position],
          allowUnlistedAcrInstances:
            connection.config.allowUnlistedAcrInstances,
          error: clusterErrorOf(connection.informer),
        };
      });

    // Drift is about the configuration: compared with what it asks for, not with a command's values.
    const active =
      desired.kind === 'cache'
        ? this.clusters
            .find(desired.cluster)
            ?.informer.index.get(desired.cache.metadata.name)
        : undefined;
    return {
      entityRef,
      hasAnnotations: resolved.hasAnnotations,
      config: effectiveConfigView(resolved),
      problems: resolved.result.ok ? [] : resolved.result.problems,
      warnings: [
        ...resolved.result.warnings,
        ...(configured.kind === 'cache' && active
          ? driftWarnings(configured.cache, active)
          : []),
      ],
      settings: saved ?? null,
      clusters,
      images: acrViews.images,
      errors: clusters.flatMap(cluster =>
        cluster.error ? [cluster.error] : [],
      ),
      history: inputs.history,
      permissions: {
        create: decisions.create,
        delete: decisions.delete,
        updateAcr: decisions.updateAcr,
      },
    };
  }
}
