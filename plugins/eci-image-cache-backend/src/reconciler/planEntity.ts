import { ImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import { LifecycleConfig } from '../config/pluginConfig';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { OrphanMark, RetryState } from '../database/EciImageCacheStore';
import { DesiredState } from '../desired/desiredState';

/** One step the reconciler takes for an entity. Every step touches only managed caches of that entity. */
export type ReconcileAction =
  | { type: 'create'; cluster: string; cache: ImageCache; reason: string }
  | {
      type: 'delete';
      cluster: string;
      target: ObservedImageCache;
      historyAction: 'deleted' | 'expired';
      reason: string;
    }
  | {
      type: 'retry';
      cluster: string;
      target: ObservedImageCache;
      cache: ImageCache;
      attempt: number;
    }
  | { type: 'schedule-retry'; retry: RetryState }
  | { type: 'clear-retry'; cluster: string; cacheName: string }
  | { type: 'mark-orphan'; mark: OrphanMark; target: ObservedImageCache }
  | { type: 'clear-orphan'; cluster: string; cacheName: string }
  | {
      type: 'record-rotation';
      cluster: string;
      active: ObservedImageCache;
      replaced: ObservedImageCache[];
    };

export interface PlanInput {
  entityRef: string;
  desired: DesiredState;
  /** Managed caches owned by the entity, on clusters whose watch cache is synced. */
  existing: ObservedImageCache[];
  retries: Map<string, RetryState>;
  orphanMarks: Map<string, OrphanMark>;
  lifecycle: LifecycleConfig;
  now: Date;
}

export function cacheKey(cluster: string, name: string): string {
  return `${cluster}/${name}`;
}

function newestFirst(a: ObservedImageCache, b: ObservedImageCache): number {
  return (b.creationTimestamp ?? '').localeCompare(a.creationTimestamp ?? '');
}

function retryDelayMs(attempts: number, lifecycle: LifecycleConfig): number {
  return Math.min(
    lifecycle.retryInitialBackoffMs * 2 ** Math.min(attempts, 30),
    lifecycle.retryMaxBackoffMs,
  );
}

function planOrphans(
  input: PlanInput,
  orphans: ObservedImageCache[],
  reason: string,
): ReconcileAction[] {
  const actions: ReconcileAction[] = [];
  for (const cache of orphans) {
    if (cache.deleting) continue;
    const mark = input.orphanMarks.get(cacheKey(cache.cluster, cache.name));
    if (!mark) {
      actions.push({
        type: 'mark-orphan',
        mark: {
          cluster: cache.cluster,
          cacheName: cache.name,
          entityRef: input.entityRef,
          reason,
          firstSeenAt: input.now,
        },
        target: cache,
      });
    } else if (
      input.now.getTime() - mark.firstSeenAt.getTime() >=
      input.lifecycle.orphanGracePeriodMs
    ) {
      actions.push({
        type: 'delete',
        cluster: cache.cluster,
        target: cache,
        historyAction: 'deleted',
        reason: `orphaned (${mark.reason}) since ${mark.firstSeenAt.toISOString()}; grace period over`,
      });
    }
  }
  return actions;
}

function planFailedActive(
  input: PlanInput,
  active: ObservedImageCache,
  cache: ImageCache,
): ReconcileAction[] {
  const key = cacheKey(active.cluster, active.name);
  const retry = input.retries.get(key);
  const failedUid = active.uid ?? '';
  if (!retry || retry.failedUid !== failedUid) {
    const attempts = retry?.attempts ?? 0;
    return [
      {
        type: 'schedule-retry',
        retry: {
          cluster: active.cluster,
          cacheName: active.name,
          entityRef: input.entityRef,
          attempts,
          failedUid,
          nextAttemptAt: new Date(
            input.now.getTime() + retryDelayMs(attempts, input.lifecycle),
          ),
        },
      },
    ];
  }
  if (input.now.getTime() < retry.nextAttemptAt.getTime()) {
    return [];
  }
  return [
    {
      type: 'retry',
      cluster: active.cluster,
      target: active,
      cache,
      attempt: retry.attempts + 1,
    },
  ];
}

/**
 * Decides what to do for one entity. Pure: the same input always gives the same plan,
 * which makes the reconciler idempotent and safe to run on any replica.
 */
export function planEntity(input: PlanInput): ReconcileAction[] {
  const { desired, existing, lifecycle } = input;
  if (desired.kind === 'unknown') {
    return [];
  }
  const actions: ReconcileAction[] = [];
  const wanted = desired.kind === 'cache' ? desired : undefined;
  const onTarget = existing.filter(c => c.cluster === wanted?.cluster);
  const elsewhere = existing.filter(c => c.cluster !== wanted?.cluster);

  const orphanReason =
    desired.kind === 'none'
      ? desired.reason
      : `the entity now targets cluster "${wanted!.cluster}"`;
  actions.push(...planOrphans(input, elsewhere, orphanReason));

  for (const cache of onTarget) {
    if (input.orphanMarks.has(cacheKey(cache.cluster, cache.name))) {
      actions.push({
        type: 'clear-orphan',
        cluster: cache.cluster,
        cacheName: cache.name,
      });
    }
  }
  if (!wanted) {
    return actions;
  }

  const name = wanted.cache.metadata.name;
  const active = onTarget.find(c => c.name === name);
  const predecessors = onTarget
    .filter(c => c.name !== name && !c.deleting)
    .sort(newestFirst);

  if (!active) {
    actions.push({
      type: 'create',
      cluster: wanted.cluster,
      cache: wanted.cache,
      reason:
        predecessors.length > 0
          ? `replaces ${predecessors[0].name} (image set or refresh changed)`
          : 'no managed cache for the current image set',
    });
  } else if (active.status.phase === 'Failed' && !active.deleting) {
    actions.push(...planFailedActive(input, active, wanted.cache));
  } else if (input.retries.has(cacheKey(active.cluster, active.name))) {
    if (active.status.phase === 'Ready') {
      actions.push({
        type: 'clear-retry',
        cluster: active.cluster,
        cacheName: active.name,
      });
    }
  }

  // Failed predecessors are useless; others are kept until the active cache is Ready.
  for (const old of predecessors.filter(c => c.status.phase === 'Failed')) {
    actions.push({
      type: 'delete',
      cluster: old.cluster,
      target: old,
      historyAction: 'deleted',
      reason: `failed predecessor of ${name}`,
    });
  }
  if (active?.status.phase === 'Ready' && !active.deleting) {
    const usable = predecessors.filter(c => c.status.phase !== 'Failed');
    const surplus = usable.slice(lifecycle.previousCachesKept);
    if (usable.length > 0) {
      actions.push({
        type: 'record-rotation',
        cluster: active.cluster,
        active,
        replaced: usable,
      });
    }
    for (const old of surplus) {
      actions.push({
        type: 'delete',
        cluster: old.cluster,
        target: old,
        historyAction: 'deleted',
        reason: `rotated out: ${name} is Ready and only ${lifecycle.previousCachesKept} previous cache(s) are kept`,
      });
    }
  }
  return actions;
}
