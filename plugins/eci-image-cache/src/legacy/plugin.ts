import { Entity } from '@backstage/catalog-model';
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { hasEciAnnotations } from '@eci-portal/plugin-eci-image-cache-common';
import { eciImageCacheApiRef } from '../api/EciImageCacheApi';
import { EciImageCacheClient } from '../api/EciImageCacheClient';
import { entityContentRouteRef, fleetRouteRef } from './routes';

/**
 * The ECI image cache plugin for the legacy frontend system.
 *
 * @public
 */
export const eciImageCachePlugin = createPlugin({
  id: 'eci-image-cache',
  apis: [
    createApiFactory({
      api: eciImageCacheApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EciImageCacheClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { entityContent: entityContentRouteRef, fleet: fleetRouteRef },
});

/**
 * The Image Cache tab for `EntityLayout.Route`; entities without annotations get the opt-in guide.
 *
 * @public
 */
export const EntityEciImageCacheContent: () => JSX.Element =
  eciImageCachePlugin.provide(
    createRoutableExtension({
      name: 'EntityEciImageCacheContent',
      component: () =>
        import('../components/EciImageCacheContent').then(
          m => m.EciImageCacheContent,
        ),
      mountPoint: entityContentRouteRef,
    }),
  );

/**
 * The fleet page (every ImageCache on every cluster) for a `Route` of the app, e.g.
 * `<Route path="/eci-image-cache/fleet" element={<EciImageCacheFleetPage />} />`, with a
 * `SidebarItem` to it.
 *
 * @public
 */
export const EciImageCacheFleetPage: () => JSX.Element =
  eciImageCachePlugin.provide(
    createRoutableExtension({
      name: 'EciImageCacheFleetPage',
      component: () => import('./LegacyFleetPage').then(m => m.LegacyFleetPage),
      mountPoint: fleetRouteRef,
    }),
  );

/**
 * The card for the entity Overview: warm or cold, the cache id, its expiry and a link to the tab.
 * Show it with `isEciImageCacheAvailable`, e.g. in an `EntitySwitch.Case`.
 *
 * @public
 */
export const EntityEciImageCacheCard: () => JSX.Element | null =
  eciImageCachePlugin.provide(
    createComponentExtension({
      name: 'EntityEciImageCacheCard',
      component: {
        lazy: () =>
          import('../components/overview/LegacyEntityImageCacheCard').then(
            m => m.LegacyEntityImageCacheCard,
          ),
      },
    }),
  );

/**
 * Whether the entity carries any annotation of the contract, for `EntityLayout.Route`'s `if`.
 *
 * @public
 */
export function isEciImageCacheAvailable(entity: Entity): boolean {
  return hasEciAnnotations(entity);
}
