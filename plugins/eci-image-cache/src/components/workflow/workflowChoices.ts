import {
  AnnotationDialect,
  AnnotationPlacement,
  EntityCacheMode,
  WorkflowCacheMode,
  WorkflowKind,
} from '@eci-portal/plugin-eci-image-cache-common';

/** Labels of the workflow panel's choices (values come from the common package). */
export const KIND_LABELS: Record<WorkflowKind, string> = {
  Workflow: 'Workflow',
  WorkflowTemplate: 'WorkflowTemplate',
  CronWorkflow: 'CronWorkflow',
};

export const CACHE_MODE_LABELS: Record<WorkflowCacheMode, string> = {
  auto: 'Auto (ECI matches a cache)',
  pinned: 'Pinned to the Ready cache',
  off: 'Off',
};

export const DIALECT_LABELS: Record<AnnotationDialect, string> = {
  legacy: 'ACK One document names',
  current: 'Current ECI names',
};

export const PLACEMENT_LABELS: Record<AnnotationPlacement, string> = {
  podMetadata: 'spec.podMetadata',
  'podMetadata+templates': 'podMetadata and every template',
};

/**
 * The workflow cache mode matching the entity's mode: manual entities pin their Ready cache and,
 * while none is Ready, fall back to automatic matching (as the backend's default does).
 */
export function defaultWorkflowCacheMode(
  mode: EntityCacheMode,
  hasReadyCache: boolean,
): WorkflowCacheMode {
  if (mode === 'manual') {
    return hasReadyCache ? 'pinned' : 'auto';
  }
  return mode;
}
