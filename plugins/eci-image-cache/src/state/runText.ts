import {
  RunCacheOutcome,
  RunView,
} from '@eci-portal/plugin-eci-image-cache-common';

/** How a cache outcome reads in the tab. */
export function cacheOutcomeText(run: RunView): string {
  const id = run.imageCacheId ? ` ${run.imageCacheId}` : '';
  const texts: Record<RunCacheOutcome, string> = {
    hit: `Hit${id}`,
    missed: 'Missed (cold start)',
    'auto-created': `Missed; ECI auto-created${id}`,
    'pinned-not-found': `Pinned cache${id} not found`,
    'pinned-not-complete': `Pinned cache${id} not ready`,
    unknown: 'No cache event yet',
  };
  return texts[run.cacheOutcome];
}

/** `850 ms`, `12.3 s`, `2 min 5 s`. */
export function durationText(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 1_000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = Math.round((abs % 60_000) / 1_000);
  return `${sign}${minutes} min${seconds ? ` ${seconds} s` : ''}`;
}

/** The image's last path segment and tag: enough to tell images apart in a narrow column. */
export function shortImage(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}
