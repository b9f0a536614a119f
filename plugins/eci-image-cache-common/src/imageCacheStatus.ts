import { diffImageSets } from './images';
import { ImageCache } from './imageCacheTypes';

const PERCENT = /^(\d{1,3})(\.\d+)?%?$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Parses an ImageCache `status.progress` such as `45%` into 0–100, or undefined when absent or malformed.
 *
 * @public
 */
export function parseProgressPercent(progress: unknown): number | undefined {
  if (typeof progress !== 'string') {
    return undefined;
  }
  const match = PERCENT.exec(progress.trim());
  if (!match) {
    return undefined;
  }
  const value = Number(`${match[1]}${match[2] ?? ''}`);
  return value <= 100 ? value : undefined;
}

/**
 * Whole days from `now` until `expireDateTime` (rounded down; negative once expired), or undefined without a valid date.
 *
 * @public
 */
export function daysUntilExpiry(
  expireDateTime: string | undefined,
  now: Date,
): number | undefined {
  if (expireDateTime === undefined) {
    return undefined;
  }
  const expires = Date.parse(expireDateTime);
  if (Number.isNaN(expires) || Number.isNaN(now.getTime())) {
    return undefined;
  }
  return Math.floor((expires - now.getTime()) / DAY_MS);
}

/**
 * Whether a cache holds exactly the entity's image set (normalised, exact `name:tag`, order ignored).
 *
 * @public
 */
export function imageCacheMatchesImages(
  cache: Pick<ImageCache, 'spec'>,
  images: readonly string[],
): boolean {
  return diffImageSets(cache.spec?.images ?? [], images).matches;
}
