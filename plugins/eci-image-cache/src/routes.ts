import { createRouteRef } from '@backstage/frontend-plugin-api';

/** Route of the Image Cache entity tab. */
export const rootRouteRef = createRouteRef();
