import { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  EntityStateResponse,
  validateCronSchedule,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { useEffect, useState } from 'react';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { WorkflowSelection } from '../components/workflow/workflowChoices';
import { entityCacheDecision, targetCluster } from '../state/entityDecision';
import { workflowRevision } from '../state/workflowRevision';

const DEFAULT_SCHEDULE = '0 2 * * *';

/** The generated workflow for the user's choices, and how to change them. */
export interface WorkflowPreviewHandle {
  selection: WorkflowSelection;
  choose: (change: Partial<WorkflowSelection>) => void;
  schedule: string;
  setSchedule: (schedule: string) => void;
  /** Problems of the schedule, or null when it is a valid cron expression. */
  scheduleErrors: string[] | null;
  /** The cluster the workflow is generated for; absent when the entity has none configured. */
  cluster?: string;
  /** The Ready cache a pinned workflow uses; absent when none is Ready. */
  readyCacheId?: string;
  preview?: WorkflowPreviewResponse;
  error?: unknown;
  /** True while the YAML for the current state and choices is being generated. */
  loading: boolean;
}

/**
 * The workflow part of the tab's data: generated from the entity state, so it is fetched again
 * whenever anything the YAML depends on changes there (settings, ACR, caches) or a choice
 * changes. Only {@link useEntityTabData} calls it.
 */
export function useWorkflowPreview(
  entity: CompoundEntityRef,
  state: EntityStateResponse | undefined,
): WorkflowPreviewHandle {
  const api = useApi(eciImageCacheApiRef);
  const target = state ? targetCluster(state) : undefined;
  const cluster = state?.config ? target?.name : undefined;
  const decision = state
    ? entityCacheDecision(state, new Date(), target)
    : undefined;
  // Common's pin rule: the cache a pinned workflow uses, if any may be pinned.
  const readyCacheId = decision?.pinnable[0]?.imageCacheId ?? undefined;
  const revision = state ? workflowRevision(state) : undefined;
  // The cache mode follows the service's mode (and a cache becoming Ready) until the user picks one.
  const [chosen, setChosen] = useState<Partial<WorkflowSelection>>({});
  const selection: WorkflowSelection = {
    kind: chosen.kind ?? 'Workflow',
    cacheMode: chosen.cacheMode ?? decision?.cacheMode ?? 'auto',
    dialect: chosen.dialect ?? 'legacy',
    placement: chosen.placement ?? 'podMetadata',
  };
  const { kind, cacheMode, dialect, placement } = selection;
  const [schedule, setSchedule] = useState(DEFAULT_SCHEDULE);
  const [preview, setPreview] = useState<WorkflowPreviewResponse>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  const scheduleCheck = validateCronSchedule(schedule.trim(), 'Schedule');
  const scheduleErrors = scheduleCheck.ok
    ? null
    : scheduleCheck.problems.map(problem => problem.message);
  const querySchedule =
    kind === 'CronWorkflow' && scheduleCheck.ok
      ? scheduleCheck.value
      : undefined;
  const { kind: entityKind, namespace, name } = entity;

  useEffect(() => {
    if (!cluster || (kind === 'CronWorkflow' && !querySchedule)) {
      return undefined;
    }
    let active = true;
    setLoading(true);
    api
      .getWorkflow(
        { kind: entityKind, namespace, name },
        {
          kind,
          cacheMode,
          dialect,
          placement,
          cluster,
          schedule: querySchedule,
        },
      )
      .then(
        value => {
          if (active) {
            setPreview(value);
            setError(undefined);
          }
        },
        e => active && setError(e),
      )
      .finally(() => active && setLoading(false));
    return () => {
      active = false;
    };
  }, [
    api,
    entityKind,
    namespace,
    name,
    kind,
    cacheMode,
    dialect,
    placement,
    cluster,
    querySchedule,
    readyCacheId,
    revision,
  ]);

  return {
    selection,
    choose: change => setChosen(current => ({ ...current, ...change })),
    schedule,
    setSchedule,
    scheduleErrors,
    cluster,
    readyCacheId,
    preview,
    error,
    loading,
  };
}
