import { createRouteRef } from '@backstage/core-plugin-api';

/** Route of the Image Cache tab in the legacy frontend system. */
export const entityContentRouteRef = createRouteRef({ id: 'eci-image-cache' });
