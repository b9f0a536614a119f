import { createHash } from 'node:crypto';
import { ImageCache, ImageCachePhase } from '@eci-portal/plugin-eci-image-cache-common';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { CacheIntent } from '../database/EciImageCacheStore';
import { DesiredState } from '../desired/desiredState';

/**
 * Identifies what an entity's configuration asks for, apart from the revision (which only
 * changes the name): a command's intent applies while the configuration is the one it was made against.
 */
export function baseKeyOf(cache: ImageCache): string {
  const { labels, annotations } = cache.metadata;
  return createHash('sha256')
    .update(JSON.stringify({ labels, annotations, spec: cache.spec }))
    .digest('hex');
}

/** Whether two built caches are the same request (name and everything we write). */
export function sameCache(a: ImageCache, b: ImageCache): boolean {
  return (
    a.metadata.name === b.metadata.name && baseKeyOf(a) === baseKeyOf(b)
  );
}

/**
 * The desired state once the last cache command is taken into account: the cache it asked
 * for, as long as the entity's configuration is still the one the command was made against.
 */
export function withIntent(
  desired: DesiredState,
  intent: CacheIntent | undefined,
): DesiredState {
  if (
    desired.kind !== 'cache' ||
    !intent ||
    intent.cluster !== desired.cluster ||
    intent.baseKey !== baseKeyOf(desired.cache)
  ) {
    return desired;
  }
  return { kind: 'cache', cluster: desired.cluster, cache: intent.cache };
}

const SETTLED: ReadonlyArray<ImageCachePhase | undefined> = ['Ready', 'Failed'];

/**
 * Whether a command's revision is still being built: its cache is not Ready or Failed yet,
 * or it has not appeared within `graceMs` of the request (then it is treated as lost).
 */
export function isInFlight(
  intent: CacheIntent,
  observed: ObservedImageCache | undefined,
  now: Date,
  graceMs: number,
): boolean {
  if (observed && !observed.deleting) {
    return !SETTLED.includes(observed.status.phase as ImageCachePhase | undefined);
  }
  return now.getTime() - intent.requestedAt.getTime() < graceMs;
}
