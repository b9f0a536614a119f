import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { eciImageCacheReadPermission } from '@eci-portal/plugin-eci-image-cache-common';

/** The entity refs whose image caches the caller may read, in one batched authorization. */
export async function readableEntityRefs(
  permissions: PermissionsService,
  refs: string[],
  credentials: BackstageCredentials,
): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const decisions = await permissions.authorize(
    refs.map(resourceRef => ({
      permission: eciImageCacheReadPermission,
      resourceRef,
    })),
    { credentials },
  );
  return new Set(
    refs.filter(
      (_, index) => decisions[index].result === AuthorizeResult.ALLOW,
    ),
  );
}
