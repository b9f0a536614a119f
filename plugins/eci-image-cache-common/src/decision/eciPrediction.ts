import { diffImageSets } from '../images';
import type { WorkflowCacheMode } from '../workflow';
import {
  cacheLabel,
  isCacheExpired,
  isCacheUsable,
  ObservedCache,
} from './observedCache';
import { matchOrder } from './matchOrder';

/**
 * What ECI will do when the workflow's pods start: use a cache (`warm`), pull every image
 * (`cold`), or something the portal cannot tell (`unknown`).
 *
 * @public
 */
export type EciVerdict = 'warm' | 'cold' | 'unknown';

/**
 * The predicted ECI behaviour and the reason, in one sentence.
 *
 * @public
 */
export interface EciPrediction<T extends ObservedCache = ObservedCache> {
  verdict: EciVerdict;
  reason: string;
  /** The cache the prediction is about, if any. */
  cache: T | null;
}

const IN_PROGRESS: ReadonlySet<string> = new Set([
  'Preparing',
  'Creating',
  'Updating',
]);

function owner(cache: ObservedCache): string {
  if (cache.role === 'unmanaged') return 'an unmanaged cache';
  if (cache.role === 'other')
    return `a cache of ${cache.entityRef ?? 'another entity'}`;
  return `a ${cache.role} cache`;
}

function whyNoCache<T extends ObservedCache>(
  own: readonly T[],
  now: Date,
): { reason: string; cache: T | null } {
  const building = own.find(
    cache =>
      !cache.deleting && (cache.phase === null || IN_PROGRESS.has(cache.phase)),
  );
  if (building) {
    const progress = building.progress ? ` (${building.progress})` : '';
    return {
      cache: building,
      reason: `Cache ${cacheLabel(building)} is still ${
        building.phase ?? 'being created'
      }${progress}; pods start cold until it is Ready.`,
    };
  }
  const failed = own.find(
    cache => cache.phase === 'Failed' || cache.phase === 'UpdateFailed',
  );
  if (failed) {
    const warning = [...(failed.events ?? [])]
      .reverse()
      .find(event => event.type === 'Warning' && event.message);
    return {
      cache: failed,
      reason: `Cache ${cacheLabel(failed)} ${failed.phase}${
        warning ? `: ${warning.message}` : '.'
      }`,
    };
  }
  const expired = own.find(cache => isCacheExpired(cache, now));
  if (expired) {
    return {
      cache: expired,
      reason: `Cache ${cacheLabel(expired)} expired on ${
        expired.expireDateTime
      }; ECI no longer uses it.`,
    };
  }
  return { cache: null, reason: '' };
}

/**
 * Predicts ECI for the workflow's pods on one cluster. `off` disables matching, a pinned
 * cache is used as is, and `auto` models ECI's automatic matching (`eci-auto-imc`): any Ready
 * cache on the cluster holding all the pod's images is used, whoever owns it; one holding
 * only some of them may be matched too (ECI ranks by match degree), so that is `unknown`.
 *
 * @public
 */
export function predictEci<T extends ObservedCache>(input: {
  cacheMode: WorkflowCacheMode;
  pinned: T | null;
  caches: readonly T[];
  images: readonly string[];
  clusterName: string;
  /** Why the cluster's data is missing or stale. */
  clusterError?: string | null;
  now: Date;
}): EciPrediction<T> {
  const { caches, images, now } = input;
  if (input.cacheMode === 'off') {
    return {
      verdict: 'cold',
      cache: null,
      reason:
        'Cache mode is off: eci-auto-imc is "false", so pods pull every image on every start.',
    };
  }
  if (input.cacheMode === 'pinned' && input.pinned) {
    return {
      verdict: 'warm',
      cache: input.pinned,
      reason: `Workflows pin Ready cache ${cacheLabel(input.pinned)}.`,
    };
  }
  if (input.clusterError && caches.length === 0) {
    return {
      verdict: 'unknown',
      cache: null,
      reason: `Cluster ${input.clusterName} cannot be read, so no cache is known: ${input.clusterError}`,
    };
  }
  const best = caches
    .filter(cache => isCacheUsable(cache, now))
    .sort(matchOrder(images, now))[0];
  const missing = best ? diffImageSets(best.images, images).missing : images;
  if (best && missing.length === 0) {
    return {
      verdict: 'warm',
      cache: best,
      reason: `Automatic matching (eci-auto-imc): ECI uses a Ready cache holding all these images, such as ${owner(
        best,
      )} ${cacheLabel(best)}.`,
    };
  }
  if (best && missing.length < images.length) {
    return {
      verdict: 'unknown',
      cache: best,
      reason: `Automatic matching may use ${owner(best)} ${cacheLabel(
        best,
      )}, which lacks ${missing.join(', ')}: those images are pulled.`,
    };
  }
  const own = caches.filter(
    cache => cache.role === 'active' || cache.role === 'previous',
  );
  const why = whyNoCache(own, now);
  return {
    verdict: 'cold',
    cache: why.cache,
    reason:
      why.reason ||
      `No Ready cache on ${input.clusterName} holds these images: the first pod start pulls them and ECI builds a cache automatically.`,
  };
}
