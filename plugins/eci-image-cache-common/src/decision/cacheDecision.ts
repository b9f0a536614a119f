import type { EntityCacheMode } from '../entityConfig';
import { problemOf, ValidationProblem } from '../validation/result';
import type { WorkflowCacheMode } from '../workflow';
import { EciPrediction, predictEci } from './eciPrediction';
import { ObservedCache } from './observedCache';
import { describePinRefusal, pinnableCaches, pinRefusal } from './pinRule';

/**
 * What decides the cache part of an entity's workflow on one cluster.
 *
 * @public
 */
export interface CacheDecisionInput<T extends ObservedCache = ObservedCache> {
  entityRef: string;
  /** The entity's configured cache mode. */
  entityCacheMode: EntityCacheMode;
  /** The mode the user chose for this workflow, overriding the entity's. */
  chosenCacheMode?: WorkflowCacheMode;
  cluster: {
    name: string;
    caches: readonly T[];
    error?: { message: string } | null;
  };
  /** The workflow's images. */
  images: readonly string[];
  now: Date;
}

/**
 * The workflow's cache mode, the cache it pins and what ECI will do.
 *
 * @public
 */
export interface CacheDecision<T extends ObservedCache = ObservedCache> {
  cacheMode: WorkflowCacheMode;
  /** The caches the pin rule allows, best first. */
  pinnable: T[];
  /** The pinned cache, or null with `unpinnedReason`. */
  pinned: T | null;
  /** Why no cache can be pinned, or null when one can. */
  unpinnedReason: string | null;
  eci: EciPrediction<T>;
  /** A requested pin without a pinnable cache. */
  problems: ValidationProblem[];
  /** Fallbacks and why a cache other than the active one is pinned. */
  notes: string[];
}

function unpinnedReasonOf(
  caches: readonly ObservedCache[],
  images: readonly string[],
  now: Date,
): string {
  const own = caches.filter(
    cache => cache.role === 'active' || cache.role === 'previous',
  );
  if (own.length === 0) return 'it has no Ready cache there';
  return own
    .map(cache =>
      describePinRefusal(cache, pinRefusal(cache, images, now)!, images),
    )
    .join('; ');
}

/**
 * The cache decision of a workflow on one cluster: a chosen mode wins; a `manual` entity pins
 * its best pinnable cache (the one pin rule) and falls back to automatic matching while it has
 * none; the ECI prediction follows from the mode and the pinned cache.
 *
 * @public
 */
export function decideCache<T extends ObservedCache>(
  input: CacheDecisionInput<T>,
): CacheDecision<T> {
  const { cluster, images, now } = input;
  const notes: string[] = [];
  const problems: ValidationProblem[] = [];
  const pinnable = pinnableCaches(cluster.caches, images, now);
  const best = pinnable[0] ?? null;
  const unpinnedReason = best
    ? null
    : unpinnedReasonOf(cluster.caches, images, now);
  let cacheMode: WorkflowCacheMode;
  if (input.chosenCacheMode !== undefined) {
    cacheMode = input.chosenCacheMode;
    if (cacheMode === 'pinned' && !best) {
      problems.push(
        problemOf(
          'cacheMode',
          'pinned',
          'no-pinnable-cache',
          `cannot pin ${input.entityRef} on cluster "${
            cluster.name
          }": no cache is Ready, unexpired and holding all of ${images.join(
            ', ',
          )} (${unpinnedReason}). Use "auto", or create the cache and wait until it is Ready`,
        ),
      );
    }
  } else if (input.entityCacheMode === 'manual') {
    cacheMode = best ? 'pinned' : 'auto';
    if (!best) {
      notes.push(
        `Uses automatic matching because ${input.entityRef} has no pinnable cache on cluster "${cluster.name}" yet (${unpinnedReason}); generate again once it is Ready to pin it.`,
      );
    }
  } else {
    cacheMode = input.entityCacheMode;
  }
  const pinned = cacheMode === 'pinned' ? best : null;
  if (pinned && pinned.role !== 'active') {
    notes.push(
      `Pinned to ${pinned.name}, the best Ready ${
        pinned.role
      } cache: ${unpinnedReasonOf(
        cluster.caches.filter(cache => cache.role === 'active'),
        images,
        now,
      )}.`,
    );
  }
  const eci = predictEci({
    cacheMode,
    pinned,
    caches: cluster.caches,
    images,
    clusterName: cluster.name,
    clusterError: cluster.error?.message ?? null,
    now,
  });
  return {
    cacheMode,
    pinnable,
    pinned,
    unpinnedReason,
    eci,
    problems,
    notes,
  };
}
