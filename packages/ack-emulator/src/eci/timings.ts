import { GIB, MIB } from '../util/byteSize';

/**
 * Durations of the ECI simulation at time scale 1, chosen so a cache of a few
 * GB takes a few minutes (the docs' samples show ~3.3 min for busybox + nginx).
 */
export const TIMINGS = {
  /** ECI rejects bad CreateImageCache parameters almost immediately. */
  parameterRejectMs: 2_000,
  /** Starting the temporary 2 vCPU / 4 GiB instance and its disk. */
  prepareMs: 60_000,
  /** Auto caches are snapshotted from the pod's own storage. */
  autoPrepareMs: 10_000,
  /** Registry pull bandwidth of a cache-building instance or a pod. */
  pullBytesPerSecond: 20 * MIB,
  /** Pulling layers that another Ready cache already has (imc-enable-reuse). */
  reusedPullFactor: 0.1,
  snapshotBaseMs: 60_000,
  snapshotBytesPerSecond: 100 * MIB,
  /** Retention of failed caches. */
  failedRetentionMs: 24 * 60 * 60 * 1000,
  /** Auto-created caches: deleted 7 days after creation if unused, 30 days after the last use. */
  autoUnusedRetentionMs: 7 * 24 * 60 * 60 * 1000,
  autoUsedRetentionMs: 30 * 24 * 60 * 60 * 1000,
  /** Pod lifecycle on a virtual node. */
  podScheduleMs: 1_000,
  cacheHitPullBaseMs: 200,
  cacheHitBytesPerSecond: 4 * GIB,
  containerRunMs: 5_000,
  /** The kubelet's image pull and crash-loop back-off: 10 s, doubling, at most 5 min. */
  backOffInitialMs: 10_000,
  backOffMaxMs: 300_000,
} as const;

export function pullMs(sizeBytes: number): number {
  return Math.round(500 + (sizeBytes / TIMINGS.pullBytesPerSecond) * 1000);
}

export function cachedPullMs(sizeBytes: number): number {
  return Math.round(
    TIMINGS.cacheHitPullBaseMs +
      (sizeBytes / TIMINGS.cacheHitBytesPerSecond) * 1000,
  );
}

export function snapshotMs(bytes: number): number {
  return Math.round(
    TIMINGS.snapshotBaseMs + (bytes / TIMINGS.snapshotBytesPerSecond) * 1000,
  );
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The kubelet's back-off before retry number `attempt` (1-based). */
export function backOffMs(attempt: number): number {
  return Math.min(
    TIMINGS.backOffMaxMs,
    TIMINGS.backOffInitialMs * 2 ** Math.max(0, attempt - 1),
  );
}
