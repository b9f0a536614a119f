import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { AcrInstanceConfig } from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';
import { ClusterFacts } from '../actions/generateWorkflows/workflowPlan';

/** What the backend knows globally (clusters, ACR instances), fetched at most once per action call. */
export interface ClusterFactsLoader {
  acrInstances(): Promise<AcrInstanceConfig[]>;
  cluster(name: string): Promise<ClusterFacts>;
}

export function createClusterFactsLoader(
  service: Pick<EciImageCacheService, 'listClusters' | 'listAcrInstances'>,
  credentials: BackstageCredentials,
): ClusterFactsLoader {
  let acr: Promise<AcrInstanceConfig[]> | undefined;
  let clusters: ReturnType<typeof service.listClusters> | undefined;
  const acrInstances = () => {
    acr ??= service.listAcrInstances({ credentials }).then(response =>
      response.items.map(item => {
        const instance: AcrInstanceConfig = {
          id: item.id,
          region: item.region,
          domains: item.domains,
        };
        if (item.name !== null) {
          instance.name = item.name;
        }
        return instance;
      }),
    );
    return acr;
  };
  return {
    acrInstances,
    async cluster(name) {
      clusters ??= service.listClusters({ credentials });
      const { items } = await clusters;
      const info = items.find(item => item.name === name);
      if (!info) {
        throw new InputError(
          `Invalid input: \`cluster\`: "${name}" is not a configured cluster (configured: ${items
            .map(item => item.name)
            .join(', ')})`,
        );
      }
      return { name, region: info.region, acrInstances: await acrInstances() };
    },
  };
}
