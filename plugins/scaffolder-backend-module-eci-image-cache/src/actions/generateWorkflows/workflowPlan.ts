import {
  AcrInstanceConfig,
  AnnotationDialect,
  AnnotationPlacement,
  WorkflowCacheMode,
  WorkflowKind,
  WorkflowOptions,
} from '@eci-portal/plugin-eci-image-cache-common';

/** Cache modes of the action: the workflow modes plus `entity` (decided by the entity's annotation). */
export type GenerateCacheMode = WorkflowCacheMode | 'entity';

/** Options shared by every service of one action call. */
export interface SharedWorkflowOptions {
  kind?: WorkflowKind;
  schedule?: string | string[];
  timezone?: string;
  dialect?: AnnotationDialect;
  placement?: AnnotationPlacement;
}

/** What the backend knows about a cluster: its region and the configured ACR instances. */
export interface ClusterFacts {
  name: string;
  region: string;
  acrInstances: AcrInstanceConfig[];
}

/**
 * One service resolved into builder options. Plain JSON, so that it can be stored in a
 * scaffolder checkpoint and replayed unchanged when a recovered task re-runs the step.
 */
export interface WorkflowPlan {
  /** `services[i]`, for error messages. */
  field: string;
  /** The service's input fields that were given (the rest came from the catalog entity), for error messages. */
  inputFields: string[];
  serviceName: string;
  entityRef?: string;
  cluster?: string;
  /** Builder options without the shared ones. */
  options: WorkflowOptions;
  /** Things the user should know, logged to the task log. */
  notes: string[];
}
