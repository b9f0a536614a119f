import { createBackend } from '@backstage/backend-defaults';
import { permissionModuleEciImageCachePolicy } from './permissions/policyModule';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: the guest provider signs local users in as user:default/guest
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the demo catalog from ./examples
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// scaffolder
backend.add(import('@backstage/plugin-scaffolder-backend'));

// permissions: owners and admins may change an entity's image caches
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(permissionModuleEciImageCachePolicy);

// notifications (the bell and /notifications page) and signals, which push them to the browser
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// ECI image caches and ACR password-free pulls per catalog entity
backend.add(import('@eci-portal/plugin-eci-image-cache-backend'));
// scaffolder actions and the "Argo workflow with ECI image cache" template
backend.add(
  import('@eci-portal/plugin-scaffolder-backend-module-eci-image-cache'),
);

backend.start();
