import { useEntity } from '@backstage/plugin-catalog-react';
import { hasEciAnnotations } from '@eci-portal/plugin-eci-image-cache-common';
import { EntityImageCacheView } from './EntityImageCacheView';
import { AnnotationGuide } from './guide/AnnotationGuide';

/**
 * The Image Cache tab of the current entity: the opt-in guide without annotations, the caches
 * and their configuration with them.
 */
export function EciImageCacheContent() {
  const { entity } = useEntity();
  if (!hasEciAnnotations(entity)) {
    return <AnnotationGuide entity={entity} />;
  }
  return <EntityImageCacheView entity={entity} />;
}
