import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import {
  buildingCache,
  clusterView,
  entityState,
  mlTrainer,
  stateWithCaches,
  unreachableCluster,
} from '../../__testUtils__/fixtures';
import { ENTITY_API, renderTab } from '../../__testUtils__/renderTab';
import { errorResponse, setupTestServer } from '../../__testUtils__/server';
import { serveEntityState } from '../../__testUtils__/tabTest';

const server = setupTestServer();

describe('Image Cache tab summary and states', () => {
  it('says pods start warm with a Ready pinned cache, with mode and cluster', async () => {
    serveEntityState(server);
    await renderTab(mlTrainer);
    const verdict = await screen.findByTestId('warmth-verdict');
    expect(verdict).toHaveTextContent('Pods start warm');
    expect(verdict).toHaveTextContent(
      'Workflows pin Ready cache ml-trainer-3f9a1c2b7d (imc-2ze0abc123def456).',
    );
    const summary = within(
      screen.getByRole('region', { name: 'Image cache summary' }),
    );
    expect(summary.getByText('Cache mode').nextSibling).toHaveTextContent(
      'manual (annotation)',
    );
    expect(summary.getByText('Cluster').nextSibling).toHaveTextContent(
      'ack-hangzhou (cn-hangzhou)',
    );
    expect(screen.getByRole('button', { name: 'Refresh cache' })).toBeEnabled();
  });

  it('says pods start cold when no cache exists, and offers to create one', async () => {
    serveEntityState(server, stateWithCaches([]));
    await renderTab(mlTrainer);
    const verdict = await screen.findByTestId('warmth-verdict');
    expect(verdict).toHaveTextContent('Pods start cold');
    expect(verdict).toHaveTextContent(
      'No Ready cache on ack-hangzhou holds these images: the first pod start pulls them and ECI builds a cache automatically.',
    );
    expect(screen.getByRole('button', { name: 'Create cache' })).toBeEnabled();
    expect(
      screen.getByText(
        'No image cache holds this service’s images on this cluster.',
      ),
    ).toBeInTheDocument();
  });

  it('lists annotation problems and warnings', async () => {
    serveEntityState(
      server,
      entityState({
        config: null,
        problems: [
          {
            field: 'alibabacloud.com/eci-image-cache-size',
            value: '"10"',
            rule: 'minimum',
            message:
              '`alibabacloud.com/eci-image-cache-size`: "10" is below the minimum 20 GiB',
          },
        ],
      }),
    );
    await renderTab(mlTrainer);
    expect(await screen.findByTestId('warmth-verdict')).toHaveTextContent(
      'Pods start cold',
    );
    expect(
      screen.getAllByText(/"10" is below the minimum 20 GiB/).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByRole('button', { name: 'Refresh cache' }),
    ).toBeDisabled();
  });

  it('shows a cluster error inline without hiding the other clusters', async () => {
    serveEntityState(
      server,
      entityState({ clusters: [clusterView(), unreachableCluster()] }),
    );
    await renderTab(mlTrainer);
    expect(
      await screen.findByText('Cluster ack-shanghai cannot be read'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Cluster ack-shanghai is unreachable: connect ETIMEDOUT',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Image caches on ack-hangzhou' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('warmth-verdict')).toHaveTextContent(
      'Pods start warm',
    );
  });

  it('offers a retry when the backend is down, and recovers', async () => {
    let up = false;
    serveEntityState(
      server,
      entityState(),
      // Down until `up`; then the request falls through to the served state.
      http.get(ENTITY_API, () =>
        up
          ? undefined
          : errorResponse(
              503,
              'ServiceUnavailableError',
              'Backend is restarting',
            ),
      ),
    );
    await renderTab(mlTrainer);
    expect(
      await screen.findByText('The image cache state could not be loaded'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Backend is restarting \(HTTP 503/),
    ).toBeInTheDocument();
    up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('warmth-verdict')).toHaveTextContent(
      'Pods start warm',
    );
  });

  it('shows the Creating progress in the verdict and the table', async () => {
    serveEntityState(server, stateWithCaches([buildingCache()]));
    await renderTab(mlTrainer);
    expect(await screen.findByTestId('warmth-verdict')).toHaveTextContent(
      'Cache ml-trainer-3f9a1c2b7d is still Creating (45%)',
    );
    const bar = screen.getByRole('progressbar', {
      name: 'Progress of cache ml-trainer-3f9a1c2b7d',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '45');
    expect(screen.getByText('not assigned yet')).toBeInTheDocument();
  });
});
