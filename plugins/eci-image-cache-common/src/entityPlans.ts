import { AcrInstanceConfig } from './acr';
import { EciEntityConfig } from './entityConfig';
import { ImageCacheOptions } from './imageCache';
import { AcrInstanceRef } from './validation/alibabaIds';
import { formatPullSecret } from './validation/pullSecrets';

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
