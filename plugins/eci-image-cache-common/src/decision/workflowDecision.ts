import type { AcrInstanceConfig } from '../acr';
import type { EffectiveEntityConfig } from '../api/types';
import type { AcrInstanceRef } from '../validation/alibabaIds';
import { problemOf, ValidationProblem } from '../validation/result';
import {
  AnnotationDialect,
  AnnotationPlacement,
  ArgoWorkflowObject,
  tryGenerateWorkflow,
  WorkflowCacheMode,
  WorkflowKind,
  WorkflowOptions,
} from '../workflow';
import { AcrDecision, decideAcr } from './acr';
import { decideCache } from './cacheDecision';
import type { EciPrediction } from './eciPrediction';
import { ObservedCache } from './observedCache';
import { serviceNameOf } from './serviceName';

/**
 * One configured cluster with what is observed on it.
 *
 * @public
 */
export interface DecisionCluster {
  name: string;
  region: string;
  /** Default true. */
  allowUnlistedAcrInstances?: boolean;
  /** The entity's caches there, and others' holding its images. */
  caches: readonly ObservedCache[];
  /** Why the cluster's data is missing or stale. */
  error?: { message: string } | null;
}

/**
 * What the user chose for this workflow; each choice overrides the entity's configuration.
 *
 * @public
 */
export interface WorkflowChoices {
  cluster?: string;
  cacheMode?: WorkflowCacheMode;
  dialect?: AnnotationDialect;
  kind?: WorkflowKind;
  placement?: AnnotationPlacement;
  schedule?: string;
  /** Images of the workflow (default: the entity's). */
  images?: readonly string[];
  /** Container command and arguments. */
  command?: string[];
  args?: string[];
  /** The ACR instance to use instead of the entity's (a dialog being edited, a dry run). */
  acrInstance?: string | AcrInstanceRef | null;
}

/**
 * Everything that decides what an entity's workflow carries.
 *
 * @public
 */
export interface WorkflowDecisionInput {
  entityRef: string;
  /** The entity's valid effective configuration. */
  config: Pick<
    EffectiveEntityConfig,
    'images' | 'cacheMode' | 'acrInstance' | 'cluster' | 'argoNamespace'
  >;
  clusters: readonly DecisionCluster[];
  acrInstances: readonly AcrInstanceConfig[];
  choices?: WorkflowChoices;
  now: Date;
}

/**
 * The answer to "what does this workflow carry, and what will ECI do with it?".
 *
 * @public
 */
export interface WorkflowDecision {
  /** Target cluster, or null when it is not configured (see `problems`). */
  cluster: DecisionCluster | null;
  cacheMode: WorkflowCacheMode;
  /** The pinned cache and its id, or null with `unpinnedReason`. */
  pinned: ObservedCache | null;
  imageCacheId: string | null;
  unpinnedReason: string | null;
  /** The ACR annotation with the region rule applied from configuration. */
  acr: AcrDecision | null;
  eci: EciPrediction;
  /** The generated workflow, or null when `problems` is not empty. */
  workflow: ArgoWorkflowObject | null;
  /** The builder options, or null when the decision itself has problems (cluster, pin, ACR). */
  options: WorkflowOptions | null;
  /** Why no workflow can be generated; each names its field. */
  problems: ValidationProblem[];
  warnings: ValidationProblem[];
  /** Explanations: fallbacks, why a cache was or was not pinned. */
  notes: string[];
}

/**
 * The single decision model: target cluster, cache mode, pinned cache (one pin rule), ACR
 * annotation (one region rule), predicted ECI behaviour and the generated workflow.
 * Backend preview, scaffolder actions and the tab all call it.
 *
 * @public
 */
export function decideWorkflow(input: WorkflowDecisionInput): WorkflowDecision {
  const { config, now } = input;
  const choices = input.choices ?? {};
  const images = choices.images ?? config.images.value;
  const clusterName = choices.cluster ?? config.cluster.value;
  const cluster = input.clusters.find(c => c.name === clusterName) ?? null;
  const notes: string[] = [];
  const problems: ValidationProblem[] = [];
  const none: WorkflowDecision = {
    cluster,
    cacheMode: 'auto',
    pinned: null,
    imageCacheId: null,
    unpinnedReason: null,
    acr: null,
    eci: { verdict: 'unknown', reason: '', cache: null },
    workflow: null,
    options: null,
    problems,
    warnings: [],
    notes,
  };
  if (!cluster) {
    problems.push(
      problemOf(
        'cluster',
        clusterName,
        'unknown-cluster',
        `is not a configured cluster (configured: ${
          input.clusters.map(c => c.name).join(', ') || 'none'
        })`,
      ),
    );
    none.eci.reason = `Cluster ${clusterName} is not configured in the portal.`;
    return none;
  }

  const cache = decideCache({
    entityRef: input.entityRef,
    entityCacheMode: config.cacheMode.value,
    chosenCacheMode: choices.cacheMode,
    cluster,
    images,
    now,
  });
  const { cacheMode, pinned } = cache;
  problems.push(...cache.problems);
  notes.push(...cache.notes);

  const explicit =
    choices.acrInstance !== undefined
      ? choices.acrInstance
      : config.acrInstance.value;
  const acr = decideAcr({
    cluster,
    instance: explicit,
    source:
      config.acrInstance.source === 'settings' ? 'settings' : 'annotation',
    images,
    configured: input.acrInstances,
  });
  problems.push(...acr.problems);
  const explicitUse = acr.instances.find(use => use.source !== 'image-domain');

  const options: WorkflowOptions = {
    entityRef: input.entityRef,
    serviceName: serviceNameOf(input.entityRef),
    namespace: config.argoNamespace.value,
    cacheMode,
    containers: images.map(image => ({
      image,
      ...(choices.command !== undefined ? { command: choices.command } : {}),
      ...(choices.args !== undefined ? { args: choices.args } : {}),
    })),
    clusterRegion: cluster.region,
    acrInstances: input.acrInstances,
  };
  if (pinned) options.imageCacheId = pinned.imageCacheId!;
  if (explicitUse) {
    options.acrInstanceIds = [
      explicitUse.instanceRegion
        ? `${explicitUse.instanceRegion}:${explicitUse.id}`
        : explicitUse.id,
    ];
  }
  if (cluster.allowUnlistedAcrInstances !== undefined) {
    options.allowUnlistedAcrInstances = cluster.allowUnlistedAcrInstances;
  }
  for (const key of ['kind', 'dialect', 'placement', 'schedule'] as const) {
    if (choices[key] !== undefined) (options as any)[key] = choices[key];
  }

  const decision: WorkflowDecision = {
    ...none,
    cacheMode,
    pinned,
    imageCacheId: pinned?.imageCacheId ?? null,
    unpinnedReason: cache.unpinnedReason,
    acr,
    eci: cache.eci,
  };
  if (problems.length > 0) return decision;
  decision.options = options;
  const generated = tryGenerateWorkflow(options);
  decision.warnings = generated.warnings;
  if (!generated.ok) {
    problems.push(...generated.problems);
    return decision;
  }
  decision.workflow = generated.value;
  return decision;
}
