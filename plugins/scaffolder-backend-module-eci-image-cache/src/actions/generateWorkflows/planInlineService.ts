import { InputError } from '@backstage/errors';
import {
  AcrInstanceConfig,
  WorkflowOptions,
} from '@eci-portal/plugin-eci-image-cache-common';
import { InlineServiceRequest } from './serviceRequests';
import { ClusterFacts, GenerateCacheMode, WorkflowPlan } from './workflowPlan';

/**
 * Plans an inline service. It has no catalog entity, so nothing is looked up: `pinned` needs an
 * explicit `imageCacheId`, and `entity` means pinned when one is given, else auto.
 */
export function planInlineService(
  request: InlineServiceRequest,
  cacheMode: GenerateCacheMode,
  cluster: ClusterFacts | undefined,
  acrInstances: AcrInstanceConfig[] = [],
): WorkflowPlan {
  if (cacheMode === 'pinned' && request.imageCacheId === undefined) {
    throw new InputError(
      `Invalid input: \`${request.field}.imageCacheId\` is required with cacheMode "pinned" for the inline service "${request.name}" (only catalog entities have a managed cache to look up)`,
    );
  }
  let mode = cacheMode;
  if (mode === 'entity') {
    mode = request.imageCacheId === undefined ? 'auto' : 'pinned';
  }
  const options: WorkflowOptions = {
    serviceName: request.name,
    cacheMode: mode,
    containers: request.images.map(image => ({
      image,
      command: request.command,
      args: request.args,
    })),
  };
  if (request.imageCacheId !== undefined) {
    options.imageCacheId = request.imageCacheId;
  }
  if (request.namespace !== undefined) {
    options.namespace = request.namespace;
  }
  if (request.acrInstanceId !== undefined) {
    options.acrInstanceIds = [request.acrInstanceId];
  }
  const clusterRegion = request.clusterRegion ?? cluster?.region;
  if (clusterRegion !== undefined) {
    options.clusterRegion = clusterRegion;
  }
  const configured = cluster?.acrInstances ?? acrInstances;
  if (configured.length > 0) {
    options.acrInstances = configured;
  }
  return {
    field: request.field,
    inputFields: Object.keys(request).filter(
      key => request[key as keyof InlineServiceRequest] !== undefined,
    ),
    serviceName: request.name,
    cluster: cluster?.name,
    options,
    notes: [],
  };
}
