import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { eciImageCacheApiRef } from './api/EciImageCacheApi';
import { EciImageCacheClient } from './api/EciImageCacheClient';
import plugin, { isEciImageCacheTabVisible } from './index';
import {
  acrInstancePickerFormField,
  eciImageCacheApi,
  eciImageCacheEntityContent,
  eciImageCachePickerFormField,
  eciClusterPickerFormField,
  eciImagesFormField,
  eciValidatedTextFormField,
} from './plugin';
import { AcrInstancePicker } from './scaffolder/acrPicker/AcrInstancePicker';
import { validateAcrPick } from './scaffolder/acrPicker/validateAcrPick';
import { EciImageCachePicker } from './scaffolder/cachePicker/EciImageCachePicker';
import { validateCachePick } from './scaffolder/cachePicker/validateCachePick';
import { validateClusterPick } from './scaffolder/clusterPicker/validateClusterPick';
import { validateImages } from './scaffolder/imagesField/validateImages';
import { validateText } from './scaffolder/validatedText/validateText';
import { docsSite, entityState, mlTrainer } from './__testUtils__/fixtures';
import { clientApis, ENTITY_API } from './__testUtils__/renderTab';
import { setupTestServer, workflowHandler } from './__testUtils__/server';

const server = setupTestServer();

const team: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-team' },
  spec: { type: 'team', children: [] },
};

const annotatedResource: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'gpu-pool',
    annotations: { 'alibabacloud.com/eci-cluster': 'ack-hangzhou' },
  },
  spec: { type: 'cluster', owner: 'platform-team' },
};

describe('eciImageCachePlugin (new frontend system)', () => {
  it('is the default export, with its plugin id and extension ids', () => {
    expect(plugin.pluginId).toBe('eci-image-cache');
    expect(plugin.getExtension('api:eci-image-cache')).toBeDefined();
    expect(plugin.getExtension('entity-content:eci-image-cache')).toBeDefined();
    expect(plugin.getExtension('page:eci-image-cache/fleet')).toBeDefined();
    expect(plugin.getExtension('entity-card:eci-image-cache')).toBeDefined();
    expect(
      plugin.getExtension(
        'scaffolder-form-field:eci-image-cache/eci-image-cache-picker',
      ),
    ).toBeDefined();
    expect(
      plugin.getExtension(
        'scaffolder-form-field:eci-image-cache/acr-instance-picker',
      ),
    ).toBeDefined();
  });

  it('loads the scaffolder form fields lazily, with their ui:field names and validation', async () => {
    const { formFieldLoader } = FormFieldBlueprint.dataRefs;
    await expect(
      createExtensionTester(eciImageCachePickerFormField).get(
        formFieldLoader,
      )(),
    ).resolves.toMatchObject({
      $$type: '@backstage/scaffolder/FormField',
      name: 'EciImageCachePicker',
      component: EciImageCachePicker,
      validation: validateCachePick,
    });
    await expect(
      createExtensionTester(acrInstancePickerFormField).get(formFieldLoader)(),
    ).resolves.toMatchObject({
      $$type: '@backstage/scaffolder/FormField',
      name: 'AcrInstancePicker',
      component: AcrInstancePicker,
      validation: validateAcrPick,
    });
    await expect(
      createExtensionTester(eciClusterPickerFormField).get(formFieldLoader)(),
    ).resolves.toMatchObject({
      name: 'EciClusterPicker',
      validation: validateClusterPick,
    });
    await expect(
      createExtensionTester(eciImagesFormField).get(formFieldLoader)(),
    ).resolves.toMatchObject({ name: 'EciImages', validation: validateImages });
    await expect(
      createExtensionTester(eciValidatedTextFormField).get(formFieldLoader)(),
    ).resolves.toMatchObject({
      name: 'EciValidatedText',
      validation: validateText,
    });
  });

  it('provides the client through an API extension', () => {
    const factory = createExtensionTester(eciImageCacheApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(factory.api.id).toBe(eciImageCacheApiRef.id);
    expect(
      factory.factory({
        discoveryApi: mockApis.discovery(),
        fetchApi: mockApis.fetch(),
      }),
    ).toBeInstanceOf(EciImageCacheClient);
  });

  it('adds an Image Cache tab shown for Components and annotated entities', () => {
    const tester = createExtensionTester(eciImageCacheEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('image-cache');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Image Cache',
    );
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect([mlTrainer, docsSite, annotatedResource, team].map(filter)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(
      [mlTrainer, docsSite, annotatedResource, team].map(
        isEciImageCacheTabVisible,
      ),
    ).toEqual([true, true, true, false]);
  });

  it('renders the tab content for the entity in context', async () => {
    server.use(
      http.get(ENTITY_API, () => HttpResponse.json(entityState())),
      workflowHandler,
    );
    const tester = createExtensionTester(eciImageCacheEntityContent);
    await renderInTestApp(
      <EntityProvider entity={mlTrainer}>
        {tester.reactElement()}
      </EntityProvider>,
      { apis: [...clientApis(), mockApis.permission()] },
    );
    expect(await screen.findByTestId('warmth-verdict')).toHaveTextContent(
      'Pods start warm',
    );
  });
});
