import { ConflictError } from '@backstage/errors';
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
  ConfigValueSource,
  EciEntityConfig,
  EffectiveEntityConfig,
  EntitySettings,
  formatAcrInstanceRef,
  formatPullSecret,
  hasEciAnnotations,
  readEntityConfig,
  ValidationProblem,
  ValidationResult,
} from '@eci-portal/plugin-eci-image-cache-common';
import { ClusterConfig, PluginConfig } from '../config/pluginConfig';

/** Settings fields and the annotation each one stands in for. */
const SETTING_ANNOTATIONS: Record<keyof EntitySettings, string> = {
  acrInstance: ANNOTATION_ACR_INSTANCE_ID,
  cacheMode: ANNOTATION_ECI_IMAGE_CACHE,
  imageCacheSize: ANNOTATION_ECI_IMAGE_CACHE_SIZE,
  retentionDays: ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
  imagePullSecrets: ANNOTATION_ECI_IMAGE_PULL_SECRETS,
};

export interface ResolvedEntityConfig {
  entityRef: string;
  hasAnnotations: boolean;
  /** Annotations merged with settings, validated by common's readEntityConfig. */
  result: ValidationResult<EciEntityConfig>;
  sources: Record<keyof EffectiveEntityConfig, ConfigValueSource>;
  /** The cluster whose defaults were used (the target cluster when valid). */
  cluster: ClusterConfig;
}

/**
 * The valid effective configuration, or a ConflictError that says what cannot
 * happen (`blocked`) and lists every problem.
 */
export function requireValidConfig(
  resolved: ResolvedEntityConfig,
  blocked: string,
): EciEntityConfig {
  if (!resolved.result.ok) {
    throw new ConflictError(
      `${blocked}: ${resolved.result.problems
        .map(problem => problem.message)
        .join('; ')}`,
    );
  }
  return resolved.result.value;
}

function settingAsAnnotation(
  key: keyof EntitySettings,
  value: EntitySettings[keyof EntitySettings],
): string {
  return key === 'imagePullSecrets'
    ? (value as string[]).join(',')
    : String(value);
}

/** A problem about a merged settings value names the setting, not the annotation. */
function renameSettingProblem(
  problem: ValidationProblem,
  fromSettings: Map<string, string>,
): ValidationProblem {
  const setting = fromSettings.get(problem.field);
  if (!setting) return problem;
  const field = `settings.${setting}`;
  return {
    ...problem,
    field,
    message: problem.message.split(`\`${problem.field}\``).join(`\`${field}\``),
  };
}

/**
 * An ACR instance named without a region (`cri-…`) gets the region configured for it in
 * `eciImageCache.acr.instances`, so the region rule can compare it with each cluster's.
 */
function withConfiguredAcrRegion(
  entityConfig: EciEntityConfig,
  config: PluginConfig,
): EciEntityConfig {
  const ref = entityConfig.acrInstance;
  if (!ref || ref.region !== undefined) return entityConfig;
  const configured = config.acrInstances.find(
    instance => instance.id === ref.id,
  );
  return configured
    ? {
        ...entityConfig,
        acrInstance: { id: ref.id, region: configured.region },
      }
    : entityConfig;
}

/**
 * The effective configuration of an entity: its annotations win, saved settings fill the
 * gaps, then defaults. Validation and defaults are entirely common's `readEntityConfig`.
 */
export function resolveEntityConfig(
  entity: Entity,
  settings: EntitySettings | undefined,
  config: PluginConfig,
): ResolvedEntityConfig {
  const annotations: Record<string, string> = {
    ...(entity.metadata.annotations ?? {}),
  };
  const has = (name: string) =>
    Object.prototype.hasOwnProperty.call(annotations, name);
  const fromSettings = new Map<string, string>();
  const sourceOf = (name: string): ConfigValueSource =>
    has(name) ? 'annotation' : 'default';

  const sources = {
    images: sourceOf(ANNOTATION_ECI_IMAGES),
    cacheMode: sourceOf(ANNOTATION_ECI_IMAGE_CACHE),
    imageCacheSize: sourceOf(ANNOTATION_ECI_IMAGE_CACHE_SIZE),
    retentionDays: sourceOf(ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS),
    imagePullSecrets: sourceOf(ANNOTATION_ECI_IMAGE_PULL_SECRETS),
    acrInstance: sourceOf(ANNOTATION_ACR_INSTANCE_ID),
    cluster: sourceOf(ANNOTATION_ECI_CLUSTER),
    argoNamespace: sourceOf(ANNOTATION_ARGO_NAMESPACE),
  };
  for (const key of Object.keys(SETTING_ANNOTATIONS) as Array<
    keyof EntitySettings
  >) {
    const annotation = SETTING_ANNOTATIONS[key];
    const value = settings?.[key];
    if (value === undefined || has(annotation)) continue;
    annotations[annotation] = settingAsAnnotation(key, value);
    fromSettings.set(annotation, key);
    sources[key] = 'settings';
  }

  const requested = annotations[ANNOTATION_ECI_CLUSTER];
  const cluster =
    config.clusters.find(candidate => candidate.name === requested) ??
    config.defaultCluster;
  const merged: Entity = {
    ...entity,
    metadata: { ...entity.metadata, annotations },
  };
  const result = readEntityConfig(merged, {
    clusters: config.clusters.map(candidate => candidate.name),
    defaultCluster: config.defaultCluster.name,
    argoNamespace: cluster.defaultNamespace,
    retentionDays: config.lifecycle.retentionDays,
    allowedNamespaces: cluster.allowedNamespaces,
  });
  const rename = (problems: ValidationProblem[]) =>
    problems.map(problem => renameSettingProblem(problem, fromSettings));
  const renamed: ValidationResult<EciEntityConfig> = result.ok
    ? {
        ...result,
        value: withConfiguredAcrRegion(result.value, config),
        warnings: rename(result.warnings),
      }
    : {
        ...result,
        problems: rename(result.problems),
        warnings: rename(result.warnings),
      };

  return {
    entityRef: stringifyEntityRef(entity),
    hasAnnotations: hasEciAnnotations(entity),
    result: renamed,
    sources,
    cluster,
  };
}

/** The API view of a valid configuration, with each value's source. */
export function effectiveConfigView(
  resolved: ResolvedEntityConfig,
): EffectiveEntityConfig | null {
  if (!resolved.result.ok) return null;
  const config = resolved.result.value;
  const { sources } = resolved;
  return {
    images: {
      value: config.images.map(image => image.original),
      source: sources.images,
    },
    cacheMode: { value: config.cacheMode, source: sources.cacheMode },
    imageCacheSize: {
      value: config.imageCacheSize,
      source: sources.imageCacheSize,
    },
    retentionDays: {
      value: config.retentionDays ?? null,
      source: sources.retentionDays,
    },
    imagePullSecrets: {
      value: config.imagePullSecrets.map(formatPullSecret),
      source: sources.imagePullSecrets,
    },
    acrInstance: {
      value: config.acrInstance
        ? formatAcrInstanceRef(config.acrInstance)
        : null,
      source: sources.acrInstance,
    },
    cluster: { value: config.cluster, source: sources.cluster },
    argoNamespace: {
      value: config.argoNamespace,
      source: sources.argoNamespace,
    },
  };
}
