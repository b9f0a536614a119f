import { parseEntityRef } from '@backstage/catalog-model';
import { CacheAlert } from '@eci-portal/plugin-eci-image-cache-common';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { warningText } from '../reconciler/PhaseTransitionRecorder';

/** Topic of every notification of this plugin (users can mute it in their notification settings). */
export const NOTIFICATION_TOPIC = 'eci-image-cache';

/** The entity's Image Cache tab, relative to the app. */
function tabLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${namespace}/${kind.toLocaleLowerCase(
    'en-US',
  )}/${name}/image-cache`;
}

/** What the owners read about an alert: what happened, what it means for their pods, what to do. */
export function cacheNotification(
  entityRef: string,
  cache: ObservedImageCache,
  alert: CacheAlert,
): NotificationPayload {
  const { name } = parseEntityRef(entityRef);
  const where = `${cache.name} on cluster ${cache.cluster}`;
  const common = {
    link: tabLink(entityRef),
    topic: NOTIFICATION_TOPIC,
    scope: `${NOTIFICATION_TOPIC}:${alert.kind}:${cache.cluster}/${cache.name}`,
  };
  if (alert.kind === 'failed') {
    return {
      ...common,
      title: `Image cache of ${name} failed on ${cache.cluster}`,
      description:
        `ECI could not build ${where} (${warningText(cache)}). ` +
        `Pods of ${name} pull their images on every start until a cache is Ready. ` +
        'The backend retries with backoff; if the reason is an image, a pull secret or ACR access, ' +
        'fix it in the Image Cache tab.',
      severity: 'high',
    };
  }
  const when =
    alert.daysLeft === 0 ? 'within a day' : `in ${alert.daysLeft} day(s)`;
  return {
    ...common,
    title: `Image cache of ${name} expires ${when}`,
    description:
      `${where} expires at ${alert.expireDateTime} and no refresh is planned: ` +
      `after that, pods of ${name} pull their images on every start. ` +
      'Refresh the cache in the Image Cache tab, or raise its retention days.',
    severity: 'normal',
  };
}
