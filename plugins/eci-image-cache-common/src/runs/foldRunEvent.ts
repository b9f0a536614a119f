import { parseGoDurationMs } from './goDuration';
import {
  PodEventInput,
  RunCacheOutcome,
  RunEvidence,
  RunFailure,
} from './runTypes';

const CACHE_ID = /\bimc-[a-z0-9]+/i;
const QUOTED_IMAGE = /image "([^"]+)"/;
// kubelet: `Successfully pulled image "x" in 1.234s (1.234s including waiting). Image size: …`
const PULLED = /^Successfully pulled image "([^"]+)" in ([0-9.µμa-z]+)/;
const ALREADY_PRESENT = /^Container image "([^"]+)" already present on machine/;

const CACHE_REASONS: Record<string, RunCacheOutcome> = {
  SuccessfulHitImageCache: 'hit',
  ImageCacheMissed: 'missed',
  ImageCacheAutoCreated: 'auto-created',
  ImageCacheNotFound: 'pinned-not-found',
  ImageCacheNotComplete: 'pinned-not-complete',
};

/** Reasons that mean the pod could not start (events and container waiting reasons). */
const FAILURE_REASONS = new Set([
  'Failed',
  'ErrImagePull',
  'ImagePullBackOff',
  'BackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'Unauthorized',
  'ProviderFailed',
  'ImageCacheNotFound',
]);

/**
 * An empty evidence record, before any event of the pod was seen.
 *
 * @public
 */
export function emptyRunEvidence(): RunEvidence {
  return { cacheOutcome: 'unknown', pulls: [] };
}

/** Generic follow-ups such as `Error: ErrImagePull` or `Back-off pulling image` say less than the first message. */
function isGeneric(failure: RunFailure): boolean {
  return (
    failure.message.startsWith('Error: ') ||
    failure.reason === 'BackOff' ||
    failure.reason === 'ImagePullBackOff'
  );
}

function withFailure(evidence: RunEvidence, failure: RunFailure): RunEvidence {
  if (evidence.failure && !isGeneric(evidence.failure)) return evidence;
  if (evidence.failure && isGeneric(failure)) return evidence;
  return { ...evidence, failure };
}

function withPull(
  evidence: RunEvidence,
  image: string,
  durationMs: number | null,
  alreadyPresent = false,
): RunEvidence {
  // Replacing any earlier entry of the image keeps folding idempotent (events are re-listed).
  const pulls = evidence.pulls.filter(pull => pull.image !== image);
  pulls.push(
    alreadyPresent
      ? { image, durationMs, alreadyPresent }
      : { image, durationMs },
  );
  return { ...evidence, pulls };
}

function cacheOutcomeOf(
  evidence: RunEvidence,
  outcome: RunCacheOutcome,
): RunCacheOutcome {
  // ECI reports the miss first and the auto-created cache later; the later, richer outcome wins.
  if (outcome === 'missed' && evidence.cacheOutcome === 'auto-created') {
    return evidence.cacheOutcome;
  }
  return outcome;
}

/**
 * Folds one core/v1 Event about a pod into its run evidence: ECI's image cache events (`EciService`),
 * the kubelet's pull events and failures. Unknown reasons leave the evidence unchanged.
 *
 * @public
 */
export function foldRunEvent(
  evidence: RunEvidence,
  event: PodEventInput,
): RunEvidence {
  const reason = event.reason ?? '';
  const message = event.message ?? '';
  const cacheOutcome = CACHE_REASONS[reason];
  let next = evidence;
  if (cacheOutcome) {
    next = { ...next, cacheOutcome: cacheOutcomeOf(next, cacheOutcome) };
    const id = CACHE_ID.exec(message)?.[0];
    if (id) next.imageCacheId = id;
  }
  if (reason === 'Pulling') {
    const image = QUOTED_IMAGE.exec(message)?.[1];
    if (image && !next.pulls.some(pull => pull.image === image)) {
      next = withPull(next, image, null);
    }
    return next;
  }
  if (reason === 'Pulled') {
    const pulled = PULLED.exec(message);
    if (pulled) {
      return withPull(next, pulled[1], parseGoDurationMs(pulled[2]) ?? null);
    }
    const present = ALREADY_PRESENT.exec(message);
    return present ? withPull(next, present[1], 0, true) : next;
  }
  if (
    FAILURE_REASONS.has(reason) &&
    (event.type === 'Warning' || reason === 'ImageCacheNotFound')
  ) {
    const failure: RunFailure = { reason, message };
    const image = QUOTED_IMAGE.exec(message)?.[1];
    if (image) failure.image = image;
    if (reason === 'Failed' && message.startsWith('Failed to pull image')) {
      failure.reason = 'ErrImagePull';
    }
    next = withFailure(next, failure);
  }
  return next;
}

/**
 * The subset of a pod's status read for failures that no event explained (events are best-effort
 * and expire after an hour on most clusters).
 *
 * @public
 */
export interface PodStatusInput {
  phase?: string;
  reason?: string;
  message?: string;
  containerStatuses?: Array<{
    image?: string;
    state?: { waiting?: { reason?: string; message?: string } };
  }>;
}

/**
 * Adds the failure a pod's status shows (a container waiting on `ErrImagePull`, a Failed pod's reason)
 * when its events gave none.
 *
 * @public
 */
export function foldPodStatus(
  evidence: RunEvidence,
  status: PodStatusInput | undefined,
): RunEvidence {
  if (!status) return evidence;
  for (const container of status.containerStatuses ?? []) {
    const waiting = container.state?.waiting;
    if (waiting?.reason && FAILURE_REASONS.has(waiting.reason)) {
      const failure: RunFailure = {
        reason: waiting.reason,
        message: waiting.message ?? waiting.reason,
      };
      if (container.image) failure.image = container.image;
      return withFailure(evidence, failure);
    }
  }
  if (status.phase === 'Failed' && status.reason && !evidence.failure) {
    return withFailure(evidence, {
      reason: status.reason,
      message: status.message ?? status.reason,
    });
  }
  return evidence;
}
