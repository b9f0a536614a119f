import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { EciImageCacheClient } from './EciImageCacheClient';
import { EciImageCacheService } from './EciImageCacheService';

/**
 * The ECI image cache service for backend plugins and modules. Its default implementation
 * talks HTTP to the one running `eci-image-cache` backend plugin on behalf of the caller.
 *
 * @public
 */
export const eciImageCacheServiceRef = createServiceRef<EciImageCacheService>({
  id: 'eci-image-cache.client',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) => new EciImageCacheClient({ discovery, auth }),
    }),
});
