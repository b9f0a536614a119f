import { createRouteRef } from '@backstage/frontend-plugin-api';

/** Route of the Image Cache entity tab. */
export const rootRouteRef = createRouteRef();

/** Route of the fleet page (every ImageCache on every cluster). */
export const fleetRouteRef = createRouteRef();
