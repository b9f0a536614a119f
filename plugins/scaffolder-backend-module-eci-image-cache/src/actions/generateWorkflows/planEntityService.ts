import { ConflictError, InputError } from '@backstage/errors';
import {
  AcrInstanceConfig,
  EntityStateResponse,
  toDnsLabel,
  WorkflowCacheMode,
  WorkflowOptions,
} from '@eci-portal/plugin-eci-image-cache-common';
import { describeCaches, pickReadyCache } from './pickReadyCache';
import { EntityServiceRequest } from './serviceRequests';
import { GenerateCacheMode, WorkflowPlan } from './workflowPlan';

/** Same length rule as the backend's workflow preview (room for Argo's generated suffixes). */
const MAX_SERVICE_NAME_LENGTH = 52;

/**
 * Plans a catalog entity from the backend's view of it: settings merged with annotations,
 * target cluster and region, and the caches there. Builder options come from the common package.
 */
export function planEntityService(
  request: EntityServiceRequest,
  state: EntityStateResponse,
  options: {
    cacheMode: GenerateCacheMode;
    cluster?: string;
    acrInstances: AcrInstanceConfig[];
  },
): WorkflowPlan {
  const { entityRef, field } = request;
  const config = state.config;
  if (!config) {
    throw new InputError(
      `Invalid input: \`${field}\`: ${entityRef} has configuration problems: ${state.problems
        .map(problem => problem.message)
        .join('; ')}`,
    );
  }
  const clusterName = options.cluster ?? config.cluster.value;
  const cluster = state.clusters.find(view => view.name === clusterName);
  if (!cluster) {
    throw new InputError(
      `Invalid input: \`cluster\`: "${clusterName}" is not a configured cluster (configured: ${state.clusters
        .map(view => view.name)
        .join(', ')})`,
    );
  }
  const images = request.images ?? config.images.value;
  const notes: string[] = [];

  let cacheMode: WorkflowCacheMode;
  let imageCacheId: string | undefined;
  const ready = pickReadyCache(cluster.caches, images);
  if (options.cacheMode === 'pinned') {
    if (!ready) {
      throw new ConflictError(
        `Cannot pin ${entityRef} (\`${field}\`) to an image cache on cluster "${clusterName}": no Ready cache holds exactly its images (${images.join(
          ', ',
        )}); ${describeCaches(
          cluster.caches,
        )}. Run eci:imagecache:ensure with waitForReady first, or use cacheMode "auto".`,
      );
    }
    cacheMode = 'pinned';
    imageCacheId = ready.imageCacheId!;
  } else if (options.cacheMode === 'entity') {
    if (config.cacheMode.value === 'manual' && ready) {
      cacheMode = 'pinned';
      imageCacheId = ready.imageCacheId!;
    } else {
      cacheMode = config.cacheMode.value === 'off' ? 'off' : 'auto';
      if (config.cacheMode.value === 'manual') {
        notes.push(
          `${entityRef} uses manual caching but has no Ready cache on cluster "${clusterName}" (${describeCaches(
            cluster.caches,
          )}), so its workflow uses automatic matching; generate again once the cache is Ready to pin it.`,
        );
      }
    }
  } else {
    cacheMode = options.cacheMode;
  }

  const entityName = entityRef.slice(entityRef.indexOf('/') + 1);
  const serviceName = toDnsLabel(
    entityName,
    MAX_SERVICE_NAME_LENGTH,
    'service',
  );
  const workflowOptions: WorkflowOptions = {
    serviceName,
    namespace: config.argoNamespace.value,
    cacheMode,
    containers: images.map(image => ({
      image,
      command: request.command,
      args: request.args,
    })),
    clusterRegion: cluster.region,
    acrInstances: options.acrInstances,
  };
  if (imageCacheId !== undefined) {
    workflowOptions.imageCacheId = imageCacheId;
  }
  if (config.acrInstance.value !== null) {
    workflowOptions.acrInstanceIds = [config.acrInstance.value];
  }
  return {
    field,
    inputFields: (['images', 'command', 'args'] as const).filter(
      key => request[key] !== undefined,
    ),
    serviceName,
    entityRef,
    cluster: clusterName,
    options: workflowOptions,
    notes,
  };
}
