import { RunCacheOutcome, RunEvidence } from './runTypes';

/**
 * What the runs of an entity show about its caches.
 *
 * @public
 */
export interface RunSummary {
  /** Runs considered. */
  runs: number;
  /** Runs for which ECI reported a cache outcome. */
  withCacheOutcome: number;
  /** Runs that hit a cache. */
  hits: number;
  /** hits / withCacheOutcome, null without any outcome. */
  hitRate: number | null;
  /** Pull time the hits saved: per image, the median pull of runs that missed minus the pull of each hit; null when no image was seen both ways. */
  pullTimeSavedMs: number | null;
  /** Images seen both in hits and in misses (the base of `pullTimeSavedMs`). */
  comparedImages: string[];
}

/**
 * What {@link summarizeRuns} reads of a run.
 *
 * @public
 */
export type RunForSummary = Pick<RunEvidence, 'cacheOutcome' | 'pulls'>;

const MISSES: ReadonlySet<RunCacheOutcome> = new Set([
  'missed',
  'auto-created',
]);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function pullTimes(
  runs: readonly RunForSummary[],
  outcomes: (outcome: RunCacheOutcome) => boolean,
): Map<string, number[]> {
  const byImage = new Map<string, number[]>();
  for (const run of runs) {
    if (!outcomes(run.cacheOutcome)) continue;
    for (const pull of run.pulls) {
      if (pull.durationMs === null) continue;
      const times = byImage.get(pull.image) ?? [];
      times.push(pull.durationMs);
      byImage.set(pull.image, times);
    }
  }
  return byImage;
}

/**
 * Hit rate and measured pull time saved: hits are compared with misses of the same images only.
 *
 * @public
 */
export function summarizeRuns(runs: readonly RunForSummary[]): RunSummary {
  const withOutcome = runs.filter(run => run.cacheOutcome !== 'unknown');
  const hits = withOutcome.filter(run => run.cacheOutcome === 'hit').length;
  const hitPulls = pullTimes(runs, outcome => outcome === 'hit');
  const missPulls = pullTimes(runs, outcome => MISSES.has(outcome));
  const comparedImages: string[] = [];
  let saved = 0;
  for (const [image, times] of hitPulls) {
    const missed = missPulls.get(image);
    if (!missed) continue;
    comparedImages.push(image);
    const typicalMiss = median(missed);
    for (const time of times) saved += typicalMiss - time;
  }
  return {
    runs: runs.length,
    withCacheOutcome: withOutcome.length,
    hits,
    hitRate: withOutcome.length ? hits / withOutcome.length : null,
    pullTimeSavedMs: comparedImages.length ? Math.round(saved) : null,
    comparedImages: comparedImages.sort(),
  };
}
