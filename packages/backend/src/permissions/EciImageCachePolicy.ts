import { BackstageUserInfo } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isResourcePermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { eciImageCachePermissions } from '@eci-portal/plugin-eci-image-cache-common';

const eciMutationNames = new Set(
  eciImageCachePermissions
    .filter(permission => permission.attributes.action !== 'read')
    .map(permission => permission.name),
);

/** The part of the permission framework's user object this policy needs. */
export type PolicyQueryUserLike = { credentials: unknown };

/**
 * True for permissions that change an entity's image caches or ACR settings:
 * the plugin's catalog-entity permissions whose action is not `read`.
 */
export function isEciMutation(permission: Permission): boolean {
  return eciMutationNames.has(permission.name);
}

/**
 * The portal's permission policy.
 *
 * - Everyone (signed in) may read everything.
 * - Mutations of an entity's image caches and ACR settings are allowed to
 *   members of the entity's owner group (catalog `isEntityOwner`, evaluated by
 *   the catalog against the user's ownership refs) and to the admin groups.
 * - Those mutations are denied to everyone else, including callers without a
 *   user identity.
 * - Everything else is allowed, as in a development portal.
 */
export class EciImageCachePolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      adminGroups: string[];
      getUserInfo: (user: PolicyQueryUserLike) => Promise<BackstageUserInfo>;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUserLike,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!isEciMutation(permission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    const { ownershipEntityRefs } = await this.options.getUserInfo(user);
    const ownership = ownershipEntityRefs.map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (this.options.adminGroups.some(group => ownership.includes(group))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (!isResourcePermission(permission, RESOURCE_TYPE_CATALOG_ENTITY)) {
      return { result: AuthorizeResult.DENY };
    }
    return createCatalogConditionalDecision(
      permission,
      catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
    );
  }
}
