import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_ACR_INSTANCE_ID,
  ANNOTATION_ARGO_NAMESPACE,
  ANNOTATION_ECI_CLUSTER,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
  ANNOTATION_ECI_IMAGE_CACHE_SIZE,
  ANNOTATION_ECI_IMAGE_PULL_SECRETS,
  ANNOTATION_ECI_IMAGES,
  ECI_CATALOG_ANNOTATIONS,
} from './annotations';
import { ImageReference, validateImageList } from './images';
import {
  AcrInstanceRef,
  validateAcrInstanceRef,
} from './validation/alibabaIds';
import { validateNamespace } from './validation/kubernetes';
import {
  DEFAULT_IMAGE_CACHE_SIZE_GIB,
  validateImageCacheSize,
  validateRetentionDays,
} from './validation/numbers';
import {
  pullSecretNamespaces,
  PullSecretRef,
  validatePullSecretList,
  validatePullSecretNamespaces,
} from './validation/pullSecrets';
import {
  EciValidationError,
  ProblemCollector,
  problemOf,
  ValidationResult,
} from './validation/result';

/** Cache modes of the `alibabacloud.com/eci-image-cache` annotation. @public */
export type EntityCacheMode = 'manual' | 'auto' | 'off';
/** All entity cache modes; `auto` is the default. @public */
export const ENTITY_CACHE_MODES: readonly EntityCacheMode[] = [
  'manual',
  'auto',
  'off',
];

/**
 * Configuration-derived defaults and allow-lists for {@link readEntityConfig}.
 *
 * @public
 */
export interface EntityConfigDefaults {
  /** Names of the configured clusters; the cluster annotation must name one of them. */
  clusters: readonly string[];
  /** Cluster used when the entity names none; must be in `clusters`. */
  defaultCluster: string;
  /** Argo namespace used when the entity names none. */
  argoNamespace: string;
  /** Retention in days used when the entity sets none; absent means caches never expire. */
  retentionDays?: number;
  /** When set, the only namespaces an entity may name. */
  allowedNamespaces?: readonly string[];
}

/**
 * The typed configuration of one catalog entity.
 *
 * @public
 */
export interface EciEntityConfig {
  /** Normalised entity ref. */
  entityRef: string;
  /** Images to cache, in annotation order. */
  images: ImageReference[];
  /** Cache mode. */
  cacheMode: EntityCacheMode;
  /** ImageCache size in GiB. */
  imageCacheSize: number;
  /** ImageCache retention in days; absent means never expires. */
  retentionDays?: number;
  /** ImageCache pull secrets. */
  imagePullSecrets: PullSecretRef[];
  /** ACR instance for password-free pulls. */
  acrInstance?: AcrInstanceRef;
  /** Target cluster name. */
  cluster: string;
  /** Namespace of the service's Argo workflows. */
  argoNamespace: string;
}

/**
 * Whether an entity carries any annotation of the contract (the UI shows its tab for such entities).
 *
 * @public
 */
export function hasEciAnnotations(entity: Entity): boolean {
  const annotations = entity.metadata?.annotations ?? {};
  return ECI_CATALOG_ANNOTATIONS.some(name =>
    Object.prototype.hasOwnProperty.call(annotations, name),
  );
}

function checkDefaults(defaults: EntityConfigDefaults): void {
  const collector = new ProblemCollector();
  if (
    !Array.isArray(defaults.clusters) ||
    !defaults.clusters.includes(defaults.defaultCluster)
  ) {
    collector.add(
      problemOf(
        'defaults.defaultCluster',
        defaults.defaultCluster,
        'unknown-cluster',
        'is not one of the configured clusters',
      ),
    );
  }
  const namespace = collector.take(
    validateNamespace(defaults.argoNamespace, 'defaults.argoNamespace'),
  );
  const allowed = defaults.allowedNamespaces;
  if (allowed !== undefined) {
    allowed.forEach((entry, index) =>
      collector.take(
        validateNamespace(entry, `defaults.allowedNamespaces[${index}]`),
      ),
    );
    if (namespace !== undefined && !allowed.includes(namespace)) {
      collector.add(
        problemOf(
          'defaults.argoNamespace',
          namespace,
          'namespace-not-allowed',
          'is not in defaults.allowedNamespaces',
        ),
      );
    }
  }
  if (defaults.retentionDays !== undefined) {
    collector.take(
      validateRetentionDays(defaults.retentionDays, 'defaults.retentionDays'),
    );
  }
  if (collector.problems.length > 0) {
    throw new EciValidationError(collector.problems);
  }
}

/**
 * Parses the contract annotations of an entity into a typed configuration, or every problem (annotation, value, rule); warnings come separately.
 * Throws {@link EciValidationError} only when `defaults` itself is invalid (a configuration error).
 *
 * @public
 */
export function readEntityConfig(
  entity: Entity,
  defaults: EntityConfigDefaults,
): ValidationResult<EciEntityConfig> {
  checkDefaults(defaults);
  const annotations: Record<string, unknown> =
    entity.metadata?.annotations ?? {};
  const read = (name: string): unknown =>
    Object.prototype.hasOwnProperty.call(annotations, name)
      ? annotations[name]
      : undefined;
  const collector = new ProblemCollector();

  const images = collector.take(
    validateImageList(read(ANNOTATION_ECI_IMAGES), ANNOTATION_ECI_IMAGES),
  );

  const rawMode = read(ANNOTATION_ECI_IMAGE_CACHE);
  let cacheMode: EntityCacheMode = 'auto';
  if (rawMode !== undefined) {
    if (
      typeof rawMode === 'string' &&
      (ENTITY_CACHE_MODES as readonly string[]).includes(rawMode)
    ) {
      cacheMode = rawMode as EntityCacheMode;
    } else {
      collector.add(
        problemOf(
          ANNOTATION_ECI_IMAGE_CACHE,
          rawMode,
          'one-of',
          'must be one of "manual", "auto", "off"',
        ),
      );
    }
  }

  const rawSize = read(ANNOTATION_ECI_IMAGE_CACHE_SIZE);
  const imageCacheSize =
    rawSize === undefined
      ? DEFAULT_IMAGE_CACHE_SIZE_GIB
      : collector.take(
          validateImageCacheSize(rawSize, ANNOTATION_ECI_IMAGE_CACHE_SIZE),
        );

  const rawRetention = read(ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS);
  const retentionDays =
    rawRetention === undefined
      ? defaults.retentionDays
      : collector.take(
          validateRetentionDays(
            rawRetention,
            ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
          ),
        );

  const rawSecrets = read(ANNOTATION_ECI_IMAGE_PULL_SECRETS);
  const listedSecrets =
    rawSecrets === undefined
      ? []
      : collector.take(
          validatePullSecretList(rawSecrets, ANNOTATION_ECI_IMAGE_PULL_SECRETS),
        );

  const rawAcr = read(ANNOTATION_ACR_INSTANCE_ID);
  const acrInstance =
    rawAcr === undefined
      ? undefined
      : collector.take(
          validateAcrInstanceRef(rawAcr, ANNOTATION_ACR_INSTANCE_ID),
        );

  const rawCluster = read(ANNOTATION_ECI_CLUSTER);
  let cluster = defaults.defaultCluster;
  if (rawCluster !== undefined) {
    if (
      typeof rawCluster === 'string' &&
      defaults.clusters.includes(rawCluster)
    ) {
      cluster = rawCluster;
    } else {
      collector.add(
        problemOf(
          ANNOTATION_ECI_CLUSTER,
          rawCluster,
          'unknown-cluster',
          'is not a configured cluster',
        ),
      );
    }
  }

  const rawNamespace = read(ANNOTATION_ARGO_NAMESPACE);
  let argoNamespace = defaults.argoNamespace;
  if (rawNamespace !== undefined) {
    const namespace = collector.take(
      validateNamespace(rawNamespace, ANNOTATION_ARGO_NAMESPACE),
    );
    if (namespace !== undefined) {
      if (
        defaults.allowedNamespaces &&
        !defaults.allowedNamespaces.includes(namespace)
      ) {
        collector.add(
          problemOf(
            ANNOTATION_ARGO_NAMESPACE,
            namespace,
            'namespace-not-allowed',
            'is not one of the namespaces allowed by configuration',
          ),
        );
      } else {
        argoNamespace = namespace;
      }
    }
  }

  // Checked once the cluster is known: its namespaces are the only ones a secret may be in.
  const imagePullSecrets =
    listedSecrets &&
    collector.take(
      validatePullSecretNamespaces(listedSecrets, {
        field: ANNOTATION_ECI_IMAGE_PULL_SECRETS,
        cluster,
        namespaces: pullSecretNamespaces({
          defaultNamespace: defaults.argoNamespace,
          allowedNamespaces: defaults.allowedNamespaces,
        }),
      }),
    );

  if (cacheMode !== 'manual') {
    for (const name of [
      ANNOTATION_ECI_IMAGE_CACHE_SIZE,
      ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
      ANNOTATION_ECI_IMAGE_PULL_SECRETS,
    ]) {
      if (read(name) !== undefined) {
        collector.warnings.push(
          problemOf(
            name,
            read(name),
            'no-effect',
            `only applies when ${ANNOTATION_ECI_IMAGE_CACHE} is "manual" (it is "${cacheMode}")`,
          ),
        );
      }
    }
  } else if (retentionDays === undefined) {
    collector.warnings.push(
      problemOf(
        ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
        undefined,
        'no-expiry',
        'is not set and has no configured default: the cache never expires and its snapshot is billed until it is deleted',
      ),
    );
  }

  return collector.finish(() => {
    const config: EciEntityConfig = {
      entityRef: stringifyEntityRef(entity),
      images: images!,
      cacheMode,
      imageCacheSize: imageCacheSize!,
      imagePullSecrets: imagePullSecrets!,
      cluster,
      argoNamespace,
    };
    if (retentionDays !== undefined) {
      config.retentionDays = retentionDays;
    }
    if (acrInstance !== undefined) {
      config.acrInstance = acrInstance;
    }
    return config;
  });
}
