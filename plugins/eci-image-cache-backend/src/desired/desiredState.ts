import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ECI_IMAGES,
  EntitySettings,
  ImageCache,
  imageCacheOptionsForEntity,
  tryBuildImageCache,
} from '@eci-portal/plugin-eci-image-cache-common';
import { PluginConfig } from '../config/pluginConfig';
import {
  resolveEntityConfig,
  ResolvedEntityConfig,
} from './resolveEntityConfig';

/**
 * What an entity wants on the clusters:
 * - `unknown`: its configuration has problems, so nothing is created or deleted for it;
 * - `none`: no managed cache (mode auto/off, annotation removed, entity gone);
 * - `cache`: exactly one active managed cache of this spec on this cluster.
 */
export type DesiredState =
  | { kind: 'unknown'; reason: string }
  | { kind: 'none'; reason: string }
  | { kind: 'cache'; cluster: string; cache: ImageCache };

/** The managed cache an entity's effective configuration asks for, built by common. */
export function desiredStateOf(
  resolved: ResolvedEntityConfig,
  config: PluginConfig,
  revision: number,
): DesiredState {
  const { result } = resolved;
  if (!result.ok) {
    return {
      kind: 'unknown',
      reason: `its configuration has problems: ${result.problems
        .map(problem => problem.message)
        .join('; ')}`,
    };
  }
  const entityConfig = result.value;
  if (entityConfig.cacheMode !== 'manual') {
    return {
      kind: 'none',
      reason: `cache mode is "${entityConfig.cacheMode}"`,
    };
  }
  const cluster = config.clusters.find(c => c.name === entityConfig.cluster)!;
  const built = tryBuildImageCache({
    ...imageCacheOptionsForEntity(entityConfig, {
      clusterRegion: cluster.region,
      acrInstances: config.acrInstances,
    }),
    revision,
  });
  if (!built.ok) {
    return {
      kind: 'unknown',
      reason: built.problems.map(problem => problem.message).join('; '),
    };
  }
  return { kind: 'cache', cluster: cluster.name, cache: built.value };
}

/**
 * The desired state of an entity, or of the owner of a managed cache that is no longer
 * a candidate (gone from the catalog, or without the images annotation).
 */
export function desiredStateOfEntity(
  entity: Entity | undefined,
  settings: EntitySettings | undefined,
  config: PluginConfig,
  revisionOf: (cluster: string) => number,
  missingReason = 'the entity is no longer in the catalog',
): DesiredState {
  if (!entity) {
    return { kind: 'none', reason: missingReason };
  }
  if (entity.metadata.annotations?.[ANNOTATION_ECI_IMAGES] === undefined) {
    return {
      kind: 'none',
      reason: `the ${ANNOTATION_ECI_IMAGES} annotation was removed`,
    };
  }
  const resolved = resolveEntityConfig(entity, settings, config);
  return desiredStateOf(resolved, config, revisionOf(resolved.cluster.name));
}
