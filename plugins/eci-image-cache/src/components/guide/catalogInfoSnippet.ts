import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ACR_INSTANCE_ID,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
  ANNOTATION_ECI_IMAGES,
} from '@eci-portal/plugin-eci-image-cache-common';

/**
 * A `catalog-info.yaml` excerpt for this entity with the annotations most services need; the
 * values are examples the owner replaces (pinned tags, their own ACR instance).
 */
export function catalogInfoSnippet(entity: Entity): string {
  return [
    `apiVersion: ${entity.apiVersion}`,
    `kind: ${entity.kind}`,
    'metadata:',
    `  name: ${entity.metadata.name}`,
    '  annotations:',
    '    # manual: the portal keeps an ImageCache and workflows pin its id',
    `    ${ANNOTATION_ECI_IMAGE_CACHE}: manual`,
    '    # comma-separated, pinned tags (caches match exact name:tag)',
    `    ${ANNOTATION_ECI_IMAGES}: registry.example.com/team/${entity.metadata.name}:1.0.0`,
    `    ${ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS}: '7'`,
    '    # optional: ACR Enterprise Edition instance for password-free pulls',
    `    ${ANNOTATION_ACR_INSTANCE_ID}: cri-xxxxxxxxxxxxxxxx`,
    '',
  ].join('\n');
}
