import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterRegistry } from '../cluster/ClusterRegistry';
import { ObservedImageCache } from '../cluster/ObservedImageCache';
import { EciImageCacheStore, NewHistoryEntry } from '../database/EciImageCacheStore';

/** The Warning events ECI attached to a cache, in one line. */
export function warningText(cache: ObservedImageCache): string {
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

/**
 * The entries a managed cache seen for the first time (after a start, a relist, or a write of
 * another replica) may be missing from the history: its creation, and its Ready or Failed
 * state. They happened while no replica recorded them, e.g. when the backend stopped between
 * creating a cache and recording it, or while ECI finished it. The dedupe keys are those of
 * the regular entries, so an event already recorded is never recorded twice.
 */
export function firstSightingEntries(
  current: ObservedImageCache,
  now: Date,
): NewHistoryEntry[] {
  const entityRef = current.ownership.managed
    ? current.ownership.entityRef
    : undefined;
  if (!entityRef || !current.uid || current.deleting) return [];
  const base = {
    entityRef,
    cluster: current.cluster,
    cacheName: current.name,
    imageCacheId: current.status.imageCacheId,
  };
  const seenAt = (time: string | undefined) => {
    const parsed = time ? new Date(time) : now;
    return Number.isNaN(parsed.getTime()) || parsed > now ? now : parsed;
  };
  const entries: NewHistoryEntry[] = [
    {
      ...base,
      action: 'created',
      message: 'found on the cluster; its creation was not recorded (the backend was not running or stopped meanwhile)',
      occurredAt: seenAt(current.creationTimestamp),
      dedupeKey: `${current.cluster}/${current.uid}/created`,
    },
  ];
  const phase = current.status.phase;
  if (phase === 'Ready') {
    entries.push({
      ...base,
      action: 'ready',
      message: `Ready${current.status.imageCacheId ? ` as ${current.status.imageCacheId}` : ''} (seen when the backend started watching)`,
      occurredAt: seenAt(current.status.lastUpdatedTime),
      dedupeKey: `${current.cluster}/${current.uid}/ready`,
    });
  } else if (phase === 'Failed' || phase === 'UpdateFailed') {
    entries.push({
      ...base,
      action: 'failed',
      message: `${phase}: ${warningText(current)}`,
      occurredAt: seenAt(current.status.lastUpdatedTime),
      dedupeKey: `${current.cluster}/${current.uid}/failed`,
    });
  }
  return entries;
}

/** Rows written per statement when backfilling first sightings (a relist can hold thousands). */
const BACKFILL_BATCH = 100;

export function recordPhaseTransitions(
  clusters: ClusterRegistry,
  store: EciImageCacheStore,
  logger: LoggerService,
): void {
  const pending: NewHistoryEntry[] = [];
  let flushing: Promise<void> | undefined;
  const flush = async () => {
    while (pending.length > 0) {
      const batch = pending.splice(0, BACKFILL_BATCH);
      await store.addMissingHistory(batch).catch(error =>
        logger.warn(`Could not record ${batch.length} history entries of caches seen on start: ${error}`),
      );
    }
    flushing = undefined;
  };
  const onChange = (
    previous: ObservedImageCache | undefined,
    current: ObservedImageCache | undefined,
  ) => {
    const now = new Date();
    if (!previous && current) {
      pending.push(...firstSightingEntries(current, now));
      // One flush at a time, after the current (re)list has been indexed.
      flushing ??= new Promise<void>(resolve => setImmediate(resolve)).then(flush);
      return;
    }
    const entry = transitionEntry(previous, current, now);
    if (!entry) return;
    store.addHistory(entry).catch(error =>
      logger.warn(`Could not record ${entry.action} of ${entry.cacheName}: ${error}`),
    );
  };
  for (const cluster of clusters.list()) {
    cluster.informer.index.onChange(onChange);
  }
}
