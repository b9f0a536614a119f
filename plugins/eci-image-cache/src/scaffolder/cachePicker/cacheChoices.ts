import {
  EntityClusterView,
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { phaseText } from '../../state/phaseText';

/** Whether workflows may be pinned to the cache: Ready with an id, not expired or being deleted. */
export function isPinnable(cache: ImageCacheView): boolean {
  return (
    cache.usable &&
    cache.imageCacheId !== null &&
    !cache.expired &&
    !cache.deleting
  );
}

/** The caches a picker offers on one cluster of an entity, or why there are none. */
export type CacheChoices =
  | { status: 'ready'; cluster: EntityClusterView; caches: ImageCacheView[] }
  | { status: 'unknown-cluster'; cluster: string; configured: string[] }
  | { status: 'unreachable'; cluster: EntityClusterView }
  | { status: 'no-caches'; cluster: EntityClusterView }
  | { status: 'none-ready'; cluster: EntityClusterView };

/** The named cluster, or the entity's target cluster. */
function findCluster(
  state: EntityStateResponse,
  clusterName: string | undefined,
): EntityClusterView | undefined {
  if (clusterName !== undefined) {
    return state.clusters.find(cluster => cluster.name === clusterName);
  }
  return (
    state.clusters.find(cluster => cluster.target) ??
    state.clusters.find(cluster => cluster.name === state.config?.cluster.value)
  );
}

/**
 * Sorts the entity's caches on the cluster (`clusterName`, default: the entity's target cluster)
 * into the ones workflows can be pinned to, or the reason there are none.
 */
export function cacheChoices(
  state: EntityStateResponse,
  clusterName: string | undefined,
): CacheChoices {
  const cluster = findCluster(state, clusterName);
  if (!cluster) {
    return {
      status: 'unknown-cluster',
      cluster: clusterName ?? state.config?.cluster.value ?? '(none)',
      configured: state.clusters.map(view => view.name),
    };
  }
  const caches = cluster.caches.filter(isPinnable);
  if (caches.length > 0) {
    return { status: 'ready', cluster, caches };
  }
  if (cluster.error) {
    return { status: 'unreachable', cluster };
  }
  if (cluster.caches.length === 0) {
    return { status: 'no-caches', cluster };
  }
  return { status: 'none-ready', cluster };
}

/** What a picker says instead of an empty list. */
export interface EmptyReason {
  title: string;
  description?: string;
}

/** Why `choices` (not `ready`) offer no cache of `entityRef`, in words a user can act on. */
export function emptyReason(
  choices: Exclude<CacheChoices, { status: 'ready' }>,
  state: EntityStateResponse,
): EmptyReason {
  const entityRef = state.entityRef;
  switch (choices.status) {
    case 'unknown-cluster':
      return {
        title: `Cluster "${choices.cluster}" is not configured.`,
        description: `Configured clusters: ${
          choices.configured.join(', ') || 'none'
        }.`,
      };
    case 'unreachable':
      return {
        title: `Cluster ${choices.cluster.name} cannot be read, so its caches are unknown.`,
        description: choices.cluster.error!.message,
      };
    case 'no-caches':
      return {
        title: `${entityRef} has no image cache on ${choices.cluster.name}.`,
        description: state.hasAnnotations
          ? 'Create one on the Image Cache tab of the service, then come back once it is Ready.'
          : 'The service has no alibabacloud.com/eci-* annotations, so the portal manages no cache for it.',
      };
    default:
      return {
        title: `No cache of ${entityRef} is Ready on ${choices.cluster.name} yet.`,
        description: choices.cluster.caches
          .map(cache => `${cache.name}: ${phaseText(cache)}`)
          .join('; '),
      };
  }
}

/**
 * Why `cacheId` cannot be pinned any more (validation of a chosen value), or undefined when it
 * is still a Ready cache of the entity on the cluster.
 */
export function pinProblem(
  state: EntityStateResponse,
  clusterName: string | undefined,
  cacheId: string,
): string | undefined {
  const cluster = findCluster(state, clusterName);
  if (!cluster) {
    return `Cluster "${
      clusterName ?? state.config?.cluster.value
    }" is not configured.`;
  }
  const cache = cluster.caches.find(view => view.imageCacheId === cacheId);
  if (!cache) {
    return cluster.error
      ? `Cache ${cacheId} cannot be checked: ${cluster.error.message}`
      : `${cacheId} is not a cache of ${state.entityRef} on ${cluster.name} (any more).`;
  }
  if (!isPinnable(cache)) {
    return `Cache ${cacheId} is no longer Ready: it is ${phaseText(cache)}.`;
  }
  return undefined;
}
