import {
  BackstageCredentials,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { EciImageCachePolicy } from './EciImageCachePolicy';

/**
 * Installs {@link EciImageCachePolicy}. Admin groups come from
 * `eciImageCache.permissions.adminGroups` (entity refs such as
 * `group:default/eci-admins`).
 */
export const permissionModuleEciImageCachePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'eci-image-cache-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        const adminGroups = (
          config.getOptionalStringArray(
            'eciImageCache.permissions.adminGroups',
          ) ?? []
        ).map(ref => ref.toLocaleLowerCase('en-US'));
        policy.setPolicy(
          new EciImageCachePolicy({
            adminGroups,
            getUserInfo: user =>
              userInfo.getUserInfo(user.credentials as BackstageCredentials),
          }),
        );
      },
    });
  },
});
