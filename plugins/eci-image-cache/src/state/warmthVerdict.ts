import {
  CacheDecision,
  EciVerdict,
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { targetCluster } from './entityDecision';

/** Whether the entity's pods start from a cache, and why: common's ECI prediction. */
export interface WarmthVerdict {
  verdict: EciVerdict;
  /** One sentence: what decides the verdict. */
  reason: string;
  /** Risks that do not change the verdict (floating tags, stale cluster data). */
  caveats: string[];
  /** The cache the verdict is about, if any. */
  cache: ImageCacheView | null;
}

function caveatsOf(state: EntityStateResponse): string[] {
  const cluster = targetCluster(state);
  const caveats = state.images
    .filter(image => image.floating)
    .map(
      image =>
        `${image.image} uses a floating tag: ECI matches caches by exact name:tag, so a new push under the same tag is not in the cache.`,
    );
  if (cluster?.error && cluster.caches.length > 0) {
    caveats.push(
      `The data of cluster ${cluster.name} may be stale: ${cluster.error.message}`,
    );
  }
  return caveats;
}

/**
 * The five-second answer for a service owner: what ECI does when the pods start on the target
 * cluster (`decision`, from {@link entityCacheDecision}), or why the portal cannot tell.
 */
export function warmthVerdict(
  state: EntityStateResponse,
  decision: CacheDecision<ImageCacheView> | undefined,
): WarmthVerdict {
  const caveats = caveatsOf(state);
  if (decision) {
    return { ...decision.eci, caveats };
  }
  if (!state.config) {
    const first = state.problems[0];
    return {
      verdict: 'cold',
      cache: null,
      caveats,
      reason: `The configuration is invalid, so no cache is used${
        first ? `: ${first.message}` : '.'
      }`,
    };
  }
  return {
    verdict: 'unknown',
    cache: null,
    caveats,
    reason: `Cluster ${state.config.cluster.value} is not configured in the portal.`,
  };
}
