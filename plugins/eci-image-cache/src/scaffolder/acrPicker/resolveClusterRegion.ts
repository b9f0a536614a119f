import { EciImageCacheApi } from '../../api/EciImageCacheApi';
import { readableError } from '../../api/readableError';
import { ClusterRegion } from './acrChoices';
import { AcrRegionSource } from './acrPickerTarget';

/** The cluster region the annotation value is computed for, or why it is unknown. */
export interface ResolvedRegion {
  target: ClusterRegion;
  problem?: string;
}

/** A source the backend has to be asked about. */
export type LookedUpSource = Exclude<AcrRegionSource, { from: 'option' }>;

async function lookUp(
  api: EciImageCacheApi,
  source: LookedUpSource,
): Promise<ResolvedRegion> {
  if (source.from === 'entity') {
    const state = await api.getEntityState(source.entity);
    const cluster = state.clusters.find(view => view.target);
    return cluster
      ? { target: { cluster: cluster.name, region: cluster.region } }
      : {
          target: {},
          problem: `The cluster of ${state.entityRef} is not configured.`,
        };
  }
  const clusters = (await api.listClusters()).items;
  const cluster =
    source.from === 'cluster'
      ? clusters.find(item => item.name === source.cluster)
      : clusters.find(item => item.default);
  if (cluster) {
    return { target: { cluster: cluster.name, region: cluster.region } };
  }
  return {
    target: source.from === 'cluster' ? { cluster: source.cluster } : {},
    problem:
      source.from === 'cluster'
        ? `Cluster "${source.cluster}" is not configured (configured: ${
            clusters.map(item => item.name).join(', ') || 'none'
          }).`
        : 'No default cluster is configured.',
  };
}

/** Asks the backend for the region of the cluster the source names; a failed request becomes the problem. */
export async function resolveClusterRegion(
  api: EciImageCacheApi,
  source: LookedUpSource,
): Promise<ResolvedRegion> {
  try {
    return await lookUp(api, source);
  } catch (error) {
    return {
      target: source.from === 'cluster' ? { cluster: source.cluster } : {},
      problem: `The cluster's region could not be found out: ${readableError(
        error,
      )}`,
    };
  }
}
