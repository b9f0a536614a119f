import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  eciAcrUpdatePermission,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  eciImageCacheReadPermission,
} from '@eci-portal/plugin-eci-image-cache-common';
import { CatalogEntities } from '../catalog/CatalogEntities';

/** Who made a change, for history and settings. */
export function actorOf(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? principal.type;
}

export interface EntityDecisions {
  read: boolean;
  create: boolean;
  delete: boolean;
  updateAcr: boolean;
}

const WHAT: Record<string, string> = {
  [eciImageCacheReadPermission.name]: 'view the image caches of',
  [eciImageCacheCreatePermission.name]: 'create or refresh the image caches of',
  [eciImageCacheDeletePermission.name]: 'delete the image caches of',
  [eciAcrUpdatePermission.name]: 'change the ACR configuration of',
};

/** Entity lookup (404) and permission checks against the entity (403), as the caller. */
export class EntityAccess {
  constructor(
    private readonly entities: CatalogEntities,
    private readonly permissions: PermissionsService,
  ) {}

  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.entities.getForCaller(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(
        `Entity ${entityRef} was not found in the catalog`,
      );
    }
    return entity;
  }

  async require(
    entityRef: string,
    credentials: BackstageCredentials,
    permissions: ResourcePermission[],
  ): Promise<void> {
    const decisions = await this.permissions.authorize(
      permissions.map(permission => ({ permission, resourceRef: entityRef })),
      { credentials },
    );
    const denied = permissions.filter(
      (_, index) => decisions[index].result !== AuthorizeResult.ALLOW,
    );
    if (denied.length > 0) {
      throw new NotAllowedError(
        `${actorOf(credentials)} may not ${denied
          .map(permission => WHAT[permission.name] ?? permission.name)
          .join(' or ')} ${entityRef} (permission ${denied
          .map(permission => permission.name)
          .join(', ')} denied; owners of the entity and admins may)`,
      );
    }
  }

  async decisions(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<EntityDecisions> {
    const permissions = [
      eciImageCacheReadPermission,
      eciImageCacheCreatePermission,
      eciImageCacheDeletePermission,
      eciAcrUpdatePermission,
    ];
    const decisions = await this.permissions.authorize(
      permissions.map(permission => ({ permission, resourceRef: entityRef })),
      { credentials },
    );
    const allowed = (index: number) =>
      decisions[index].result === AuthorizeResult.ALLOW;
    return {
      read: allowed(0),
      create: allowed(1),
      delete: allowed(2),
      updateAcr: allowed(3),
    };
  }
}
