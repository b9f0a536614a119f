import { ImageCacheView } from '@eci-portal/plugin-eci-image-cache-common';
import { absoluteTime } from '../../state/absoluteTime';
import { expiryText } from '../../state/expiry';

/** A cache's expiry in words, with the exact date on hover once ECI set one. */
export function ExpiryTime(props: { cache: ImageCacheView; testId: string }) {
  const { cache, testId } = props;
  if (!cache.expireDateTime) {
    return <span data-testid={testId}>{expiryText(cache)}</span>;
  }
  return (
    <time
      data-testid={testId}
      dateTime={cache.expireDateTime}
      title={absoluteTime(cache.expireDateTime)}
    >
      {expiryText(cache)}
    </time>
  );
}
