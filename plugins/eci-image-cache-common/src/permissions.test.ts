import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  eciAcrUpdatePermission,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  eciImageCachePermissions,
  eciImageCacheReadPermission,
} from './permissions';

describe('permissions', () => {
  it.each([
    [eciImageCacheReadPermission, 'eci.imagecache.read', 'read'],
    [eciImageCacheCreatePermission, 'eci.imagecache.create', 'create'],
    [eciImageCacheDeletePermission, 'eci.imagecache.delete', 'delete'],
    [eciAcrUpdatePermission, 'eci.acr.update', 'update'],
  ])(
    '%#: %s is a catalog-entity resource permission with action %s',
    (permission, name, action) => {
      expect(permission).toEqual({
        type: 'resource',
        name,
        attributes: { action },
        resourceType: 'catalog-entity',
      });
      expect(isResourcePermission(permission, 'catalog-entity')).toBe(true);
    },
  );

  it('lists every permission once', () => {
    expect(eciImageCachePermissions.map(p => p.name)).toEqual([
      'eci.imagecache.read',
      'eci.imagecache.create',
      'eci.imagecache.delete',
      'eci.acr.update',
    ]);
  });
});
