import {
  ANNOTATION_DIALECTS,
  ANNOTATION_PLACEMENTS,
  AnnotationDialect,
  AnnotationPlacement,
  WORKFLOW_CACHE_MODES,
  WORKFLOW_KINDS,
  WorkflowCacheMode,
  WorkflowKind,
} from '@eci-portal/plugin-eci-image-cache-common';

/** What the workflow panel's selectors choose. */
export interface WorkflowSelection {
  kind: WorkflowKind;
  cacheMode: WorkflowCacheMode;
  dialect: AnnotationDialect;
  placement: AnnotationPlacement;
}

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

interface ChoiceSpec<K extends keyof WorkflowSelection> {
  key: K;
  label: string;
  values: readonly WorkflowSelection[K][];
  labels: Record<WorkflowSelection[K], string>;
}

type AnyChoiceSpec = {
  [K in keyof WorkflowSelection]: ChoiceSpec<K>;
}[keyof WorkflowSelection];

/** The selectors of the workflow panel, in display order. */
export const WORKFLOW_CHOICES: readonly AnyChoiceSpec[] = [
  { key: 'kind', label: 'Kind', values: WORKFLOW_KINDS, labels: KIND_LABELS },
  {
    key: 'cacheMode',
    label: 'Cache mode',
    values: WORKFLOW_CACHE_MODES,
    labels: CACHE_MODE_LABELS,
  },
  {
    key: 'dialect',
    label: 'Annotation names',
    values: ANNOTATION_DIALECTS,
    labels: DIALECT_LABELS,
  },
  {
    key: 'placement',
    label: 'Placement',
    values: ANNOTATION_PLACEMENTS,
    labels: PLACEMENT_LABELS,
  },
];
