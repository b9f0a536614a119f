import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eciImageCacheServiceRef } from '@eci-portal/plugin-eci-image-cache-node';
import path from 'node:path';
import { createConfigureAcrAction } from './actions/configureAcr/createConfigureAcrAction';
import { createEnsureImageCacheAction } from './actions/ensureImageCache/createEnsureImageCacheAction';
import { createGenerateWorkflowsAction } from './actions/generateWorkflows/createGenerateWorkflowsAction';
import { createReadEntityAction } from './actions/readEntity/createReadEntityAction';
import { createPublishLocalAction } from './actions/publishLocal/createPublishLocalAction';
import { configLocations } from './actions/registerLocal/configLocations';
import { createRegisterLocalAction } from './actions/registerLocal/createRegisterLocalAction';

/** Default of `eciImageCache.scaffolder.publishRoot`, relative to the backend's working directory. */
export const DEFAULT_PUBLISH_ROOT = '../../.data/scaffolder';

/**
 * Scaffolder module with the ECI image cache actions: `eci:workflow:generate`,
 * `eci:imagecache:ensure`, `eci:acr:configure`, `eci:publish:local`, `eci:catalog:read` and
 * `eci:catalog:register-local`.
 *
 * @public
 */
export const scaffolderModuleEciImageCache = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'eci-image-cache',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        eciImageCache: eciImageCacheServiceRef,
        config: coreServices.rootConfig,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
      },
      async init({
        scaffolderActions,
        eciImageCache,
        config,
        auditor,
        permissions,
        catalog,
      }) {
        const publishRoot = path.resolve(
          config.getOptionalString('eciImageCache.scaffolder.publishRoot') ??
            DEFAULT_PUBLISH_ROOT,
        );
        scaffolderActions.addActions(
          createGenerateWorkflowsAction({ eciImageCache }),
          createEnsureImageCacheAction({ eciImageCache, auditor }),
          createConfigureAcrAction({ eciImageCache, auditor }),
          createPublishLocalAction({
            publishRoot,
            eciImageCache,
            permissions,
            auditor,
          }),
          createReadEntityAction({ catalog }),
          createRegisterLocalAction({
            publishRoot,
            catalog,
            configLocations: configLocations(config),
          }),
        );
      },
    });
  },
});
