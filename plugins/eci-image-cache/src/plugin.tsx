import {
  ApiBlueprint,
  createFrontendPlugin,
  PageBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { hasEciAnnotations } from '@eci-portal/plugin-eci-image-cache-common';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { eciImageCacheApiRef } from './api/EciImageCacheApi';
import { EciImageCacheClient } from './api/EciImageCacheClient';
import { isEciImageCacheTabVisible } from './filter';
import { RiStackLine } from '@remixicon/react';
import { fleetRouteRef, rootRouteRef } from './routes';

/** The client of the backend plugin, as a utility API. */
export const eciImageCacheApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: eciImageCacheApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EciImageCacheClient({ discoveryApi, fetchApi }),
    }),
});

/** The Image Cache tab of entity pages. */
export const eciImageCacheEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'image-cache',
    title: 'Image Cache',
    routeRef: rootRouteRef,
    filter: isEciImageCacheTabVisible,
    loader: () =>
      import('./components/EciImageCacheContent').then(m => (
        <m.EciImageCacheContent />
      )),
  },
});

/**
 * The fleet page at `/eci-image-cache/fleet`. Its title and icon make it a nav item: the app's
 * nav lists the pages that have both.
 */
export const eciImageCacheFleetPage = PageBlueprint.make({
  name: 'fleet',
  params: {
    path: '/eci-image-cache/fleet',
    title: 'Image Cache Fleet',
    icon: <RiStackLine />,
    routeRef: fleetRouteRef,
    loader: () =>
      import('./components/fleet/FleetContent').then(m => (
        <ReactRouterV6PageRouter>
          <m.FleetContent />
        </ReactRouterV6PageRouter>
      )),
  },
});

/** The Overview card of annotated entities: warm or cold, the cache id, its expiry, a link to the tab. */
export const eciImageCacheEntityCard = EntityCardBlueprint.make({
  params: {
    filter: hasEciAnnotations,
    loader: () =>
      import('./components/overview/EntityImageCacheCard').then(m => (
        <m.EntityImageCacheCard />
      )),
  },
});

/** Scaffolder form field `EciImageCachePicker`: a Ready image cache of an entity. */
export const eciImageCachePickerFormField = FormFieldBlueprint.make({
  name: 'eci-image-cache-picker',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(
        m => m.eciImageCachePickerFormField,
      ),
  },
});

/** Scaffolder form field `AcrInstancePicker`: a configured ACR Enterprise Edition instance. */
export const acrInstancePickerFormField = FormFieldBlueprint.make({
  name: 'acr-instance-picker',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.acrInstancePickerFormField),
  },
});

/** Scaffolder form field `EciClusterPicker`: a cluster configured in the backend. */
export const eciClusterPickerFormField = FormFieldBlueprint.make({
  name: 'eci-cluster-picker',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.eciClusterPickerFormField),
  },
});

/** Scaffolder form field `EciImages`: images, one per line, checked with the common rules. */
export const eciImagesFormField = FormFieldBlueprint.make({
  name: 'eci-images',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.eciImagesFormField),
  },
});

/** Scaffolder form field `EciValidatedText`: a name, cache size, retention or cron schedule. */
export const eciValidatedTextFormField = FormFieldBlueprint.make({
  name: 'eci-validated-text',
  params: {
    field: () =>
      import('./scaffolder/formFields').then(m => m.eciValidatedTextFormField),
  },
});

/**
 * The ECI image cache plugin for the new frontend system: the Image Cache entity tab, the
 * Overview card, the fleet page with its nav item, the API client, and the scaffolder form fields
 * `EciImageCachePicker`, `AcrInstancePicker`, `EciClusterPicker`, `EciImages` and `EciValidatedText`.
 *
 * @public
 */
export const eciImageCachePlugin = createFrontendPlugin({
  pluginId: 'eci-image-cache',
  title: 'Image Cache',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, fleet: fleetRouteRef },
  extensions: [
    eciImageCacheApi,
    eciImageCacheEntityContent,
    eciImageCacheFleetPage,
    eciImageCacheEntityCard,
    eciImageCachePickerFormField,
    acrInstancePickerFormField,
    eciClusterPickerFormField,
    eciImagesFormField,
    eciValidatedTextFormField,
  ],
});
