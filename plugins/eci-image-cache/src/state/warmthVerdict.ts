import {
  EntityClusterView,
  EntityStateResponse,
  ImageCacheView,
  imageCacheMatchesImages,
} from '@eci-portal/plugin-eci-image-cache-common';
import { isCacheInProgress } from './cacheProgress';
import { expiryText } from './expiry';

/** Whether the entity's pods start from a cache, and why. */
export interface WarmthVerdict {
  warm: boolean;
  /** One sentence: what decides the verdict. */
  reason: string;
  /** Risks that do not change the verdict (floating tags, stale cluster data). */
  caveats: string[];
  /** The cache the verdict is about, if any. */
  cache?: ImageCacheView;
}

/** The cluster the entity's workflows run on. */
export function targetCluster(
  state: EntityStateResponse,
): EntityClusterView | undefined {
  return (
    state.clusters.find(cluster => cluster.target) ??
    state.clusters.find(cluster => cluster.name === state.config?.cluster.value)
  );
}

function cacheLabel(cache: ImageCacheView): string {
  return cache.imageCacheId ?? cache.name;
}

function caveatsOf(
  state: EntityStateResponse,
  cluster: EntityClusterView | undefined,
): string[] {
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

function coldReason(
  state: EntityStateResponse,
  cluster: EntityClusterView,
  candidates: ImageCacheView[],
): { reason: string; cache?: ImageCacheView } {
  const mode = state.config!.cacheMode.value;
  if (cluster.error && cluster.caches.length === 0) {
    return {
      reason: `Cluster ${cluster.name} cannot be read, so no cache is known: ${cluster.error.message}`,
    };
  }
  const building = candidates.find(
    cache => !cache.deleting && isCacheInProgress(cache),
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
  const failed = candidates.find(
    cache => cache.phase === 'Failed' || cache.phase === 'UpdateFailed',
  );
  if (failed) {
    const warning = [...failed.events]
      .reverse()
      .find(event => event.type === 'Warning' && event.message);
    return {
      cache: failed,
      reason: `Cache ${cacheLabel(failed)} ${failed.phase}${
        warning ? `: ${warning.message}` : '.'
      }`,
    };
  }
  const expired = candidates.find(cache => cache.expired);
  if (expired) {
    return {
      cache: expired,
      reason: `Cache ${cacheLabel(expired)} ${expiryText(
        expired,
      )}; ECI no longer uses it.`,
    };
  }
  if (mode === 'auto') {
    return {
      reason:
        'Auto mode, but no Ready cache holds exactly these images yet: the first pod start pulls them and ECI builds a cache.',
    };
  }
  return {
    reason: `No Ready cache holds these images on ${cluster.name} yet: create one.`,
  };
}

/**
 * The five-second answer for a service owner: do pods start warm on the target cluster, and why.
 * Manual mode is warm with a Ready managed cache of exactly the entity's images (workflows pin it);
 * auto mode with any Ready cache of exactly those images (ECI matches it).
 */
export function warmthVerdict(state: EntityStateResponse): WarmthVerdict {
  const config = state.config;
  const cluster = targetCluster(state);
  const caveats = caveatsOf(state, cluster);
  if (!config) {
    const first = state.problems[0];
    return {
      warm: false,
      caveats,
      reason: `The configuration is invalid, so no cache is used${
        first ? `: ${first.message}` : '.'
      }`,
    };
  }
  if (config.cacheMode.value === 'off') {
    return {
      warm: false,
      caveats,
      reason: 'Cache mode is off: pods pull every image on every start.',
    };
  }
  if (!cluster) {
    return {
      warm: false,
      caveats,
      reason: `Cluster ${config.cluster.value} is not configured in the portal.`,
    };
  }
  const images = config.images.value;
  const candidates = cluster.caches.filter(
    cache =>
      (config.cacheMode.value === 'auto' || cache.managed) &&
      imageCacheMatchesImages({ spec: { images: cache.images } }, images),
  );
  const ready = candidates.find(
    cache => cache.usable && !cache.expired && !cache.deleting,
  );
  if (ready) {
    const expiry = expiryText(ready);
    return {
      warm: true,
      cache: ready,
      caveats,
      reason:
        config.cacheMode.value === 'manual'
          ? `Manual mode: workflows pin Ready cache ${cacheLabel(
              ready,
            )} (${expiry}).`
          : `Auto mode: ECI matches Ready cache ${cacheLabel(
              ready,
            )} by exact name:tag (${expiry}).`,
    };
  }
  return { warm: false, caveats, ...coldReason(state, cluster, candidates) };
}
