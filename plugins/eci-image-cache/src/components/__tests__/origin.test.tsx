import { screen, within } from '@testing-library/react';
import {
  cacheView,
  clusterView,
  entityState,
  mlTrainer,
  stateWithCaches,
} from '../../__testUtils__/fixtures';
import { renderTab } from '../../__testUtils__/renderTab';
import { setupTestServer } from '../../__testUtils__/server';
import { serveEntityState } from '../../__testUtils__/tabTest';

const server = setupTestServer();

describe('Image Cache tab: cache origin', () => {
  it('labels a cache ECI created as "created by ECI", read-only, next to a managed one', async () => {
    const autoName = 'auto-create-for-eci-2ze5abcdef0123456789';
    serveEntityState(
      server,
      stateWithCaches([
        cacheView(),
        cacheView({
          name: autoName,
          managed: false,
          origin: 'eci-auto',
          role: 'unmanaged',
          entityRef: null,
          imageCacheId: 'imc-2ze9autocreated0001',
        }),
      ]),
    );
    await renderTab(mlTrainer);
    const auto = within(await screen.findByTestId(`cache-row-${autoName}`));
    expect(auto.getByText('created by ECI')).toBeInTheDocument();
    expect(auto.getByText('read-only')).toBeInTheDocument();
    expect(auto.queryByRole('button', { name: /Delete/ })).toBeNull();
    const managed = within(screen.getByTestId(`cache-row-${cacheView().name}`));
    expect(managed.getByText('managed')).toBeInTheDocument();
    expect(managed.queryByText('created by ECI')).toBeNull();
  });

  it('says how many more caches hold its images when the backend lists only the best ones', async () => {
    serveEntityState(
      server,
      entityState({ clusters: [clusterView({ otherCachesOmitted: 1998 })] }),
    );
    await renderTab(mlTrainer);
    expect(await screen.findByTestId('other-caches-omitted')).toHaveTextContent(
      '1,998 more caches on ack-hangzhou hold some of this service’s images and are not listed',
    );
  });

  it('says nothing about unlisted caches when every cache is listed', async () => {
    serveEntityState(server, stateWithCaches([cacheView()]));
    await renderTab(mlTrainer);
    await screen.findByTestId(`cache-row-${cacheView().name}`);
    expect(screen.queryByTestId('other-caches-omitted')).toBeNull();
  });
});
