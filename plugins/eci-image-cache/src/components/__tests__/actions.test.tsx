import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CreateCacheRequest } from '@eci-portal/plugin-eci-image-cache-common';
import { http, HttpResponse } from 'msw';
import {
  cacheView,
  entityState,
  mlTrainer,
  stateWithCaches,
} from '../../__testUtils__/fixtures';
import { ENTITY_API, renderTab } from '../../__testUtils__/renderTab';
import { errorResponse, setupTestServer } from '../../__testUtils__/server';
import {
  mockClipboard,
  openDialog,
  pressInDialog,
  serveEntityState,
  waitForNoDialog,
} from '../../__testUtils__/tabTest';

const server = setupTestServer();

const noCaches = () => stateWithCaches([]);

describe('Image Cache tab actions', () => {
  it('creates a cache from a dialog prefilled with the annotations, then shows it at once', async () => {
    const requests: CreateCacheRequest[] = [];
    let created = false;
    const newCache = cacheView({
      phase: 'Preparing',
      progress: '0%',
      progressPercent: 0,
      usable: false,
      imageCacheId: null,
      lastUpdatedTime: null,
    });
    serveEntityState(
      server,
      () => (created ? stateWithCaches([newCache]) : noCaches()),
      http.post(`${ENTITY_API}/caches`, async ({ request }) => {
        requests.push((await request.json()) as CreateCacheRequest);
        created = true;
        return HttpResponse.json(
          {
            cluster: 'ack-hangzhou',
            outcome: 'created',
            cache: newCache,
            replaces: null,
          },
          { status: 201 },
        );
      }),
    );
    await renderTab(mlTrainer);

    const dialog = await openDialog('Create cache');
    expect(within(dialog).getByLabelText('Images')).toHaveValue(
      mlTrainer.metadata.annotations!['alibabacloud.com/eci-images'].replace(
        ',',
        '\n',
      ),
    );
    expect(within(dialog).getByLabelText('Size (GiB)')).toHaveValue('40');
    expect(within(dialog).getByLabelText('Retention (days)')).toHaveValue('7');
    expect(within(dialog).getByRole('switch')).toBeChecked();

    const size = within(dialog).getByLabelText('Size (GiB)');
    await userEvent.clear(size);
    await userEvent.type(size, '10');
    expect(
      await within(dialog).findByText(
        '`Size`: "10" is below the minimum 20 GiB',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Create cache' }),
    ).toBeDisabled();

    await userEvent.clear(size);
    await userEvent.type(size, '60');
    await pressInDialog(dialog, 'Create cache');

    await waitForNoDialog();
    expect(requests).toEqual([{ imageCacheSize: 60 }]);
    const row = await screen.findByTestId('cache-row-ml-trainer-3f9a1c2b7d');
    expect(within(row).getByText('Preparing')).toBeInTheDocument();
    expect(
      within(row).getByRole('progressbar', {
        name: 'Progress of cache ml-trainer-3f9a1c2b7d',
      }),
    ).toBeInTheDocument();
  });

  it('keeps the dialog open with the server’s message when the request is rejected', async () => {
    serveEntityState(
      server,
      noCaches(),
      http.post(`${ENTITY_API}/caches`, () =>
        errorResponse(
          400,
          'InputError',
          '`imagePullSecrets`: "default:missing" is not a Secret in namespace default',
        ),
      ),
    );
    await renderTab(mlTrainer);
    const dialog = await openDialog('Create cache');
    await pressInDialog(dialog, 'Create cache');
    expect(
      await within(dialog).findByText(
        '`imagePullSecrets`: "default:missing" is not a Secret in namespace default (HTTP 400 Bad Request)',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('The cache was not created'),
    ).toBeInTheDocument();
  });

  it('deletes a managed cache after confirmation, marking it at once', async () => {
    const deleted: string[] = [];
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => (answer = resolve));
    serveEntityState(
      server,
      entityState(),
      http.delete(`${ENTITY_API}/caches/:cluster/:name`, async ({ params }) => {
        deleted.push(`${params.cluster}/${params.name}`);
        await answered;
        return HttpResponse.json({
          cluster: params.cluster,
          name: params.name,
          note: 'The active cache of component:default/ml-trainer will be recreated.',
        });
      }),
    );
    await renderTab(mlTrainer);
    const dialog = await openDialog('Delete cache ml-trainer-3f9a1c2b7d');
    expect(dialog).toHaveTextContent(
      'Delete ml-trainer-3f9a1c2b7d on cluster ack-hangzhou (imc-2ze0abc123def456)?',
    );
    // The current cache of a manual entity comes back: the dialog says so and offers the ways out.
    expect(dialog).toHaveTextContent(/it is rebuilt right after the delete/);
    expect(
      within(dialog).getByRole('button', { name: 'Switch to auto instead' }),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Switch off instead' }),
    ).toBeInTheDocument();
    expect(deleted).toEqual([]);
    await pressInDialog(dialog, 'Delete and rebuild');
    await waitFor(() =>
      expect(deleted).toEqual(['ack-hangzhou/ml-trainer-3f9a1c2b7d']),
    );
    // Before the backend answers, the row already says what is happening.
    expect(
      within(screen.getByTestId('cache-row-ml-trainer-3f9a1c2b7d')).getByText(
        'Deleting',
      ),
    ).toBeInTheDocument();
    answer();
    await waitForNoDialog();
    expect(
      await screen.findByText(
        'Cache ml-trainer-3f9a1c2b7d is being deleted on ack-hangzhou. The active cache of component:default/ml-trainer will be recreated.',
      ),
    ).toBeInTheDocument();
  });

  it('offers "Switch to manual" instead of a create that cannot succeed in auto mode', async () => {
    const saved: unknown[] = [];
    const base = entityState();
    const auto = entityState({
      config: {
        ...base.config!,
        cacheMode: { value: 'auto', source: 'default' },
      },
    });
    serveEntityState(
      server,
      auto,
      http.put(`${ENTITY_API}/settings`, async ({ request }) => {
        saved.push(await request.json());
        return HttpResponse.json({
          settings: { cacheMode: 'manual' },
          updatedBy: 'user:default/owner',
          updatedAt: '2026-12-05T10:00:00Z',
        });
      }),
    );
    await renderTab(mlTrainer);
    const switchButton = await screen.findByRole('button', {
      name: 'Switch to manual',
    });
    expect(
      screen.queryByRole('button', { name: /Create cache|Refresh cache/ }),
    ).not.toBeInTheDocument();
    await userEvent.click(switchButton);
    await waitFor(() => expect(saved).toEqual([{ cacheMode: 'manual' }]));
  });

  it('shows no create button when an annotation sets auto mode', async () => {
    const base = entityState();
    serveEntityState(
      server,
      entityState({
        config: {
          ...base.config!,
          cacheMode: { value: 'auto', source: 'annotation' },
        },
      }),
    );
    await renderTab(mlTrainer);
    await screen.findByTestId('cache-row-ml-trainer-3f9a1c2b7d');
    expect(
      screen.queryByRole('button', {
        name: /Create cache|Refresh cache|Switch to manual/,
      }),
    ).not.toBeInTheDocument();
  });

  it('does not delete when the confirmation is cancelled', async () => {
    const deleted: string[] = [];
    serveEntityState(
      server,
      entityState(),
      http.delete(`${ENTITY_API}/caches/:cluster/:name`, ({ params }) => {
        deleted.push(String(params.name));
        return HttpResponse.json({
          cluster: params.cluster,
          name: params.name,
          note: null,
        });
      }),
    );
    await renderTab(mlTrainer);
    const dialog = await openDialog('Delete cache ml-trainer-3f9a1c2b7d');
    await pressInDialog(dialog, 'Cancel');
    await waitForNoDialog();
    expect(deleted).toEqual([]);
  });

  it('expands a row to the ECI events and the lifecycle history', async () => {
    serveEntityState(server);
    await renderTab(mlTrainer);
    const toggle = await screen.findByRole('button', {
      name: 'Show events and history of ml-trainer-3f9a1c2b7d',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const events = screen.getByRole('table', {
      name: 'ECI events of ml-trainer-3f9a1c2b7d',
    });
    expect(events).toHaveTextContent(/Success pull image acr-en-hangzhou/);
    const history = screen.getByRole('region', { name: 'Lifecycle history' });
    expect(history).toHaveTextContent(
      'ready (imc-2ze0abc123def456): Ready after 3 minutes',
    );
    expect(history).toHaveTextContent('created by user:default/guest');
  });

  it('copies the cache id', async () => {
    serveEntityState(server);
    await renderTab(mlTrainer);
    const button = await screen.findByRole('button', {
      name: 'Copy cache id imc-2ze0abc123def456',
    });
    const writeText = mockClipboard();
    await userEvent.click(button);
    expect(writeText).toHaveBeenCalledWith('imc-2ze0abc123def456');
    expect(
      await screen.findByText('Copied to the clipboard'),
    ).toBeInTheDocument();
  });
});
