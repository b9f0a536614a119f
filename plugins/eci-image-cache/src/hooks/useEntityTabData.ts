import { CompoundEntityRef } from '@backstage/catalog-model';
import { useCallback } from 'react';
import { EntityStateHandle, useEntityState } from './useEntityState';
import { EntityRunsHandle, useEntityRuns } from './useEntityRuns';
import {
  useWorkflowPreview,
  WorkflowPreviewHandle,
} from './useWorkflowPreview';

/** Everything the Image Cache tab shows, from one source. */
export interface EntityTabData extends EntityStateHandle {
  runs: EntityRunsHandle;
  workflow: WorkflowPreviewHandle;
}

/**
 * The one data source of the Image Cache tab: the entity state, the workflow generated from it
 * and the last runs. Panels render from it and never fetch on their own, so after any change
 * (settings, ACR, caches created, refreshed or deleted) `reload` brings every panel, the YAML,
 * Copy YAML and Download included, to the same state.
 */
export function useEntityTabData(entity: CompoundEntityRef): EntityTabData {
  const state = useEntityState(entity);
  const runs = useEntityRuns(entity);
  const workflow = useWorkflowPreview(entity, state.state);
  const { reload: reloadState } = state;
  const { reload: reloadRuns } = runs;
  const reload = useCallback(async () => {
    await Promise.all([reloadState(), reloadRuns()]);
  }, [reloadState, reloadRuns]);
  return { ...state, reload, runs, workflow };
}
