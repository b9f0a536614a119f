import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { EciImageCacheStore, NewHistoryEntry } from '../database/EciImageCacheStore';

function warningText(cache: ObservedImageCache): string {
  const warnings = (cache.status.events ?? []).filter(
    event => event.type === 'Warning',
  );
  return warnings.length > 0
    ? warnings.map(event => `${event.reason ?? 'Warning'}: ${event.message ?? ''}`).join('; ')
    : 'ECI reported no reason';
}

/**
 * Turns phase transitions seen on the watch into history entries (Ready, Failed, deleted or
 * expired by ECI). Every replica watches, so entries carry a dedupe key per object and event.
 * Caches seen for the first time (initial list) are not transitions and are not recorded.
 */
export function transitionEntry(
  previous: ObservedImageCache | undefined,
  current: ObservedImageCache | undefined,
  now: Date,
): NewHistoryEntry | undefined {
  const subject = current ?? previous;
  const entityRef = subject?.ownership.managed
    ? subject.ownership.entityRef
    : undefined;
  if (!subject || !entityRef || !previous) return undefined;
  const base = {
    entityRef,
    cluster: subject.cluster,
    cacheName: subject.name,
    imageCacheId: subject.status.imageCacheId,
  };
  if (!current) {
    const expiry = previous.status.expireDateTime;
    const expired = expiry !== undefined && Date.parse(expiry) <= now.getTime();
    return {
      ...base,
      action: expired ? 'expired' : 'deleted',
      message: expired
        ? `expired at ${expiry} and was deleted by ECI`
        : 'the ImageCache was deleted',
      dedupeKey: `${subject.cluster}/${subject.uid}/deleted`,
    };
  }
  const phase = current.status.phase;
  if (phase === previous.status.phase) return undefined;
  if (phase === 'Ready') {
    return {
      ...base,
      action: 'ready',
      message: `Ready${current.status.imageCacheId ? ` as ${current.status.imageCacheId}` : ''}`,
      dedupeKey: `${subject.cluster}/${subject.uid}/ready`,
    };
  }
  if (phase === 'Failed' || phase === 'UpdateFailed') {
    return {
      ...base,
      action: 'failed',
      message: `${phase}: ${warningText(current)}`,
      dedupeKey: `${subject.cluster}/${subject.uid}/failed`,
    };
  }
  return undefined;
}

export function recordPhaseTransitions(
  clusters: ClusterRegistry,
  store: EciImageCacheStore,
  logger: LoggerService,
): void {
  for (const cluster of clusters.list()) {
    cluster.informer.index.onChange((previous, current) => {
      const entry = transitionEntry(previous, current, new Date());
      if (!entry) return;
      store.addHistory(entry).catch(error =>
        logger.warn(`Could not record ${entry.action} of ${entry.cacheName}: ${error}`),
      );
    });
  }
}
