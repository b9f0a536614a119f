import {
  acrAnnotationValue,
  AcrInstanceRef,
  EntityStateResponse,
} from '@eci-portal/plugin-eci-image-cache-common';

/**
 * The ACR pod annotation the target cluster would get with `instance` as the entity's ACR
 * instance: it first, then the instances serving the entity's images, region rule applied.
 * Used in dry runs, where nothing is saved and the backend cannot be asked.
 */
export function predictAcrAnnotation(
  state: EntityStateResponse,
  instance: AcrInstanceRef | undefined,
): string {
  const cluster = state.clusters.find(view => view.target);
  if (!cluster) {
    return '';
  }
  const byId = new Map<string, AcrInstanceRef>();
  if (instance) {
    byId.set(instance.id, instance);
  }
  for (const image of state.images) {
    if (image.acrInstanceId && !byId.has(image.acrInstanceId)) {
      byId.set(image.acrInstanceId, {
        id: image.acrInstanceId,
        region: image.acrInstanceRegion ?? undefined,
      });
    }
  }
  return Array.from(byId.values(), ref =>
    acrAnnotationValue(ref, cluster.region),
  ).join(',');
}
