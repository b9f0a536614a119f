import { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ECI_IMAGES,
  ImageCache,
  isImageCacheOwnedBy,
  SavedEntitySettings,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterConnection, ClusterRegistry } from '../cluster/ClusterRegistry';
import { WriteLimitReachedError, WriteMode } from '../cluster/ImageCacheApi';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { PluginConfig } from '../config/pluginConfig';
import {
  CacheIntent,
  EciImageCacheStore,
  OrphanMark,
  RetryState,
} from '../database/EciImageCacheStore';
import { LifecycleStateCache } from '../database/LifecycleStateCache';
import { CatalogEntities } from '../catalog/CatalogEntities';
import { DesiredState } from '../desired/desiredState';
import { EntityConfigResolver } from '../desired/EntityConfigResolver';
import { withIntent } from './cacheIntent';
import { cacheKey, planEntity, ReconcileAction } from './planEntity';
import { ReconcileLease } from './ReconcileLease';

interface RunContext {
  settings: Map<string, SavedEntitySettings>;
  revisions: Map<string, number>;
  intents: Map<string, CacheIntent>;
  retries: Map<string, RetryState>;
  orphanMarks: Map<string, OrphanMark>;
  synced: ClusterConnection[];
  /** Clusters whose write budget ran out during this run. */
  limited: Set<string>;
}

export interface ReconcileSummary {
  entities: number;
  actions: number;
  errors: number;
  /** The lease was held elsewhere for the whole wait: nothing was done. */
  skipped?: boolean;
}

/** How long the scheduled pass waits for the lease (a command's reconcile holds it briefly). */
const PASS_LEASE_WAIT_MS = 30_000;
/** How long a command waits for the lease before leaving the work to the next pass. */
export const COMMAND_LEASE_WAIT_MS = 10_000;

const YIELD_EVERY = 25;

/** Lets HTTP requests in every few entities: a run over thousands must not hold them up. */
async function yieldNow(position: number): Promise<void> {
  if (position % YIELD_EVERY === YIELD_EVERY - 1) {
    await new Promise(resolve => setImmediate(resolve));
  }
}

export function revisionKey(cluster: string, entityRef: string): string {
  return `${cluster}\n${entityRef}`;
}

/** Why an entity listed without images, or not at all, wants no cache. */
function whyNotWanted(
  entityRef: string,
  withoutImages: Map<string, Entity>,
): string {
  return withoutImages.has(entityRef)
    ? `the ${ANNOTATION_ECI_IMAGES} annotation was removed`
    : 'the entity is no longer in the catalog';
}

function failureMessage(cache: ObservedImageCache): string {
  const warnings = (cache.status.events ?? [])
    .filter(event => event.type === 'Warning')
    .map(event => `${event.reason ?? 'Warning'}: ${event.message ?? ''}`);
  return warnings.length > 0 ? warnings.join('; ') : 'no ECI event explains it';
}

/**
 * Applies each entity's desired state to the clusters: the only writer of ImageCaches and of
 * their history. Every write happens under the {@link ReconcileLease}, on whichever replica.
 * Only managed caches owned by the entity are ever created or deleted; clusters whose watch
 * cache is not synced are left alone.
 */
export class Reconciler {
  /** Rotations already written to the history by this process (the DB dedupes across replicas). */
  private readonly recordedRotations = new Set<string>();

  constructor(
    private readonly config: PluginConfig,
    private readonly clusters: ClusterRegistry,
    private readonly store: EciImageCacheStore,
    private readonly lifecycleState: LifecycleStateCache,
    private readonly resolver: EntityConfigResolver,
    private readonly entities: CatalogEntities,
    private readonly logger: LoggerService,
    private readonly lease: ReconcileLease,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One pass over every entity with images and every owner of a managed cache. */
  async reconcileAll(): Promise<ReconcileSummary> {
    const outcome = await this.lease.run(() => this.pass(), PASS_LEASE_WAIT_MS);
    return outcome.acquired
      ? outcome.value
      : { entities: 0, actions: 0, errors: 0, skipped: true };
  }

  private async pass(): Promise<ReconcileSummary> {
    const candidates = await this.entities.listWithImages();
    const context = await this.loadContext();
    const byRef = new Map(
      candidates.map(entity => [stringifyEntityRef(entity), entity]),
    );
    const owners = new Set<string>();
    for (const cluster of context.synced) {
      for (const owner of cluster.informer.index.owners()) owners.add(owner);
    }
    const absent = Array.from(owners).filter(ref => !byRef.has(ref));
    const withoutImages = await this.entities.getManyOwn(absent);

    const summary: ReconcileSummary = { entities: 0, actions: 0, errors: 0 };
    const refs = [...byRef.keys(), ...absent];
    for (const [position, entityRef] of refs.entries()) {
      await yieldNow(position);
      const result = await this.reconcileWith(
        entityRef,
        byRef.get(entityRef),
        whyNotWanted(entityRef, withoutImages),
        context,
      );
      summary.entities += 1;
      summary.actions += result.actions;
      summary.errors += result.errors;
    }
    return summary;
  }

  /**
   * Reconciles the entities the catalog just changed (refs from the catalog change feed),
   * re-read under the lease; returns false when the lease did not come within `waitMs`.
   */
  async reconcileChanges(
    entityRefs: string[],
    waitMs = COMMAND_LEASE_WAIT_MS,
  ): Promise<boolean> {
    const outcome = await this.lease.run(async () => {
      const [context, found] = await Promise.all([
        this.loadContext(),
        this.entities.getManyOwn(entityRefs),
      ]);
      for (const [position, entityRef] of entityRefs.entries()) {
        await yieldNow(position);
        const entity = found.get(entityRef);
        await this.reconcileWith(
          entityRef,
          entity?.metadata.annotations?.[ANNOTATION_ECI_IMAGES] === undefined
            ? undefined
            : entity,
          whyNotWanted(entityRef, found),
          context,
        );
      }
    }, waitMs);
    return outcome.acquired;
  }

  /**
   * Reconciles one entity now (after a command), under the lease; returns false when the
   * lease did not come within `waitMs` (the next pass does the work then).
   */
  async reconcileEntity(
    entityRef: string,
    waitMs = COMMAND_LEASE_WAIT_MS,
  ): Promise<boolean> {
    const outcome = await this.lease.run(
      () => this.reconcileOne(entityRef),
      waitMs,
    );
    return outcome.acquired;
  }

  /**
   * Deletes a cache on a caller's request, then reconciles its entity (which recreates the
   * cache if the entity still wants it), all under the lease.
   */
  async deleteOnRequest(
    entityRef: string,
    target: ObservedImageCache,
    actor: string,
  ): Promise<void> {
    const outcome = await this.lease.run(async () => {
      const context = await this.loadContext();
      await this.delete(entityRef, target, 'deleted', `deleted by ${actor}`, context, {
        mode: 'wait',
        actor,
      });
      await this.reconcileOne(entityRef);
    }, COMMAND_LEASE_WAIT_MS);
    if (!outcome.acquired) {
      throw new ServiceUnavailableError(
        `The reconciler is busy with another change; ${target.name} was not deleted. Try again in a few seconds.`,
      );
    }
  }

  private async reconcileOne(entityRef: string): Promise<void> {
    const [entity, context] = await Promise.all([
      this.entities.getOwn(entityRef),
      this.loadContext(),
    ]);
    await this.reconcileWith(
      entityRef,
      entity,
      'the entity is no longer in the catalog',
      context,
    );
  }

  private async loadContext(): Promise<RunContext> {
    // Read after the lease was taken: every command committed before is in it.
    const { settings, revisions, intents, retries, orphanMarks } =
      await this.lifecycleState.readNow();
    return {
      settings,
      revisions,
      intents,
      retries: new Map(retries.map(r => [cacheKey(r.cluster, r.cacheName), r])),
      orphanMarks: new Map(
        orphanMarks.map(m => [cacheKey(m.cluster, m.cacheName), m]),
      ),
      synced: this.clusters
        .list()
        .filter(cluster => cluster.informer.state.state === 'synced'),
      limited: new Set(),
    };
  }

  private desiredState(
    entityRef: string,
    entity: Entity | undefined,
    missingReason: string,
    context: RunContext,
  ): DesiredState {
    const configured = this.resolver.desired(
      entity,
      context.settings.get(entityRef)?.settings,
      cluster => context.revisions.get(revisionKey(cluster, entityRef)) ?? 0,
      missingReason,
    );
    return configured.kind === 'cache'
      ? withIntent(
          configured,
          context.intents.get(revisionKey(configured.cluster, entityRef)),
        )
      : configured;
  }

  private async reconcileWith(
    entityRef: string,
    entity: Entity | undefined,
    missingReason: string,
    context: RunContext,
  ): Promise<{ actions: number; errors: number }> {
    const desired = this.desiredState(entityRef, entity, missingReason, context);
    if (
      desired.kind === 'cache' &&
      !context.synced.some(cluster => cluster.config.name === desired.cluster)
    ) {
      return { actions: 0, errors: 0 };
    }
    const existing = context.synced.flatMap(cluster =>
      cluster.informer.index.managedBy(entityRef),
    );
    const actions = planEntity({
      entityRef,
      desired,
      existing,
      retries: context.retries,
      orphanMarks: context.orphanMarks,
      lifecycle: this.config.lifecycle,
      now: this.now(),
    });
    let errors = 0;
    for (const action of actions) {
      try {
        await this.execute(entityRef, action, context);
      } catch (error) {
        if (error instanceof WriteLimitReachedError) {
          this.logger.debug(error.message);
          continue;
        }
        errors += 1;
        this.logger.warn(
          `Reconciling ${entityRef}: ${action.type} failed: ${(error as Error).message}`,
        );
      }
    }
    return { actions: actions.length, errors };
  }

  private async execute(
    entityRef: string,
    action: ReconcileAction,
    context: RunContext,
  ): Promise<void> {
    switch (action.type) {
      case 'create': {
        const intent = context.intents.get(revisionKey(action.cluster, entityRef));
        const requested =
          intent?.cache.metadata.name === action.cache.metadata.name ? intent : undefined;
        await this.create(
          entityRef,
          action.cluster,
          action.cache,
          requested
            ? `revision ${requested.revision} requested by ${requested.requestedBy}; ${action.reason}`
            : action.reason,
          context,
          requested?.requestedBy,
        );
        return;
      }
      case 'delete':
        await this.delete(entityRef, action.target, action.historyAction, action.reason, context);
        return;
      case 'retry': {
        const key = cacheKey(action.cluster, action.target.name);
        const retry: RetryState = {
          cluster: action.cluster,
          cacheName: action.target.name,
          entityRef,
          attempts: action.attempt,
          failedUid: action.target.uid ?? '',
          nextAttemptAt: this.now(),
        };
        await this.delete(entityRef, action.target, 'deleted', 'retrying after failure', context);
        await this.store.saveRetry(retry);
        context.retries.set(key, retry);
        await this.store.addHistory({
          entityRef,
          cluster: action.cluster,
          cacheName: action.target.name,
          imageCacheId: action.target.status.imageCacheId,
          action: 'retried',
          message: `retry ${action.attempt} after failure: ${failureMessage(action.target)}`,
          dedupeKey: `${action.cluster}/${action.target.uid}/retried`,
        });
        await this.create(entityRef, action.cluster, action.cache, `retry ${action.attempt}`, context);
        return;
      }
      case 'schedule-retry': {
        const { retry, target, keeps } = action;
        await this.store.saveRetry(retry);
        context.retries.set(cacheKey(retry.cluster, retry.cacheName), retry);
        await this.store.addHistory(
          {
            entityRef,
            cluster: retry.cluster,
            cacheName: target.name,
            imageCacheId: target.status.imageCacheId,
            action: 'failed',
            message: `${failureMessage(target)}; ${
              keeps ? `${keeps.name} stays current; ` : ''
            }retry ${retry.attempts + 1} at ${retry.nextAttemptAt.toISOString()}`,
            dedupeKey: `${retry.cluster}/${target.uid}/failed`,
          },
          { replace: true },
        );
        return;
      }
      case 'clear-retry':
        await this.store.clearRetry(action.cluster, action.cacheName);
        context.retries.delete(cacheKey(action.cluster, action.cacheName));
        return;
      case 'mark-orphan': {
        const { mark, target } = action;
        await this.store.markOrphan(mark);
        context.orphanMarks.set(cacheKey(mark.cluster, mark.cacheName), mark);
        const deleteAfter = new Date(
          mark.firstSeenAt.getTime() + this.config.lifecycle.orphanGracePeriodMs,
        );
        await this.store.addHistory({
          entityRef,
          cluster: mark.cluster,
          cacheName: mark.cacheName,
          imageCacheId: target.status.imageCacheId,
          action: 'orphaned',
          message: `no longer wanted: ${mark.reason}; deleted after ${deleteAfter.toISOString()} unless wanted again`,
          dedupeKey: `${mark.cluster}/${target.uid}/orphaned`,
        });
        return;
      }
      case 'clear-orphan':
        await this.store.clearOrphanMark(action.cluster, action.cacheName);
        context.orphanMarks.delete(cacheKey(action.cluster, action.cacheName));
        return;
      case 'record-rotation': {
        const dedupeKey = `${action.cluster}/${action.active.uid}/rotated`;
        if (this.recordedRotations.has(dedupeKey)) return;
        await this.store.addHistory({
          entityRef,
          cluster: action.cluster,
          cacheName: action.active.name,
          imageCacheId: action.active.status.imageCacheId,
          action: 'rotated',
          message: `${action.active.name} is Ready and replaces ${action.replaced
            .map(old => `${old.name}${old.status.imageCacheId ? ` (${old.status.imageCacheId})` : ''}`)
            .join(', ')}`,
          dedupeKey,
        });
        if (this.recordedRotations.size > 100_000) this.recordedRotations.clear();
        this.recordedRotations.add(dedupeKey);
        return;
      }
      default:
        return;
    }
  }

  private connection(name: string, context: RunContext): ClusterConnection {
    if (context.limited.has(name)) {
      throw new WriteLimitReachedError(
        `Cluster "${name}": write limit reached, remaining writes wait for the next run`,
      );
    }
    return this.clusters.get(name);
  }

  private async create(
    entityRef: string,
    cluster: string,
    cache: ImageCache,
    reason: string,
    context: RunContext,
    actor?: string,
  ): Promise<void> {
    const connection = this.connection(cluster, context);
    try {
      const created = await connection.api.create(cache, 'skip-if-limited');
      connection.informer.applyWrite(created);
      // Replaces the entry the watch may have backfilled for this first sighting.
      await this.store.addHistory(
        {
          entityRef,
          cluster,
          cacheName: cache.metadata.name,
          action: 'created',
          message: reason,
          actor,
          dedupeKey: `${cluster}/${created.metadata.uid}/created`,
        },
        { replace: true },
      );
    } catch (error) {
      if (error instanceof WriteLimitReachedError) {
        context.limited.add(cluster);
        throw error;
      }
      if ((error as Error).name !== 'ConflictError') throw error;
      // Created meanwhile (another replica or an API call): adopt it only if it is ours.
      const current = await connection.api.get(cache.metadata.name);
      if (!isImageCacheOwnedBy(current, entityRef)) {
        throw new Error(
          `ImageCache "${cache.metadata.name}" exists on cluster "${cluster}" but is not managed for ${entityRef}; leaving it alone`,
        );
      }
      connection.informer.applyWrite(current);
    }
  }

  private async delete(
    entityRef: string,
    target: ObservedImageCache,
    historyAction: 'deleted' | 'expired',
    reason: string,
    context: RunContext,
    request: { mode: WriteMode; actor?: string } = { mode: 'skip-if-limited' },
  ): Promise<void> {
    const connection = this.connection(target.cluster, context);
    try {
      await connection.api.delete(target.name, target.uid, request.mode);
    } catch (error) {
      if (error instanceof WriteLimitReachedError) {
        context.limited.add(target.cluster);
        throw error;
      }
      // Already gone, or replaced by a namesake we must not touch.
      const name = (error as Error).name;
      if (name !== 'NotFoundError' && name !== 'ConflictError') throw error;
    }
    connection.informer.applyDelete(target.name);
    await this.store.clearOrphanMark(target.cluster, target.name);
    context.orphanMarks.delete(cacheKey(target.cluster, target.name));
    await this.store.addHistory(
      {
        entityRef,
        cluster: target.cluster,
        cacheName: target.name,
        imageCacheId: target.status.imageCacheId,
        action: historyAction,
        message: reason,
        actor: request.actor,
        dedupeKey: `${target.cluster}/${target.uid}/deleted`,
      },
      { replace: true },
    );
  }
}
