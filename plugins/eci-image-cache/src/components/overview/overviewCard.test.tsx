import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  renderInTestApp as renderInLegacyTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import {
  EciImageCacheApi,
  eciImageCacheApiRef,
} from '../../api/EciImageCacheApi';
import { EntityEciImageCacheCard } from '../../legacy';
import { eciImageCacheEntityCard } from '../../plugin';
import { rootRouteRef } from '../../routes';
import { absoluteTime } from '../../state/absoluteTime';
import {
  buildingCache,
  docsSite,
  entityState,
  mlTrainer,
  stateWithCaches,
} from '../../__testUtils__/fixtures';
import { clientApis, ENTITY_API } from '../../__testUtils__/renderTab';
import { errorResponse, setupTestServer } from '../../__testUtils__/server';

const server = setupTestServer();

function renderCard() {
  const tester = createExtensionTester(eciImageCacheEntityCard);
  return renderInTestApp(
    <EntityProvider entity={mlTrainer}>{tester.reactElement()}</EntityProvider>,
    {
      apis: clientApis(),
      initialRouteEntries: ['/catalog/default/component/ml-trainer'],
      // Where the app mounted the tab (the entity page fills in its params in a real app).
      mountedRoutes: {
        '/catalog/default/component/ml-trainer/image-cache': rootRouteRef,
      },
    },
  );
}

describe('the entity Overview card', () => {
  it('is shown on entities with contract annotations only', () => {
    const filter = createExtensionTester(eciImageCacheEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect([mlTrainer, docsSite].map(filter)).toEqual([true, false]);
  });

  it('shows the warm verdict, the cache id, the expiry with its date, and links to the tab', async () => {
    const state = entityState();
    server.use(http.get(ENTITY_API, () => HttpResponse.json(state)));
    await renderCard();
    expect(await screen.findByTestId('overview-verdict')).toHaveTextContent(
      'Pods start warm',
    );
    expect(screen.getByTestId('overview-verdict')).toHaveTextContent(
      'Workflows pin Ready cache ml-trainer-3f9a1c2b7d (imc-2ze0abc123def456).',
    );
    expect(screen.getByTestId('overview-cache-id')).toHaveTextContent(
      'imc-2ze0abc123def456',
    );
    const expiry = screen.getByTestId('overview-expiry');
    const expireDateTime = state.clusters[0].caches[0].expireDateTime!;
    expect(expiry).toHaveTextContent('expires in 6 days');
    expect(expiry).toHaveAttribute('title', absoluteTime(expireDateTime));
    expect(
      screen.getByRole('link', { name: 'Open the Image Cache tab' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/ml-trainer/image-cache',
    );
  });

  it('says cold while the cache is built, with no id yet', async () => {
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(stateWithCaches([buildingCache()])),
      ),
    );
    await renderCard();
    expect(await screen.findByTestId('overview-verdict')).toHaveTextContent(
      'Pods start cold',
    );
    expect(screen.getByTestId('overview-verdict')).toHaveTextContent(
      'is still Creating (45%)',
    );
    expect(screen.getByTestId('overview-cache-id')).toHaveTextContent(
      'not assigned yet',
    );
  });

  it('says why when the state cannot be loaded', async () => {
    server.use(
      http.get(ENTITY_API, () =>
        errorResponse(503, 'ServiceUnavailableError', 'The backend is down'),
      ),
    );
    await renderCard();
    expect(
      await screen.findByText(/The image cache state could not be loaded/),
    ).toHaveTextContent('The backend is down');
  });

  it('is exported for the legacy frontend system, without a link where the app has no tab', async () => {
    const api: Partial<EciImageCacheApi> = {
      getEntityState: async () => entityState(),
    };
    await renderInLegacyTestApp(
      <TestApiProvider apis={[[eciImageCacheApiRef, api]]}>
        <EntityProvider entity={mlTrainer}>
          <EntityEciImageCacheCard />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('overview-cache-id')).toHaveTextContent(
      'imc-2ze0abc123def456',
    );
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
