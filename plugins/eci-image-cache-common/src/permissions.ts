import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * View the image caches, status and generated YAML of an entity.
 *
 * @public
 */
export const eciImageCacheReadPermission = createPermission({
  name: 'eci.imagecache.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Create or refresh (recreate) the managed image cache of an entity.
 *
 * @public
 */
export const eciImageCacheCreatePermission = createPermission({
  name: 'eci.imagecache.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Delete the managed image cache of an entity.
 *
 * @public
 */
export const eciImageCacheDeletePermission = createPermission({
  name: 'eci.imagecache.delete',
  attributes: { action: 'delete' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Change the ACR password-free pull configuration of an entity.
 *
 * @public
 */
export const eciAcrUpdatePermission = createPermission({
  name: 'eci.acr.update',
  attributes: { action: 'update' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Every permission of the plugin, for `permissionsRegistry.addPermissions`.
 *
 * @public
 */
export const eciImageCachePermissions = [
  eciImageCacheReadPermission,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  eciAcrUpdatePermission,
];
