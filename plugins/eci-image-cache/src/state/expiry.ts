import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';

function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/**
 * "expires in 6 days", "expires today", "expired 2 days ago", "never expires", or, before ECI set
 * the date, "expires 7 days after Ready".
 */
export function expiryText(
  cache: Pick<
    ImageCacheView,
    'daysLeft' | 'expired' | 'expireDateTime' | 'retentionDays'
  >,
  now: Date = new Date(),
): string {
  const daysLeft = roundedDaysLeft(cache, now);
  if (daysLeft === null) {
    if (cache.expireDateTime !== null) {
      return 'expiry unknown';
    }
    return cache.retentionDays === null
      ? 'never expires'
      : `expires ${days(cache.retentionDays)} after Ready`;
  }
  if (cache.expired || daysLeft < 0) {
    const ago = Math.max(1, -daysLeft);
    return `expired ${days(ago)} ago`;
  }
  if (daysLeft === 0) {
    return 'expires today';
  }
  return `expires in ${days(daysLeft)}`;
}

const DAY_MS = 86_400_000;

/**
 * Days until expiry, rounded to the nearest day from the exact time when ECI set one: a 7-day
 * cache created seconds ago expires "in 7 days", not 6 (the backend's whole days left).
 */
function roundedDaysLeft(
  cache: Pick<ImageCacheView, 'daysLeft' | 'expireDateTime'>,
  now: Date,
): number | null {
  const expiry = cache.expireDateTime ? Date.parse(cache.expireDateTime) : NaN;
  if (Number.isNaN(expiry)) {
    return cache.daysLeft;
  }
  return Math.round((expiry - now.getTime()) / DAY_MS);
}
