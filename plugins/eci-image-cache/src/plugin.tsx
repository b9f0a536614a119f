import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { hasEciAnnotations } from '@eci-portal/plugin-eci-image-cache-common';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { eciImageCacheApiRef } from './api/EciImageCacheApi';
import { EciImageCacheClient } from './api/EciImageCacheClient';
import { isEciImageCacheTabVisible } from './filter';
import { rootRouteRef } from './routes';

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

/**
 * The ECI image cache plugin for the new frontend system: the Image Cache entity tab, the
 * Overview card, its API client, and the scaffolder form fields `EciImageCachePicker` and `AcrInstancePicker`.
 *
 * @public
 */
export const eciImageCachePlugin = createFrontendPlugin({
  pluginId: 'eci-image-cache',
  title: 'Image Cache',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    eciImageCacheApi,
    eciImageCacheEntityContent,
    eciImageCacheEntityCard,
    eciImageCachePickerFormField,
    acrInstancePickerFormField,
  ],
});
