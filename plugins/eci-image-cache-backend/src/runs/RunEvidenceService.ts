import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ClusterError,
  diagnoseRunFailure,
  eciImageCacheReadPermission,
  EntityRunsResponse,
  entityRefHash,
  LABEL_ENTITY_HASH,
  RunView,
  summarizeRuns,
  ANNOTATION_ACR_INSTANCE_IDS,
} from '@eci-portal/plugin-eci-image-cache-common';
import { PluginConfig } from '../config/pluginConfig';
import { clusterErrorView } from '../services/views';
import { EntityAccess } from '../services/EntityAccess';
import { ClusterRunWatch } from './ClusterRunWatch';
import { RunRecord, RunStore } from './RunStore';

/** Serves an entity's runs from memory: a tab view makes no Kubernetes request. */
export class RunEvidenceService {
  constructor(
    private readonly config: PluginConfig,
    private readonly store: RunStore,
    private readonly watches: readonly ClusterRunWatch[],
    private readonly access: EntityAccess,
  ) {}

  async runsOf(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityRunsResponse> {
    await this.access.get(entityRef, credentials);
    await this.access.require(entityRef, credentials, [
      eciImageCacheReadPermission,
    ]);
    const hash = entityRefHash(entityRef);
    const runs = this.store.runsOf(hash).map(record => this.view(record));
    return {
      entityRef,
      podLabel: { key: LABEL_ENTITY_HASH, value: hash },
      runs,
      summary: summarizeRuns(runs),
      errors: this.watches.flatMap((watch): ClusterError[] => {
        const error = watch.error;
        return error ? [clusterErrorView(watch.cluster.name, error)] : [];
      }),
    };
  }

  private view(record: RunRecord): RunView {
    const { evidence } = record;
    const failure = evidence.failure ?? record.statusFailure;
    const region = this.config.clusters.find(
      cluster => cluster.name === record.cluster,
    )?.region;
    return {
      cluster: record.cluster,
      namespace: record.namespace,
      pod: record.pod,
      workflow: record.workflow ?? null,
      startedAt: new Date(record.startedAtMs).toISOString(),
      phase: record.phase,
      cacheOutcome: evidence.cacheOutcome,
      imageCacheId: evidence.imageCacheId ?? null,
      pulls: evidence.pulls,
      failure: failure
        ? {
            ...failure,
            diagnosis: diagnoseRunFailure(failure, {
              clusterRegion: region,
              acrInstances: this.config.acrInstances,
              podAnnotations:
                record.acrAnnotation === undefined
                  ? {}
                  : { [ANNOTATION_ACR_INSTANCE_IDS]: record.acrAnnotation },
            }),
          }
        : null,
    };
  }
}
