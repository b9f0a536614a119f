import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the Image Cache tab in the legacy frontend system. */
export const entityContentRouteRef = createRouteRef({ id: 'eci-image-cache' });

/** Route of the fleet page in the legacy frontend system. */
export const fleetRouteRef = createRouteRef({ id: 'eci-image-cache-fleet' });
