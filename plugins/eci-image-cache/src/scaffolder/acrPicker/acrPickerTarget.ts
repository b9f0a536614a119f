import { CompoundEntityRef } from '@backstage/catalog-model';
import { formEntityRef, formValue } from '../common/formValues';
import { AcrInstancePickerUiOptions } from './schema';

/** Where the picker takes the cluster region from, in order of precedence. */
export type AcrRegionSource =
  | { from: 'option'; region: string }
  | { from: 'cluster'; cluster: string }
  | { from: 'entity'; entity: CompoundEntityRef; entityRef: string }
  | { from: 'default' };

/**
 * `clusterRegion`, else the cluster named in `clusterField`, else the cluster of the entity in
 * `entityRefField`, else the default cluster.
 */
export function acrRegionSource(
  options: AcrInstancePickerUiOptions | undefined,
  formData: unknown,
): AcrRegionSource {
  const region = options?.clusterRegion?.trim();
  if (region) {
    return { from: 'option', region };
  }
  const cluster = formValue(formData, options?.clusterField);
  if (cluster) {
    return { from: 'cluster', cluster };
  }
  if (options?.entityRefField) {
    const entity = formEntityRef(formData, options.entityRefField);
    if (entity.status === 'ok') {
      return { from: 'entity', entity: entity.ref, entityRef: entity.text };
    }
  }
  return { from: 'default' };
}

/** A key that changes exactly when the source does. */
export function sourceKey(source: AcrRegionSource): string {
  switch (source.from) {
    case 'option':
      return `option:${source.region}`;
    case 'cluster':
      return `cluster:${source.cluster}`;
    case 'entity':
      return `entity:${source.entityRef}`;
    default:
      return 'default';
  }
}
