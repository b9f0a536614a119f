import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { docsSite, mlTrainer } from '../__testUtils__/fixtures';
import {
  eciImageCacheApiRef,
  eciImageCachePlugin,
  EntityEciImageCacheContent,
  isEciImageCacheAvailable,
} from './index';
import { EciImageCacheApi } from '../api/EciImageCacheApi';

describe('eciImageCachePlugin (legacy frontend system)', () => {
  it('has the plugin id and provides the API client', () => {
    expect(eciImageCachePlugin.getId()).toBe('eci-image-cache');
    expect(
      [...eciImageCachePlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([eciImageCacheApiRef.id]);
  });

  it('is available for entities with contract annotations only', () => {
    expect(isEciImageCacheAvailable(mlTrainer)).toBe(true);
    expect(isEciImageCacheAvailable(docsSite)).toBe(false);
  });

  it('renders the routable tab, with the guide for an entity without annotations', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[eciImageCacheApiRef, {} as EciImageCacheApi]]}>
        <EntityProvider entity={docsSite}>
          {/* As EntityLayout.Route mounts it: the routable extension needs a path. */}
          <Routes>
            <Route path="/*" element={<EntityEciImageCacheContent />} />
          </Routes>
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Start pods warm with ECI image caches'),
    ).toBeInTheDocument();
  });
});
