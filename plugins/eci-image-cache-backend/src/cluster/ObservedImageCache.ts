import {
  ImageCacheEvent,
  ImageCacheOrigin,
  imageCacheOrigin,
  ImageCacheOwnership,
  ImageCacheSpec,
  ImageCacheStatus,
  imageComparisonKey,
  readImageCacheOwnership,
} from '@eci-portal/plugin-eci-image-cache-common';
import { RawImageCache } from './ImageCacheApi';

/** ECI keeps up to 50 events per cache; the newest are enough for the UI and the history. */
const MAX_EVENTS_KEPT = 10;

/**
 * The compact, immutable form in which the watch cache keeps an ImageCache: only what the
 * API and the reconciler read, so 10,000 caches stay small.
 */
export interface ObservedImageCache {
  readonly cluster: string;
  readonly name: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly creationTimestamp?: string;
  readonly deleting: boolean;
  readonly annotations: Readonly<Record<string, string>>;
  readonly spec: Readonly<ImageCacheSpec>;
  readonly status: Readonly<ImageCacheStatus>;
  readonly ownership: ImageCacheOwnership;
  readonly origin: ImageCacheOrigin;
  /** Normalised image keys, for matching unmanaged caches to entities. */
  readonly imageKeys: readonly string[];
}

function keptAnnotations(
  annotations: Record<string, string> | undefined,
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(annotations ?? {})) {
    if (key.startsWith('k8s.aliyun.com/') || key.startsWith('eci.backstage.io/')) {
      kept[key] = value;
    }
  }
  return kept;
}

const EVENT_FIELDS = [
  'type',
  'reason',
  'message',
  'count',
  'firstTimestamp',
  'lastTimestamp',
  'source',
] as const;

/** The fields of an ECI event the API shows (drops the Event's own metadata and involvedObject). */
function compactEvent(event: ImageCacheEvent): ImageCacheEvent {
  const compact: Record<string, unknown> = {};
  for (const key of EVENT_FIELDS) {
    if (event[key] !== undefined) compact[key] = event[key];
  }
  return compact as ImageCacheEvent;
}

export function observeImageCache(
  cluster: string,
  raw: RawImageCache,
): ObservedImageCache {
  const spec = raw.spec ?? { images: [] };
  const images = Array.isArray(spec.images) ? spec.images.map(String) : [];
  const status: ImageCacheStatus = { ...(raw.status ?? {}) };
  if (Array.isArray(status.events)) {
    status.events = status.events.slice(-MAX_EVENTS_KEPT).map(compactEvent);
  }
  return {
    cluster,
    name: raw.metadata.name,
    uid: raw.metadata.uid,
    resourceVersion: raw.metadata.resourceVersion,
    creationTimestamp: raw.metadata.creationTimestamp,
    deleting: Boolean(raw.metadata.deletionTimestamp),
    annotations: keptAnnotations(raw.metadata.annotations),
    spec: { ...spec, images },
    status,
    ownership: readImageCacheOwnership(raw),
    origin: imageCacheOrigin(raw),
    imageKeys: images.map(imageComparisonKey),
  };
}

