import { Entity } from '@backstage/catalog-model';
import { hasEciAnnotations } from '@eci-portal/plugin-eci-image-cache-common';

/**
 * Whether the entity page of the new frontend system shows the Image Cache tab: for every
 * Component (a service without annotations gets the opt-in guide there) and for any other
 * entity that carries an annotation of the contract.
 *
 * @public
 */
export function isEciImageCacheTabVisible(entity: Entity): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' ||
    hasEciAnnotations(entity)
  );
}
