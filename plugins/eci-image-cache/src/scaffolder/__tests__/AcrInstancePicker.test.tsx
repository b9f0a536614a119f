import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { clusterView, entityState } from '../../__testUtils__/fixtures';
import { FormValues, renderField } from '../../__testUtils__/renderField';
import { API, ENTITY_API } from '../../__testUtils__/renderTab';
import {
  acrInstancesResponse,
  clustersHandler,
  errorResponse,
  HANGZHOU_INSTANCE,
  SHANGHAI_INSTANCE,
  setupTestServer,
} from '../../__testUtils__/server';
import { AcrInstancePicker } from '../acrPicker/AcrInstancePicker';

const server = setupTestServer();

function serveInstances() {
  server.use(
    acrInstancesResponse([HANGZHOU_INSTANCE, SHANGHAI_INSTANCE]),
    clustersHandler,
  );
}

const previewValue = () => screen.getByTestId('acr-picker-value');

describe('AcrInstancePicker', () => {
  it('lists the configured instances with their regions', async () => {
    serveInstances();
    await renderField(AcrInstancePicker, { title: 'ACR instance' });
    const group = await screen.findByRole('radiogroup', {
      name: 'ACR instance',
    });
    expect(
      within(group)
        .getAllByRole('radio')
        .map(radio => radio.closest('label')!.textContent),
    ).toEqual([
      'cri-f34lmbk2rxqx41u8cn-hangzhouacr-en-hangzhou',
      'cri-shanghai7k2m9x4pcn-shanghaiacr-en-shanghai',
      'None',
    ]);
    expect(within(group).getByRole('radio', { name: 'None' })).toBeChecked();
  });

  it('returns the value without the region for an instance in the cluster region', async () => {
    serveInstances();
    const { onChange } = await renderField(AcrInstancePicker, {
      uiOptions: { clusterField: 'cluster' },
      form: new FormValues({ cluster: 'ack-hangzhou' }),
    });
    await userEvent.click(
      await screen.findByRole('radio', { name: /cri-f34lmbk2rxqx41u8/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith('cri-f34lmbk2rxqx41u8');
    expect(previewValue()).toHaveTextContent(/^cri-f34lmbk2rxqx41u8$/);
    expect(
      screen.getByText(/Pods on ack-hangzhou \(cn-hangzhou\) get/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "cri-f34lmbk2rxqx41u8 is in cn-hangzhou, the cluster's region, so the region is omitted.",
      ),
    ).toBeInTheDocument();
  });

  it('keeps the region for an instance in another region', async () => {
    serveInstances();
    const { onChange } = await renderField(AcrInstancePicker, {
      uiOptions: { clusterField: 'cluster' },
      form: new FormValues({ cluster: 'ack-hangzhou' }),
    });
    await userEvent.click(
      await screen.findByRole('radio', { name: /cri-shanghai7k2m9x4p/ }),
    );
    expect(onChange).toHaveBeenLastCalledWith(
      'cn-shanghai:cri-shanghai7k2m9x4p',
    );
    expect(previewValue()).toHaveTextContent(
      'cn-shanghai:cri-shanghai7k2m9x4p',
    );
    expect(
      screen.getByText(
        'cri-shanghai7k2m9x4p is in cn-shanghai and the cluster in cn-hangzhou, so the region is kept.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'None' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    expect(screen.queryByTestId('acr-picker-value')).not.toBeInTheDocument();
  });

  it('follows the cluster field: the value changes with the region', async () => {
    serveInstances();
    const { form, onChange } = await renderField(AcrInstancePicker, {
      uiOptions: { clusterField: 'cluster' },
      form: new FormValues({ cluster: 'ack-hangzhou' }),
    });
    await userEvent.click(
      await screen.findByRole('radio', { name: /cri-shanghai7k2m9x4p/ }),
    );
    form.set({ cluster: 'ack-shanghai' });
    expect(await screen.findByTestId('acr-picker-value')).toHaveTextContent(
      /^cri-shanghai7k2m9x4p$/,
    );
    expect(onChange).toHaveBeenLastCalledWith('cri-shanghai7k2m9x4p');
    expect(
      screen.getByRole('radio', { name: /cri-shanghai7k2m9x4p/ }),
    ).toBeChecked();
  });

  it('uses clusterRegion when given, without asking for the clusters', async () => {
    const asked: string[] = [];
    server.use(
      acrInstancesResponse([HANGZHOU_INSTANCE, SHANGHAI_INSTANCE]),
      http.get(`${API}/clusters`, () => {
        asked.push('clusters');
        return HttpResponse.json({ items: [] });
      }),
    );
    await renderField(AcrInstancePicker, {
      uiOptions: { clusterRegion: 'cn-shanghai', clusterField: 'cluster' },
      value: 'cn-shanghai:cri-shanghai7k2m9x4p',
      form: new FormValues({ cluster: 'ack-hangzhou' }),
    });
    expect(await screen.findByTestId('acr-picker-value')).toHaveTextContent(
      /^cri-shanghai7k2m9x4p$/,
    );
    expect(screen.getByText(/Pods on cn-shanghai get/)).toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it("takes the entity's cluster when the cluster field is empty", async () => {
    serveInstances();
    server.use(
      http.get(ENTITY_API, () =>
        HttpResponse.json(
          entityState({
            clusters: [
              clusterView({ target: false }),
              clusterView({
                name: 'ack-shanghai',
                region: 'cn-shanghai',
                target: true,
                default: false,
              }),
            ],
          }),
        ),
      ),
    );
    await renderField(AcrInstancePicker, {
      uiOptions: { clusterField: 'cluster', entityRefField: 'service' },
      value: 'cri-shanghai7k2m9x4p',
      form: new FormValues({ service: 'component:default/ml-trainer' }),
    });
    expect(
      await screen.findByText(/Pods on ack-shanghai \(cn-shanghai\) get/),
    ).toBeInTheDocument();
    expect(previewValue()).toHaveTextContent(/^cri-shanghai7k2m9x4p$/);
  });

  it('takes the default cluster without a cluster or entity', async () => {
    serveInstances();
    await renderField(AcrInstancePicker, {
      value: 'cri-shanghai7k2m9x4p',
    });
    expect(
      await screen.findByText(/Pods on ack-hangzhou \(cn-hangzhou\) get/),
    ).toBeInTheDocument();
    // Written without a region, the instance's own region (Shanghai) is added back.
    expect(previewValue()).toHaveTextContent(
      'cn-shanghai:cri-shanghai7k2m9x4p',
    );
  });

  it('says when the cluster is not configured, and keeps the region', async () => {
    serveInstances();
    await renderField(AcrInstancePicker, {
      uiOptions: { clusterField: 'cluster' },
      value: 'cn-hangzhou:cri-f34lmbk2rxqx41u8',
      form: new FormValues({ cluster: 'ack-beijing' }),
    });
    expect(
      await screen.findByText(
        'Cluster "ack-beijing" is not configured (configured: ack-hangzhou, ack-shanghai).',
      ),
    ).toBeInTheDocument();
    expect(previewValue()).toHaveTextContent(
      'cn-hangzhou:cri-f34lmbk2rxqx41u8',
    );
    expect(
      screen.getByText(
        "The cluster's region is not known, so the region cn-hangzhou is kept.",
      ),
    ).toBeInTheDocument();
  });

  it('flags a value that names no configured instance', async () => {
    serveInstances();
    await renderField(AcrInstancePicker, { value: 'cri-unknown123' });
    expect(
      await screen.findByText(
        'cri-unknown123 is not a configured ACR Enterprise Edition instance (configured: cri-f34lmbk2rxqx41u8, cri-shanghai7k2m9x4p).',
      ),
    ).toBeInTheDocument();
  });

  it('shows that it is loading until the backend answers', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => (answer = resolve));
    server.use(
      http.get(`${API}/acr/instances`, async () => {
        await answered;
        return HttpResponse.json({ items: [HANGZHOU_INSTANCE] });
      }),
      clustersHandler,
    );
    await renderField(AcrInstancePicker);
    expect(
      screen.getByText('Loading the configured ACR instances…'),
    ).toBeInTheDocument();
    answer();
    expect(
      await screen.findByRole('radio', { name: /cri-f34lmbk2rxqx41u8/ }),
    ).toBeInTheDocument();
  });

  it('says when no instance is configured', async () => {
    server.use(acrInstancesResponse([]), clustersHandler);
    await renderField(AcrInstancePicker);
    expect(
      await screen.findByText(
        'No ACR Enterprise Edition instance is configured.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(`${API}/acr/instances`, () =>
        errorResponse(503, 'ServiceUnavailableError', 'Backend is restarting'),
      ),
      clustersHandler,
    );
    await renderField(AcrInstancePicker);
    expect(
      await screen.findByText('The ACR instances could not be loaded.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Backend is restarting \(HTTP 503/),
    ).toBeInTheDocument();
  });
});
