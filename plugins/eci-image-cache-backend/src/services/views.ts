import {
  ANNOTATION_ACR_INSTANCE_IDS,
  CacheRole,
  ClusterError,
  ClusterSyncState,
  daysUntilExpiry,
  ImageCacheView,
  parseProgressPercent,
  isCacheExpired,
  isCacheUsable,
  ObservedCache,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ImageCacheInformer } from '../cluster/ImageCacheInformer';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { OrphanMark, RetryState } from '../database/EciImageCacheStore';

const NO_EVENTS: readonly never[] = [];

export interface CacheViewContext {
  now: Date;
  retry?: RetryState;
  orphanMark?: OrphanMark;
  orphanGracePeriodMs: number;
}

export function cacheView(
  cache: ObservedImageCache,
  role: CacheRole,
  context: CacheViewContext,
): ImageCacheView {
  const { status, spec } = cache;
  const expireDateTime = status.expireDateTime ?? null;
  const daysLeft = daysUntilExpiry(status.expireDateTime, context.now) ?? null;
  const observed = {
    phase: status.phase ?? null,
    imageCacheId: status.imageCacheId ?? null,
    expireDateTime,
    deleting: cache.deleting,
  };
  return {
    cluster: cache.cluster,
    name: cache.name,
    managed: cache.ownership.managed,
    origin: cache.origin,
    role,
    entityRef: cache.ownership.managed
      ? cache.ownership.entityRef ?? null
      : null,
    images: spec.images as string[],
    phase: status.phase ?? null,
    progress: status.progress ?? null,
    progressPercent: parseProgressPercent(status.progress) ?? null,
    imageCacheId: status.imageCacheId ?? null,
    usable: isCacheUsable(observed, context.now),
    imageCacheSize: spec.imageCacheSize ?? null,
    retentionDays: spec.retentionDays ?? null,
    expireDateTime,
    daysLeft,
    expired: isCacheExpired(observed, context.now),
    creationTimestamp: cache.creationTimestamp ?? null,
    startTime: status.startTime ?? null,
    lastUpdatedTime: status.lastUpdatedTime ?? null,
    events: (status.events ?? NO_EVENTS) as ImageCacheView['events'],
    acrInstanceIds: cache.annotations[ANNOTATION_ACR_INSTANCE_IDS] ?? null,
    deleting: cache.deleting,
    retry:
      context.retry && status.phase === 'Failed'
        ? {
            attempts: context.retry.attempts,
            nextAttemptAt: context.retry.nextAttemptAt.toISOString(),
          }
        : null,
    deleteAfter: context.orphanMark
      ? new Date(
          context.orphanMark.firstSeenAt.getTime() +
            context.orphanGracePeriodMs,
        ).toISOString()
      : null,
  };
}

export function syncStateView(informer: ImageCacheInformer): ClusterSyncState {
  const { state, message, since } = informer.state;
  return message ? { state, message, since } : { state, since };
}

const STATUS_BY_NAME: Record<string, number> = {
  InputError: 400,
  NotFoundError: 404,
  ConflictError: 409,
  ClusterCredentialsError: 502,
};

/** A Backstage error about one cluster, in the shape responses carry per cluster. */
export function clusterErrorView(cluster: string, error: Error): ClusterError {
  const statusCode =
    (error as { statusCode?: number }).statusCode ??
    STATUS_BY_NAME[error.name] ??
    503;
  return { cluster, statusCode, name: error.name, message: error.message };
}

/** The error to show for a cluster whose watch cache is not current. */
export function clusterErrorOf(
  informer: ImageCacheInformer,
): ClusterError | null {
  const { state, error } = informer.state;
  return state === 'error' && error
    ? clusterErrorView(informer.cluster, error)
    : null;
}

/** What the decision model reads of a watched cache, with the cache it came from. */
export function observedCacheOf(
  cache: ObservedImageCache,
  role: CacheRole,
): ObservedCache & { source: ObservedImageCache } {
  return {
    name: cache.name,
    role,
    phase: cache.status.phase ?? null,
    imageCacheId: cache.status.imageCacheId ?? null,
    images: cache.spec.images as string[],
    expireDateTime: cache.status.expireDateTime ?? null,
    deleting: cache.deleting,
    creationTimestamp: cache.creationTimestamp ?? null,
    source: cache,
  };
}
