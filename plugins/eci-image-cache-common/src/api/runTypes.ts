// HTTP contract of run evidence: `GET /entities/:kind/:namespace/:name/runs`.

import type {
  RunCacheOutcome,
  RunDiagnosis,
  RunFailure,
  RunPull,
} from '../runs/runTypes';
import type { RunSummary } from '../runs/summarizeRuns';
import type { ClusterError } from './types';

/**
 * One observed start of an entity's workflow pod on ECI.
 *
 * @public
 */
export interface RunView {
  cluster: string;
  namespace: string;
  /** Pod name. */
  pod: string;
  /** Argo workflow the pod belongs to (`workflows.argoproj.io/workflow`), if any. */
  workflow: string | null;
  /** Pod creation time (ISO 8601). */
  startedAt: string;
  /** Pod phase: Pending, Running, Succeeded, Failed. */
  phase: string;
  cacheOutcome: RunCacheOutcome;
  /** The `imc-…` id hit, auto-created or pinned. */
  imageCacheId: string | null;
  pulls: RunPull[];
  failure: (RunFailure & { diagnosis: RunDiagnosis }) | null;
}

/**
 * `GET /entities/:kind/:namespace/:name/runs`: the entity's last runs, newest first.
 *
 * @public
 */
export interface EntityRunsResponse {
  entityRef: string;
  /** The pod label that ties runs to the entity; existing workflows opt in by setting it in `spec.podMetadata.labels`. */
  podLabel: { key: string; value: string };
  runs: RunView[];
  summary: RunSummary;
  /** Clusters whose run data is missing or stale. */
  errors: ClusterError[];
}
