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
): string {
  if (cache.daysLeft === null) {
    if (cache.expireDateTime !== null) {
      return 'expiry unknown';
    }
    return cache.retentionDays === null
      ? 'never expires'
      : `expires ${days(cache.retentionDays)} after Ready`;
  }
  if (cache.expired || cache.daysLeft < 0) {
    const ago = Math.max(1, -cache.daysLeft);
    return `expired ${days(ago)} ago`;
  }
  if (cache.daysLeft === 0) {
    return 'expires today';
  }
  return `expires in ${days(cache.daysLeft)}`;
}
