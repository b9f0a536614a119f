import {
  describePinRefusal,
  EntityClusterView,
  EntityStateResponse,
  ImageCacheView,
  pinRefusal,
} from '@eci-portal/plugin-eci-image-cache-common';
import { entityCacheDecision, targetCluster } from '../../state/entityDecision';

/** The caches a picker offers on one cluster of an entity, or why there are none. */
export type CacheChoices =
  | { status: 'ready'; cluster: EntityClusterView; caches: ImageCacheView[] }
  | { status: 'invalid-config'; problems: string[] }
  | { status: 'unknown-cluster'; cluster: string; configured: string[] }
  | { status: 'unreachable'; cluster: EntityClusterView }
  | { status: 'no-caches'; cluster: EntityClusterView }
  | { status: 'none-pinnable'; cluster: EntityClusterView; reason: string };

/** The named cluster, or the entity's target cluster. */
function findCluster(
  state: EntityStateResponse,
  clusterName: string | undefined,
): EntityClusterView | undefined {
  return clusterName === undefined
    ? targetCluster(state)
    : state.clusters.find(cluster => cluster.name === clusterName);
}

/**
 * The caches of the entity on the cluster (`clusterName`, default: its target cluster) that
 * common's pin rule allows for the entity's images, best first, or the reason there are none.
 */
export function cacheChoices(
  state: EntityStateResponse,
  clusterName: string | undefined,
  now: Date,
): CacheChoices {
  if (!state.config) {
    return {
      status: 'invalid-config',
      problems: state.problems.map(problem => problem.message),
    };
  }
  const cluster = findCluster(state, clusterName);
  if (!cluster) {
    return {
      status: 'unknown-cluster',
      cluster: clusterName ?? state.config.cluster.value,
      configured: state.clusters.map(view => view.name),
    };
  }
  const decision = entityCacheDecision(state, now, cluster)!;
  if (decision.pinnable.length > 0) {
    return { status: 'ready', cluster, caches: decision.pinnable };
  }
  if (cluster.error) {
    return { status: 'unreachable', cluster };
  }
  if (cluster.caches.length === 0) {
    return { status: 'no-caches', cluster };
  }
  return {
    status: 'none-pinnable',
    cluster,
    reason: decision.unpinnedReason ?? '',
  };
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
    case 'invalid-config':
      return {
        title: `${entityRef} has configuration problems, so no cache can be pinned.`,
        description: choices.problems.join('; '),
      };
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
        title: `No cache of ${entityRef} on ${choices.cluster.name} can be pinned yet.`,
        description: `Workflows pin only a Ready, unexpired cache holding all the service's images: ${choices.reason}.`,
      };
  }
}

/**
 * Why `cacheId` cannot be pinned (any more), by common's pin rule, or undefined when it may be.
 */
export function pinProblem(
  state: EntityStateResponse,
  clusterName: string | undefined,
  cacheId: string,
  now: Date,
): string | undefined {
  if (!state.config) {
    return `${state.entityRef} has configuration problems, so no cache can be pinned.`;
  }
  const cluster = findCluster(state, clusterName);
  if (!cluster) {
    return `Cluster "${
      clusterName ?? state.config.cluster.value
    }" is not configured.`;
  }
  const cache = cluster.caches.find(view => view.imageCacheId === cacheId);
  if (!cache) {
    return cluster.error
      ? `Cache ${cacheId} cannot be checked: ${cluster.error.message}`
      : `${cacheId} is not a cache of ${state.entityRef} on ${cluster.name} (any more).`;
  }
  const images = state.config.images.value;
  const refusal = pinRefusal(cache, images, now);
  return refusal
    ? `Cache ${cacheId} cannot be pinned: ${describePinRefusal(
        cache,
        refusal,
        images,
      )}.`
    : undefined;
}
