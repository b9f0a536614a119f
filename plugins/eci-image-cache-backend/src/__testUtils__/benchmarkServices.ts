// Services of the backend benchmark (test/bench/backend.bench.ts) that need this package's
// dependencies: Backstage's real scheduler, so that the global reconcile task runs on its own
// cadence, and a permission service that allows everything.
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

export { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';

export const allowAllPermissions = () =>
  mockServices.permissions.factory({ result: AuthorizeResult.ALLOW });
