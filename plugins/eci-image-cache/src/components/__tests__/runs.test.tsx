import { screen, within } from '@testing-library/react';
import { mlTrainer, TRAINER_IMAGE } from '../../__testUtils__/fixtures';
import { renderTab } from '../../__testUtils__/renderTab';
import { run, runsHandler } from '../../__testUtils__/runs';
import { setupTestServer } from '../../__testUtils__/server';
import { serveEntityState } from '../../__testUtils__/tabTest';

const server = setupTestServer();

describe('Recent runs', () => {
  it('shows hits, the hit rate and the pull time saved against misses of the same images', async () => {
    serveEntityState(
      server,
      undefined,
      runsHandler([
        run(),
        run({
          pod: 'cold',
          workflow: 'ml-trainer-cold',
          cacheOutcome: 'auto-created',
          imageCacheId: 'imc-auto1',
          pulls: [{ image: TRAINER_IMAGE, durationMs: 61_500 }],
        }),
      ]),
    );
    renderTab(mlTrainer);
    const table = await screen.findByRole(
      'table',
      { name: 'Recent runs' },
      { timeout: 10_000 },
    );
    const rows = within(table).getAllByTestId('run-row');
    expect(rows[0]).toHaveTextContent('Hit imc-2ze0abc123def456');
    expect(rows[0]).toHaveTextContent('trainer:1.4.2: 1.5 s');
    expect(rows[1]).toHaveTextContent('Missed; ECI auto-created imc-auto1');
    expect(screen.getByText(/of the last 2 runs/)).toHaveTextContent(
      '50% of the last 2 runs hit a cache (1 of 2)',
    );
    expect(
      screen.getByText(/Pull time saved by hits: 1 min/),
    ).toBeInTheDocument();
  });

  it('shows the diagnosis and the fix of a failed run', async () => {
    serveEntityState(
      server,
      undefined,
      runsHandler([
        run({
          phase: 'Failed',
          cacheOutcome: 'missed',
          imageCacheId: null,
          pulls: [{ image: TRAINER_IMAGE, durationMs: null }],
          failure: {
            reason: 'ErrImagePull',
            message: 'no basic auth credentials',
            image: TRAINER_IMAGE,
            diagnosis: {
              kind: 'acr-password-free-not-configured',
              summary:
                'Password-free pull is not configured for ACR instance cri-f34lmbk2rxqx41u8 (cn-hangzhou).',
              fix: 'Add k8s.aliyun.com/acr-instance-ids: "cri-f34lmbk2rxqx41u8" to the workflow.',
            },
          },
        }),
      ]),
    );
    renderTab(mlTrainer);
    expect(
      await screen.findByText(
        /Password-free pull is not configured for ACR instance cri-f34lmbk2rxqx41u8/,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Fix: Add k8s.aliyun.com\/acr-instance-ids/),
    ).toBeInTheDocument();
  });

  it('tells how existing workflows opt in when there are no runs', async () => {
    serveEntityState(server);
    renderTab(mlTrainer);
    expect(
      await screen.findByText(/No runs seen yet/, undefined, {
        timeout: 10_000,
      }),
    ).toHaveTextContent(
      'eci.backstage.io/entity-hash: "0123456789abcdef0123456789abcdef"',
    );
  });
});
