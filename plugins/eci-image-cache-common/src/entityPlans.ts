import { AcrInstanceConfig } from './acr';
import { EciEntityConfig } from './entityConfig';
import { ImageCacheOptions } from './imageCache';
import { AcrInstanceRef } from './validation/alibabaIds';
import { toDnsLabel } from './validation/kubernetes';
import { formatPullSecret } from './validation/pullSecrets';
import { WorkflowCacheMode, WorkflowOptions } from './workflow';

/**
 * Formats an ACR instance ref as written in the catalog annotation, `[RegionID:]cri-…`.
 *
 * @public
 */
export function formatAcrInstanceRef(instance: AcrInstanceRef): string {
  return instance.region === undefined
    ? instance.id
    : `${instance.region}:${instance.id}`;
}

/**
 * What the cluster side knows when an entity's objects are built.
 *
 * @public
 */
export interface EntityBuildContext {
  /** Region of the entity's target cluster. */
  clusterRegion?: string;
  /** Configured ACR instances. */
  acrInstances?: readonly AcrInstanceConfig[];
}

/**
 * The {@link buildImageCache} options for an entity's managed cache.
 *
 * @public
 */
export function imageCacheOptionsForEntity(
  config: EciEntityConfig,
  context: EntityBuildContext = {},
): ImageCacheOptions {
  const options: ImageCacheOptions = {
    entityRef: config.entityRef,
    images: config.images.map(image => image.original),
    imagePullSecrets: config.imagePullSecrets.map(formatPullSecret),
    imageCacheSize: config.imageCacheSize,
  };
  if (config.retentionDays !== undefined) {
    options.retentionDays = config.retentionDays;
  }
  if (config.acrInstance) {
    options.acrInstanceIds = [formatAcrInstanceRef(config.acrInstance)];
  }
  if (context.acrInstances) {
    options.acrInstances = context.acrInstances;
  }
  if (context.clusterRegion !== undefined) {
    options.clusterRegion = context.clusterRegion;
  }
  return options;
}

/**
 * The {@link generateWorkflow} options for an entity: `manual` pins `imageCacheId` when one is given (a Ready cache) and falls back to `auto`; `auto` and `off` map directly.
 *
 * @public
 */
export function workflowOptionsForEntity(
  config: EciEntityConfig,
  context: EntityBuildContext & {
    imageCacheId?: string;
    overrides?: Partial<Omit<WorkflowOptions, 'cacheMode' | 'imageCacheId'>>;
  } = {},
): WorkflowOptions {
  let cacheMode: WorkflowCacheMode =
    config.cacheMode === 'off' ? 'off' : 'auto';
  if (config.cacheMode === 'manual' && context.imageCacheId !== undefined) {
    cacheMode = 'pinned';
  }
  const entityName = config.entityRef.slice(config.entityRef.indexOf('/') + 1);
  const options: WorkflowOptions = {
    serviceName: toDnsLabel(entityName, 52, 'service'),
    namespace: config.argoNamespace,
    entityRef: config.entityRef,
    cacheMode,
    containers: config.images.map(image => ({ image: image.original })),
  };
  if (cacheMode === 'pinned') {
    options.imageCacheId = context.imageCacheId;
  }
  if (config.acrInstance) {
    options.acrInstanceIds = [formatAcrInstanceRef(config.acrInstance)];
  }
  if (context.acrInstances) {
    options.acrInstances = context.acrInstances;
  }
  if (context.clusterRegion !== undefined) {
    options.clusterRegion = context.clusterRegion;
  }
  return { ...options, ...context.overrides };
}
