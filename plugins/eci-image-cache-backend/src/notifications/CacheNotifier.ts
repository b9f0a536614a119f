import { LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  AlertedCache,
  cacheAlert,
} from '@eci-portal/plugin-eci-image-cache-common';
import { CatalogEntities } from '../catalog/CatalogEntities';
import { ClusterConnection, ClusterRegistry } from '../cluster/ClusterRegistry';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import {
  CacheIntent,
  EciImageCacheStore,
} from '../database/EciImageCacheStore';
import { cacheNotification } from './cacheNotification';
import { NotificationConfig } from './notificationConfig';
import { NotificationClaim, SentNotifications } from './SentNotifications';

function alerted(cache: ObservedImageCache): AlertedCache {
  return {
    name: cache.name,
    phase: cache.status.phase,
    expireDateTime: cache.status.expireDateTime,
    deleting: cache.deleting,
    creationTimestamp: cache.creationTimestamp,
  };
}

/** The entity's owner: the `ownedBy` relation the catalog computed, else `spec.owner` (a group by default). */
export function ownerOf(entity: Entity): string | undefined {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  if (relation) return relation.targetRef;
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner) return undefined;
  return stringifyEntityRef(
    parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }),
  );
}

/**
 * Tells an entity's owner when one of its managed caches goes Failed, or expires soon with no
 * refresh planned. Every replica watches; {@link SentNotifications} makes each alert go out once.
 */
export class CacheNotifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      config: NotificationConfig;
      clusters: ClusterRegistry;
      store: EciImageCacheStore;
      entities: CatalogEntities;
      notifications: NotificationService;
      sent: SentNotifications;
      logger: LoggerService;
    },
  ) {}

  /** Checks an entity as soon as one of its managed caches turns Failed on the watch. */
  watchFailures(): void {
    for (const connection of this.deps.clusters.list()) {
      connection.informer.index.onChange((previous, current) => {
        const entityRef = current?.ownership.managed
          ? current.ownership.entityRef
          : undefined;
        if (
          !entityRef ||
          current?.status.phase !== 'Failed' ||
          previous?.status.phase === 'Failed'
        ) {
          return;
        }
        this.track(
          this.checkEntity(connection, entityRef, new Date()).catch(error =>
            this.deps.logger.warn(
              `Could not notify the owner of ${entityRef} about ${current.name}: ${error}`,
            ),
          ),
        );
      });
    }
  }

  /** Every managed cache on every synced cluster (the scheduled pass). */
  async checkAll(now = new Date()): Promise<void> {
    const intents = await this.deps.store.listIntents();
    for (const connection of this.deps.clusters.list()) {
      if (connection.informer.state.state !== 'synced') continue;
      for (const entityRef of Array.from(connection.informer.index.owners())) {
        await this.checkEntity(connection, entityRef, now, intents).catch(
          error =>
            this.deps.logger.warn(
              `Could not notify the owner of ${entityRef}: ${error}`,
            ),
        );
      }
    }
  }

  /** Resolves once the checks started by the watch have finished (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    work.finally(() => this.pending.delete(work));
  }

  private async checkEntity(
    connection: ClusterConnection,
    entityRef: string,
    now: Date,
    intents?: Map<string, CacheIntent>,
  ): Promise<void> {
    const caches = connection.informer.index.managedBy(entityRef);
    if (caches.length === 0) return;
    const intent = (intents ?? (await this.deps.store.listIntents())).get(
      `${connection.config.name}\n${entityRef}`,
    );
    const siblings = caches.map(alerted);
    const alerts = caches.flatMap(cache => {
      const alert = cacheAlert({
        cache: alerted(cache),
        siblings,
        requested: intent && {
          cacheName: intent.cache.metadata.name ?? '',
          requestedAt: intent.requestedAt.toISOString(),
        },
        expiryWarningDays: this.deps.config.expiryWarningDays,
        now,
      });
      return alert ? [{ cache, alert }] : [];
    });
    if (alerts.length === 0) return;

    const entity = await this.deps.entities.getOwn(entityRef);
    const recipient = entity && ownerOf(entity);
    if (!recipient) return; // an orphan: nobody to tell, and the reconciler removes it
    for (const { cache, alert } of alerts) {
      await this.send(
        {
          kind: alert.kind,
          entityRef,
          cluster: connection.config.name,
          cacheName: cache.name,
          recipient,
        },
        () => cacheNotification(entityRef, cache, alert),
      );
    }
  }

  private async send(
    claim: NotificationClaim,
    payload: () => ReturnType<typeof cacheNotification>,
  ): Promise<void> {
    if (!(await this.deps.sent.claim(claim))) return;
    try {
      await this.deps.notifications.send({
        recipients: { type: 'entity', entityRef: claim.recipient },
        payload: payload(),
      });
      this.deps.logger.info(
        `Told ${claim.recipient} that ${claim.cluster}/${claim.cacheName} of ${claim.entityRef} is ${claim.kind}`,
      );
    } catch (error) {
      await this.deps.sent.release(claim);
      throw error;
    }
  }
}
