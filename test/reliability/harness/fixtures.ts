import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGES,
} from '@eci-portal/plugin-eci-image-cache-common';

export const PLATFORM_TEAM = 'group:default/platform-team';

/** A component with annotations, owned by the platform team unless said otherwise. */
export function component(
  name: string,
  annotations: Record<string, string>,
  options: { namespace?: string; owner?: string } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: options.namespace ?? 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? PLATFORM_TEAM,
    },
  };
}

/**
 * The catalog of the security suites: the owner's manual service, a service of another team in
 * another namespace, and entities of other kinds.
 */
export function securityCatalog(): Entity[] {
  return [
    component('hostile-target', {
      [ANNOTATION_ECI_IMAGES]: 'nginx:1.25.3',
      [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
    }),
    component(
      'foreign',
      {
        [ANNOTATION_ECI_IMAGES]: 'busybox:1.36',
        [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
      },
      { namespace: 'other-ns', owner: 'group:other-ns/team-b' },
    ),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'platform-team', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'guest', namespace: 'default' },
      spec: { memberOf: ['platform-team'] },
    },
  ];
}

/** The ownership rule of the portal's policy, applied to the security catalog. */
export function ownedByPlatformTeam(entities: Entity[]) {
  return (entityRef: string) =>
    entities.some(
      entity =>
        `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
          entity.metadata.name
        }`.toLowerCase() === entityRef &&
        (entity.spec as { owner?: string } | undefined)?.owner ===
          PLATFORM_TEAM,
    );
}
