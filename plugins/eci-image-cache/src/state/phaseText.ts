import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import { isCacheInProgress } from './cacheProgress';

/**
 * The phase as the tab shows it: "Deleting" and "Expired (…)" first, "Requested" before ECI
 * reported a phase, otherwise ECI's phase.
 */
export function phaseLabel(cache: ImageCacheView): string {
  if (cache.deleting) {
    return 'Deleting';
  }
  if (cache.expired) {
    return `Expired${cache.phase ? ` (${cache.phase})` : ''}`;
  }
  return cache.phase ?? 'Requested';
}

/** {@link phaseLabel} with the progress while ECI builds the cache, e.g. "Creating (45%)". */
export function phaseText(cache: ImageCacheView): string {
  const label = phaseLabel(cache);
  return isCacheInProgress(cache) && !cache.deleting && cache.progress
    ? `${label} (${cache.progress})`
    : label;
}
