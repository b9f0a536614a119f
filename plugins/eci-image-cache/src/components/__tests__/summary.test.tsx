import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  cacheView,
  clusterView,
  entityState,
  mlTrainer,
} from '../../__testUtils__/fixtures';
import { ENTITY_API, renderTab } from '../../__testUtils__/renderTab';
import {
  errorResponse,
  setupTestServer,
  workflowHandler,
} from '../../__testUtils__/server';

const server = setupTestServer();

describe('Image Cache tab summary and states', () => {
  it('says pods start warm with a Ready pinned cache, with mode and cluster', async () => {
    server.use(
      http.get(ENTITY_API, () => HttpResponse.json(entityState())),
      workflowHandler,
    );
    await renderTab(mlTrainer);
    const verdict = await screen.findByTestId('warmth-verdict');
    expect(verdict).toHaveTextContent('Pods start warm');
    expect(verdict).toHaveTextContent(
      'Manual mode: workflows pin Ready cache imc-2ze0abc123def456 (expires in 6 days).',
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
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
          entityState({ clusters: [clusterView({ caches: [] })] }),
        ),
      ),
      workflowHandler,
    );
    await renderTab(mlTrainer);
    const verdict = await screen.findByTestId('warmth-verdict');
    expect(verdict).toHaveTextContent('Pods start cold');
    expect(verdict).toHaveTextContent(
      'No Ready cache holds these images on ack-hangzhou yet: create one.',
    );
    expect(screen.getByRole('button', { name: 'Create cache' })).toBeEnabled();
    expect(
      screen.getByText(
        'No image cache holds this service’s images on this cluster.',
      ),
    ).toBeInTheDocument();
  });

  it('lists annotation problems and warnings', async () => {
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
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
        ),
      ),
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
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
          entityState({
            clusters: [
              clusterView(),
              clusterView({
                name: 'ack-shanghai',
                region: 'cn-shanghai',
                default: false,
                target: false,
                caches: [],
                sync: { state: 'error', since: '2026-11-28T08:00:00Z' },
                error: {
                  cluster: 'ack-shanghai',
                  statusCode: 503,
                  name: 'ServiceUnavailableError',
                  message:
                    'Cluster ack-shanghai is unreachable: connect ETIMEDOUT',
                },
              }),
            ],
          }),
        ),
      ),
      workflowHandler,
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
    server.use(
      http.get(ENTITY_API, () =>
        up
          ? HttpResponse.json(entityState())
          : errorResponse(
              503,
              'ServiceUnavailableError',
              'Backend is restarting',
            ),
      ),
      workflowHandler,
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
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
          entityState({
            clusters: [
              clusterView({
                caches: [
                  cacheView({
                    phase: 'Creating',
                    progress: '45%',
                    progressPercent: 45,
                    usable: false,
                    imageCacheId: null,
                  }),
                ],
              }),
            ],
          }),
        ),
      ),
      workflowHandler,
    );
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
