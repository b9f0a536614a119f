import {
  ANNOTATION_ENTITY_REF,
  LABEL_ENTITY_HASH,
  LABEL_IMAGE_SET_HASH,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
} from './annotations';
import { entityRefHash } from './imageCache';
import { validateEntityRef } from './validation/entityRef';

/**
 * Label selector that finds every ImageCache managed by this plugin.
 *
 * @public
 */
export const MANAGED_IMAGE_CACHE_SELECTOR = `${LABEL_MANAGED_BY}=${MANAGED_BY_VALUE}`;

/**
 * Label selector that finds the managed ImageCaches of one entity.
 *
 * @public
 */
export function imageCacheSelectorForEntity(entityRef: string): string {
  return `${MANAGED_IMAGE_CACHE_SELECTOR},${LABEL_ENTITY_HASH}=${entityRefHash(
    entityRef,
  )}`;
}

/**
 * Who owns an ImageCache, as read back from its labels and annotations.
 *
 * @public
 */
export type ImageCacheOwnership =
  | { managed: false }
  | {
      managed: true;
      /** Owning entity ref; set only when the annotation is a valid ref whose hash equals the entity-hash label. */
      entityRef?: string;
      /** The entity-hash label as found. */
      entityHash?: string;
      /** The image-set-hash label as found. */
      imageSetHash?: string;
    };

function stringMap(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads ownership back from any object (typically an ImageCache from the cluster); never throws.
 *
 * @public
 */
export function readImageCacheOwnership(object: unknown): ImageCacheOwnership {
  const metadata = stringMap(stringMap(object).metadata);
  const labels = stringMap(metadata.labels);
  const annotations = stringMap(metadata.annotations);
  if (labels[LABEL_MANAGED_BY] !== MANAGED_BY_VALUE) {
    return { managed: false };
  }
  const ownership: ImageCacheOwnership = { managed: true };
  const entityHash = optionalString(labels[LABEL_ENTITY_HASH]);
  const imageSetHash = optionalString(labels[LABEL_IMAGE_SET_HASH]);
  if (entityHash !== undefined) {
    ownership.entityHash = entityHash;
  }
  if (imageSetHash !== undefined) {
    ownership.imageSetHash = imageSetHash;
  }
  // A hand-edited annotation that disagrees with the label is not trusted.
  const ref = validateEntityRef(annotations[ANNOTATION_ENTITY_REF]);
  if (ref.ok && entityHash === entityRefHash(ref.value)) {
    ownership.entityRef = ref.value;
  }
  return ownership;
}

/**
 * Whether an object is a managed ImageCache of the given entity (annotation and hash label both agree).
 *
 * @public
 */
export function isImageCacheOwnedBy(
  object: unknown,
  entityRef: string,
): boolean {
  const ownership = readImageCacheOwnership(object);
  const wanted = validateEntityRef(entityRef);
  return (
    ownership.managed &&
    wanted.ok &&
    ownership.entityRef !== undefined &&
    ownership.entityRef === wanted.value
  );
}

/**
 * Where an ImageCache came from: this plugin, ECI's automatic creation, or anything else.
 *
 * @public
 */
export type ImageCacheOrigin = 'managed' | 'eci-auto' | 'unmanaged';

/** ECI names the caches it builds from a pod's own storage `auto-create-for-<instanceID>`. */
const ECI_AUTO_CREATED_PREFIX = 'auto-create-for-';

/**
 * Classifies an ImageCache by origin; ECI's auto-created caches are never adopted or deleted by the plugin.
 *
 * @public
 */
export function imageCacheOrigin(object: unknown): ImageCacheOrigin {
  if (readImageCacheOwnership(object).managed) {
    return 'managed';
  }
  const name = stringMap(stringMap(object).metadata).name;
  return typeof name === 'string' && name.startsWith(ECI_AUTO_CREATED_PREFIX)
    ? 'eci-auto'
    : 'unmanaged';
}
