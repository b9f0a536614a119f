import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';
import { createClusterFactsLoader } from '../../backend/clusterFacts';
import { loadEntityState } from '../../backend/loadEntityState';
import { mapWithConcurrency } from '../../backend/mapWithConcurrency';
import { planEntityService } from './planEntityService';
import { planInlineService } from './planInlineService';
import { ServiceRequest } from './serviceRequests';
import { GenerateCacheMode, WorkflowPlan } from './workflowPlan';

/** Entity lookups in flight at once, so that 500 services do not open 500 connections. */
const ENTITY_CONCURRENCY = 16;

/**
 * The calls of the ECI image cache service that generating workflows needs.
 *
 * @public
 */
export type WorkflowBackend = Pick<
  EciImageCacheService,
  'getEntityState' | 'listClusters' | 'listAcrInstances'
>;

/**
 * Resolves every service into builder options. Inline services need the backend only when a
 * `cluster` is named (for its region and the configured ACR instances).
 */
export async function planServices(options: {
  requests: ServiceRequest[];
  cacheMode: GenerateCacheMode;
  cluster?: string;
  backend: WorkflowBackend;
  credentials: BackstageCredentials;
}): Promise<WorkflowPlan[]> {
  const { requests, cacheMode, cluster, backend, credentials } = options;
  const facts = createClusterFactsLoader(backend, credentials);
  const inlineCluster =
    cluster !== undefined && requests.some(request => request.type === 'inline')
      ? await facts.cluster(cluster)
      : undefined;
  // Entities, and inline services naming an ACR instance, need the configured instances for
  // the region rule (a region-less id of an instance elsewhere gets its region).
  const needsAcr = requests.some(
    request => request.type === 'entity' || request.acrInstanceId !== undefined,
  );
  const acrInstances = needsAcr ? await facts.acrInstances() : [];

  return mapWithConcurrency(requests, ENTITY_CONCURRENCY, async request => {
    if (request.type === 'inline') {
      return planInlineService(request, cacheMode, inlineCluster, acrInstances);
    }
    const state = await loadEntityState(
      backend,
      request.entityRef,
      request.field,
      credentials,
    );
    return planEntityService(request, state, {
      cacheMode,
      cluster,
      acrInstances,
    });
  });
}
