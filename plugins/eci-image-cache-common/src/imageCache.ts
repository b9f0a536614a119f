import {
  ANNOTATION_ACR_INSTANCE_IDS,
  ANNOTATION_ENTITY_REF,
  IMAGE_CACHE_ANNOTATION_ENABLE_REUSE,
  LABEL_ENTITY_HASH,
  LABEL_IMAGE_SET_HASH,
  LABEL_MANAGED_BY,
  MANAGED_BY_VALUE,
} from './annotations';
import {
  acrAnnotationValues,
  AcrInstanceConfig,
  collectAcrOptions,
} from './acr';
import { sha256Hex } from './hash';
import { ImageReference, imageSetKey, validateImageList } from './images';
import { ImageCache } from './imageCacheTypes';
import { validateEntityRef } from './validation/entityRef';
import { toDnsLabel } from './validation/kubernetes';
import {
  DEFAULT_IMAGE_CACHE_SIZE_GIB,
  validateImageCacheSize,
  validateRetentionDays,
} from './validation/numbers';
import {
  formatPullSecret,
  validatePullSecretList,
} from './validation/pullSecrets';
import {
  ProblemCollector,
  problemOf,
  rejectNonObject,
  unwrap,
  ValidationResult,
} from './validation/result';

/**
 * Options of {@link buildImageCache}; every value is validated.
 *
 * @public
 */
export interface ImageCacheOptions {
  /** Full ref of the owning entity, e.g. `component:default/checkout`. */
  entityRef: string;
  /** Image references to cache, 1–20, distinct after normalisation; written as given. */
  images: readonly string[];
  /** Pull secrets, `namespace:name`. */
  imagePullSecrets?: readonly string[];
  /** Size in GiB (default 20). */
  imageCacheSize?: number;
  /** Retention in days; omit for a cache that never expires. */
  retentionDays?: number;
  /** Sets `k8s.aliyun.com/imc-enable-reuse` (default true). */
  enableReuse?: boolean;
  /** ACR instances for password-free pulls, `[RegionID:]cri-…`. */
  acrInstanceIds?: readonly string[];
  /** Configured ACR instances; those serving one of the images are added to `acrInstanceIds`. */
  acrInstances?: readonly AcrInstanceConfig[];
  /** Region of the target cluster, for the ACR region rule. */
  clusterRegion?: string;
  /** Whether `acrInstanceIds` may name instances missing from `acrInstances` (default true). */
  allowUnlistedAcrInstances?: boolean;
  /** Refresh counter, a whole number from 0 (default); a new revision gets a new name for the same images. */
  revision?: number;
}

const ENTITY_NAME_MAX_LENGTH = 52;
const NAME_HASH_LENGTH = 10;
const LABEL_HASH_LENGTH = 32;
/** Refreshes of one image set an entity may request; bounds input only. */
const MAX_REVISION = 1_000_000;

/** Normalises an entity ref for hashing; refs are case-insensitive in the catalog. */
function entityKey(entityRef: string): string {
  const normalized = validateEntityRef(entityRef);
  return normalized.ok ? normalized.value : entityRef.toLowerCase();
}

/**
 * Label-safe hash (32 hex digits) of an entity ref, for the `eci.backstage.io/entity-hash` label.
 *
 * @public
 */
export function entityRefHash(entityRef: string): string {
  return sha256Hex(`entity\n${entityKey(entityRef)}`).slice(
    0,
    LABEL_HASH_LENGTH,
  );
}

/**
 * Label-safe hash (32 hex digits) of a normalised image set, for the `eci.backstage.io/image-set-hash` label.
 *
 * @public
 */
export function imageSetHash(images: readonly string[]): string {
  return sha256Hex(`images\n${imageSetKey(images)}`).slice(
    0,
    LABEL_HASH_LENGTH,
  );
}

/**
 * The deterministic ImageCache name `<entity-name>-<hash10>` (at most 63 characters, DNS-1123) for an entity, image set and refresh revision (0, the default, keeps the name of earlier releases).
 *
 * @public
 */
export function imageCacheName(
  entityRef: string,
  images: readonly string[],
  revision: number = 0,
): string {
  const key = entityKey(entityRef);
  const entityName = key.slice(key.indexOf('/') + 1);
  const revisionSuffix = revision > 0 ? `\nrevision ${revision}` : '';
  const hash = sha256Hex(
    `name\n${key}\n${imageSetKey(images)}${revisionSuffix}`,
  ).slice(0, NAME_HASH_LENGTH);
  return `${toDnsLabel(
    entityName,
    ENTITY_NAME_MAX_LENGTH,
    'imagecache',
  )}-${hash}`;
}

/**
 * Like {@link buildImageCache}, but returns the problems instead of throwing.
 *
 * @public
 */
export function tryBuildImageCache(
  options: ImageCacheOptions,
): ValidationResult<ImageCache> {
  const notObject = rejectNonObject(options, 'options');
  if (notObject) {
    return notObject;
  }
  const collector = new ProblemCollector();
  const entityRef = collector.take(
    validateEntityRef(options.entityRef, 'entityRef'),
  );
  const images = collector.take(validateImageList(options.images, 'images'));
  const pullSecrets =
    options.imagePullSecrets === undefined
      ? []
      : collector.take(
          validatePullSecretList(options.imagePullSecrets, 'imagePullSecrets'),
        ) ?? [];
  const size = collector.take(
    validateImageCacheSize(
      options.imageCacheSize ?? DEFAULT_IMAGE_CACHE_SIZE_GIB,
      'imageCacheSize',
    ),
  );
  const retentionDays =
    options.retentionDays === undefined
      ? undefined
      : collector.take(
          validateRetentionDays(options.retentionDays, 'retentionDays'),
        );
  if (
    options.enableReuse !== undefined &&
    typeof options.enableReuse !== 'boolean'
  ) {
    collector.add(
      problemOf(
        'enableReuse',
        options.enableReuse,
        'type',
        'must be true or false',
      ),
    );
  }
  if (
    options.revision !== undefined &&
    (!Number.isSafeInteger(options.revision) ||
      options.revision < 0 ||
      options.revision > MAX_REVISION)
  ) {
    collector.add(
      problemOf(
        'revision',
        options.revision,
        'integer',
        `must be a whole number from 0 to ${MAX_REVISION}`,
      ),
    );
  }
  const acr = collectAcrOptions(collector, options);

  return collector.finish(() => {
    const imageList = images as ImageReference[];
    const originals = imageList.map(image => image.original);
    const annotations: Record<string, string> = {
      [ANNOTATION_ENTITY_REF]: entityRef!,
    };
    if (options.enableReuse ?? true) {
      annotations[IMAGE_CACHE_ANNOTATION_ENABLE_REUSE] = 'true';
    }
    const acrValues = acrAnnotationValues(
      imageList,
      acr.explicit,
      acr.configured,
      acr.clusterRegion,
    );
    if (acrValues.length > 0) {
      annotations[ANNOTATION_ACR_INSTANCE_IDS] = acrValues.join(',');
    }
    const cache: ImageCache = {
      apiVersion: 'eci.alibabacloud.com/v1',
      kind: 'ImageCache',
      metadata: {
        name: imageCacheName(entityRef!, originals, options.revision ?? 0),
        labels: {
          [LABEL_MANAGED_BY]: MANAGED_BY_VALUE,
          [LABEL_ENTITY_HASH]: entityRefHash(entityRef!),
          [LABEL_IMAGE_SET_HASH]: imageSetHash(originals),
        },
        annotations,
      },
      spec: { images: originals },
    };
    if (pullSecrets.length > 0) {
      cache.spec.imagePullSecrets = pullSecrets.map(formatPullSecret);
    }
    cache.spec.imageCacheSize = size!;
    if (retentionDays !== undefined) {
      cache.spec.retentionDays = retentionDays;
    }
    return cache;
  });
}

/**
 * Builds the managed `eci.alibabacloud.com/v1` ImageCache of an entity; throws {@link EciValidationError} naming every invalid option.
 *
 * @public
 */
export function buildImageCache(options: ImageCacheOptions): ImageCache {
  return unwrap(tryBuildImageCache(options));
}
