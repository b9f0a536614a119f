import type { KubeObject } from '../store/types';
import { GIB, parseByteSize } from '../util/byteSize';
import { isPlainObject, type JsonObject } from '../util/json';
import { ANNOTATIONS } from './annotations';
import { normalizeImage } from './imageRef';

export type CacheSelection =
  | { kind: 'none' }
  | { kind: 'hit'; cache: KubeObject; cachedImages: Set<string> }
  | { kind: 'pinnedNotFound'; imageCacheId: string }
  | { kind: 'pinnedNotReady'; cache: KubeObject; imageCacheId: string }
  | { kind: 'miss' };

function status(cache: KubeObject): JsonObject {
  return isPlainObject(cache.status) ? cache.status : {};
}

function cacheImages(cache: KubeObject): Set<string> {
  const images = (cache.spec as JsonObject | undefined)?.images;
  return new Set(
    (Array.isArray(images) ? images : []).map(i => normalizeImage(String(i))),
  );
}

/** ECI's pod storage: 30 GiB plus `eci-extra-ephemeral-storage`, the size an auto-created cache gets. */
export function podStorageGiB(annotations: Record<string, string>): number {
  const extra = annotations[ANNOTATIONS.extraEphemeralStorage];
  if (!extra) return 30;
  try {
    return 30 + Math.ceil(parseByteSize(extra) / GIB);
  } catch {
    return 30;
  }
}

/**
 * `eci-auto-imc` defaults to "true" on ECI: only an explicit "false" turns
 * automatic matching (and creation) off. The legacy `eci-image-cache` can
 * only ask for what is already the default.
 */
export function autoImageCacheEnabled(
  annotations: Record<string, string>,
): boolean {
  return annotations[ANNOTATIONS.autoImc] !== 'false';
}

/**
 * How ECI picks a cache for a pod: a pinned id (`eci-imc-id` / legacy
 * `eci-image-snapshot-id`) wins; otherwise, unless auto-match is turned off,
 * the Ready cache matching the most images by exact normalized name:tag, then
 * the size closest to the pod's storage, then the newest.
 */
export function selectImageCache(
  pod: KubeObject,
  podImages: string[],
  caches: KubeObject[],
): CacheSelection {
  const annotations = pod.metadata.annotations ?? {};
  const pinned =
    annotations[ANNOTATIONS.imcId] ||
    annotations[ANNOTATIONS.imageSnapshotIdLegacy];
  if (pinned) {
    const cache = caches.find(c => status(c).imageCacheId === pinned);
    if (!cache) return { kind: 'pinnedNotFound', imageCacheId: pinned };
    if (status(cache).phase !== 'Ready')
      return { kind: 'pinnedNotReady', cache, imageCacheId: pinned };
    return { kind: 'hit', cache, cachedImages: cacheImages(cache) };
  }
  if (!autoImageCacheEnabled(annotations)) return { kind: 'none' };

  const wanted = podImages.map(normalizeImage);
  const perfect = annotations[ANNOTATIONS.imcPerfectMatch] === 'true';
  const required = perfect
    ? wanted.length
    : Math.max(1, Number(annotations[ANNOTATIONS.imcMatchCountRequest]) || 1);
  const podSizeGiB = podStorageGiB(annotations);
  let best:
    | { cache: KubeObject; images: Set<string>; matched: number }
    | undefined;
  for (const cache of caches) {
    if (status(cache).phase !== 'Ready') continue;
    const images = cacheImages(cache);
    const matched = wanted.filter(image => images.has(image)).length;
    if (matched < required) continue;
    if (!best || isBetter(cache, matched, best, podSizeGiB))
      best = { cache, images, matched };
  }
  return best
    ? { kind: 'hit', cache: best.cache, cachedImages: best.images }
    : { kind: 'miss' };
}

function isBetter(
  cache: KubeObject,
  matched: number,
  best: { cache: KubeObject; matched: number },
  podSizeGiB: number,
): boolean {
  if (matched !== best.matched) return matched > best.matched;
  const size = (c: KubeObject) =>
    Number((c.spec as JsonObject).imageCacheSize ?? 20);
  const distance = (c: KubeObject) => Math.abs(size(c) - podSizeGiB);
  if (distance(cache) !== distance(best.cache))
    return distance(cache) < distance(best.cache);
  return (
    String(cache.metadata.creationTimestamp) >
    String(best.cache.metadata.creationTimestamp)
  );
}
