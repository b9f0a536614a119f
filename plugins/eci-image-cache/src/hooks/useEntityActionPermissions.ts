import { usePermission } from '@backstage/plugin-permission-react';
import {
  eciAcrUpdatePermission,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
} from '@eci-portal/plugin-eci-image-cache-common';

/** Whether the user may do something; `loading` until the permission backend answered. */
export interface ActionPermission {
  loading: boolean;
  allowed: boolean;
}

/** What the signed-in user may change on this entity. */
export interface EntityActionPermissions {
  /** Create or refresh (recreate) a cache. */
  create: ActionPermission;
  /** Delete a cache. */
  delete: ActionPermission;
  /** Change the ACR password-free settings. */
  updateAcr: ActionPermission;
}

/** Asks the permission backend about the plugin's entity permissions, with the entity ref as resource. */
export function useEntityActionPermissions(
  entityRef: string,
): EntityActionPermissions {
  const create = usePermission({
    permission: eciImageCacheCreatePermission,
    resourceRef: entityRef,
  });
  const remove = usePermission({
    permission: eciImageCacheDeletePermission,
    resourceRef: entityRef,
  });
  const updateAcr = usePermission({
    permission: eciAcrUpdatePermission,
    resourceRef: entityRef,
  });
  return {
    create: { loading: create.loading, allowed: create.allowed },
    delete: { loading: remove.loading, allowed: remove.allowed },
    updateAcr: { loading: updateAcr.loading, allowed: updateAcr.allowed },
  };
}
