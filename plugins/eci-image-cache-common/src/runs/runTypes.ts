// Run evidence: what happened when an entity's workflow pods started on ECI. Types shared by the
// backend (which derives them from pods and their events) and the frontend (which shows them).

/**
 * How ECI used image caches for one pod, from its `EciService` events:
 * `SuccessfulHitImageCache` → hit, `ImageCacheMissed` → missed, `ImageCacheAutoCreated` → auto-created
 * (a miss after which ECI built a cache for the next pods), `ImageCacheNotFound` / `ImageCacheNotComplete`
 * → the pinned cache does not exist / is not Ready yet; `unknown` until ECI reported anything.
 *
 * @public
 */
export type RunCacheOutcome =
  | 'hit'
  | 'missed'
  | 'auto-created'
  | 'pinned-not-found'
  | 'pinned-not-complete'
  | 'unknown';

/**
 * The subset of a core/v1 Event about a pod that run evidence reads.
 *
 * @public
 */
export interface PodEventInput {
  reason?: string;
  message?: string;
  type?: string;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  involvedObject?: { fieldPath?: string };
}

/**
 * One image pull of a run.
 *
 * @public
 */
export interface RunPull {
  /** Image reference as written in the pod. */
  image: string;
  /** Pull duration reported by the kubelet (`Successfully pulled image … in 1.2s`); null while pulling or when failed. */
  durationMs: number | null;
  /** The image was already on the instance (`already present on machine`). */
  alreadyPresent?: boolean;
}

/**
 * Why a run failed to start, as reported by ECI or the kubelet.
 *
 * @public
 */
export interface RunFailure {
  /** Event or container waiting reason, e.g. `Failed`, `ErrImagePull`, `ImageCacheNotFound`. */
  reason: string;
  /** The original message. */
  message: string;
  /** The image concerned, when the failure is about one. */
  image?: string;
}

/**
 * Everything derived from one pod's events so far (compact: kept for the last runs of every entity).
 *
 * @public
 */
export interface RunEvidence {
  cacheOutcome: RunCacheOutcome;
  /** The `imc-…` id hit, auto-created or pinned. */
  imageCacheId?: string;
  pulls: RunPull[];
  failure?: RunFailure;
}

/**
 * A failure explained in plain words, with what to do about it.
 *
 * @public
 */
export interface RunDiagnosis {
  /** Category, stable for tests and filtering. */
  kind:
    | 'acr-password-free-not-configured'
    | 'acr-wrong-region'
    | 'registry-unauthorized'
    | 'image-not-found'
    | 'registry-unreachable'
    | 'pinned-cache-not-found'
    | 'pinned-cache-not-complete'
    | 'eci-permission'
    | 'other';
  /** One sentence: what went wrong. */
  summary: string;
  /** What to change, concretely. */
  fix: string;
}
