import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  AcrInstanceConfig,
  decideWorkflow,
  EntityStateResponse,
  renderYaml,
  WorkflowPreviewQuery,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { problemsError } from './CacheCommands';
import { EntityStateService } from './EntityStateService';

/**
 * The annotated Argo workflow of an entity: common's `decideWorkflow` over exactly the state
 * the entity tab shows, so the tab, the scaffolder and this preview cannot disagree.
 */
export class WorkflowPreviewService {
  constructor(
    private readonly acrInstances: readonly AcrInstanceConfig[],
    private readonly entityState: Pick<EntityStateService, 'getState'>,
  ) {}

  async preview(
    entityRef: string,
    query: WorkflowPreviewQuery,
    credentials: BackstageCredentials,
  ): Promise<WorkflowPreviewResponse> {
    const state = await this.entityState.getState(entityRef, credentials);
    return previewOf(state, query, this.acrInstances, new Date());
  }
}

/** The preview of an entity state; throws 409 for what its state forbids and 400 for bad choices. */
export function previewOf(
  state: EntityStateResponse,
  query: WorkflowPreviewQuery,
  acrInstances: readonly AcrInstanceConfig[],
  now: Date,
): WorkflowPreviewResponse {
  const { entityRef } = state;
  if (!state.config) {
    throw new ConflictError(
      `No workflow for ${entityRef} until its configuration is fixed: ${state.problems
        .map(problem => problem.message)
        .join('; ')}`,
    );
  }
  const decision = decideWorkflow({
    entityRef,
    config: state.config,
    clusters: state.clusters,
    acrInstances,
    choices: query,
    now,
  });
  if (!decision.workflow) {
    const pin = decision.problems.find(p => p.rule === 'no-pinnable-cache');
    if (pin) throw new ConflictError(pin.message);
    throw problemsError('Invalid workflow preview request', decision.problems);
  }
  const pinned = decision.pinned;
  return {
    yaml: renderYaml(decision.workflow, {
      entity: entityRef,
      cache: pinned ? `${pinned.name} (${decision.imageCacheId})` : undefined,
      mode: decision.cacheMode,
    }),
    cacheId: decision.imageCacheId,
    acrAnnotation: decision.acr?.annotationValue ?? null,
    notes: [
      ...decision.notes,
      ...decision.warnings.map(warning => warning.message),
    ],
    cluster: decision.cluster!.name,
    cacheMode: decision.cacheMode,
    prediction: { verdict: decision.eci.verdict, reason: decision.eci.reason },
  };
}
