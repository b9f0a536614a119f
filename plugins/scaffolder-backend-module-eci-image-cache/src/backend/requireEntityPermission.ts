import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { principalOf } from './principalOf';

/**
 * The tab's lock on an entity, for actions: the initiator's credentials through the permissions
 * service, refused with a message naming the user, the permission and the entity.
 */
export async function requireEntityPermission(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  entityRef: string;
  permission: ResourcePermission;
  doing: string;
}): Promise<void> {
  const { permissions, credentials, entityRef, permission } = options;
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: entityRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${principalOf(credentials)} may not ${options.doing} ${entityRef} (${
        permission.name
      }): only its owners and the ECI admins may`,
    );
  }
}
