import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntitySettings } from '@eci-portal/plugin-eci-image-cache-common';
import { http, HttpResponse } from 'msw';
import {
  clusterView,
  entityState,
  mlTrainer,
} from '../../__testUtils__/fixtures';
import { ENTITY_API, renderTab } from '../../__testUtils__/renderTab';
import {
  acrInstancesHandler,
  setupTestServer,
} from '../../__testUtils__/server';
import {
  openDialog,
  pressInDialog,
  serveEntityState,
  waitForNoDialog,
} from '../../__testUtils__/tabTest';

const server = setupTestServer();

describe('ACR password-free card', () => {
  it('shows the instance, both regions, the exact value and why, and flags images off ACR EE', async () => {
    serveEntityState(server);
    await renderTab(mlTrainer);
    expect(
      await screen.findByTestId('acr-annotation-ack-hangzhou'),
    ).toHaveTextContent(/^cri-f34lmbk2rxqx41u8$/);
    expect(screen.getByText('Instance region').nextSibling).toHaveTextContent(
      'cn-hangzhou',
    );
    expect(screen.getByText('Cluster region').nextSibling).toHaveTextContent(
      'cn-hangzhou',
    );
    expect(
      screen.getByText(
        'alibabacloud.com/acr-instance-id names it; same region as the cluster, so the region is omitted',
      ),
    ).toBeInTheDocument();
    const images = screen.getByRole('table', {
      name: 'Images and their registries',
    });
    const python = within(images).getByText(
      'docker.io/library/python:3.12-slim',
    ).parentElement!;
    // Docker Hub is public: no orange "needs a pull secret" for it.
    expect(python).toHaveTextContent('Public registry: pulled anonymously');
    const trainer =
      within(images).getByText(/ml\/trainer:1.4.2/).parentElement!;
    expect(trainer).toHaveTextContent('via cri-f34lmbk2rxqx41u8 (cn-hangzhou)');
  });

  it('keeps the region for an instance in another region', async () => {
    const state = entityState();
    state.clusters[0] = clusterView({
      acr: {
        cluster: 'ack-hangzhou',
        clusterRegion: 'cn-hangzhou',
        annotationValue: 'cn-shanghai:cri-shanghai7k2m9x4p',
        instances: [
          {
            id: 'cri-shanghai7k2m9x4p',
            instanceRegion: 'cn-shanghai',
            value: 'cn-shanghai:cri-shanghai7k2m9x4p',
            reason:
              'in cn-shanghai while the cluster is in cn-hangzhou, so the region is kept',
            source: 'annotation',
          },
        ],
      },
    });
    serveEntityState(server, state);
    await renderTab(mlTrainer);
    expect(
      await screen.findByTestId('acr-annotation-ack-hangzhou'),
    ).toHaveTextContent('cn-shanghai:cri-shanghai7k2m9x4p');
  });

  it('edits the saved instance with live validation and a preview of the value', async () => {
    const saved: EntitySettings[] = [];
    const state = entityState({
      settings: {
        settings: { imageCacheSize: 60 },
        updatedBy: 'user:default/guest',
        updatedAt: '2026-11-28T09:00:00Z',
      },
    });
    state.config!.acrInstance = { value: null, source: 'default' };
    serveEntityState(
      server,
      state,
      http.put(`${ENTITY_API}/settings`, async ({ request }) => {
        const body = (await request.json()) as EntitySettings;
        saved.push(body);
        return HttpResponse.json({
          settings: body,
          updatedBy: 'user:default/guest',
          updatedAt: '2026-11-28T10:00:00Z',
        });
      }),
      acrInstancesHandler,
    );
    await renderTab(mlTrainer);
    const dialog = await openDialog('Edit ACR instance');
    const field = within(dialog).getByLabelText(
      'ACR Enterprise Edition instance',
    );

    await userEvent.type(field, 'hangzhou/cri-1');
    expect(
      await within(dialog).findByText(/is not "\[RegionID:\]InstanceID"/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();

    await userEvent.clear(field);
    await userEvent.type(field, 'cn-shanghai:cri-shanghai7k2m9x4p');
    // Exactly what the backend writes: the typed instance, then the one serving the images.
    expect(within(dialog).getByTestId('acr-preview-value')).toHaveTextContent(
      /^cn-shanghai:cri-shanghai7k2m9x4p,cri-f34lmbk2rxqx41u8$/,
    );
    expect(dialog).toHaveTextContent(
      'instance in cn-shanghai, cluster in cn-hangzhou, so the region is prefixed',
    );

    // A configured instance fills in its full ref, region included.
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'cri-f34lmbk2rxqx41u8 (cn-hangzhou)',
      }),
    );
    expect(field).toHaveValue('cn-hangzhou:cri-f34lmbk2rxqx41u8');
    expect(within(dialog).getByTestId('acr-preview-value')).toHaveTextContent(
      /^cri-f34lmbk2rxqx41u8$/,
    );

    await pressInDialog(dialog, 'Save');
    await waitForNoDialog();
    expect(saved).toEqual([
      { imageCacheSize: 60, acrInstance: 'cn-hangzhou:cri-f34lmbk2rxqx41u8' },
    ]);
  });

  it('says when the catalog annotation overrides saved settings', async () => {
    serveEntityState(server, entityState(), acrInstancesHandler);
    await renderTab(mlTrainer);
    const dialog = await openDialog('Edit ACR instance');
    expect(dialog).toHaveTextContent(
      'alibabacloud.com/acr-instance-id in catalog-info.yaml sets cri-f34lmbk2rxqx41u8 and takes precedence over saved settings.',
    );
  });
});
