import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  buildingCache,
  cacheView,
  clusterView,
  entityState,
  PYTHON_IMAGE,
  stateWithCaches,
  unreachableCluster,
} from '../../__testUtils__/fixtures';
import { FormValues, renderField } from '../../__testUtils__/renderField';
import { ENTITY_API } from '../../__testUtils__/renderTab';
import { errorResponse, setupTestServer } from '../../__testUtils__/server';
import { EciImageCachePicker } from '../cachePicker/EciImageCachePicker';

const server = setupTestServer();

const ACTIVE_ID = 'imc-2ze0abc123def456';
const IMAGES = 'ml/trainer:1.4.2library/python:3.12-slim';
const PREVIOUS_ID = 'imc-2ze0prev00000001';

const withService = (values: Record<string, unknown> = {}) =>
  new FormValues({ service: 'component:default/ml-trainer', ...values });

function serveState(state = entityState()) {
  server.use(http.get(ENTITY_API, () => HttpResponse.json(state)));
}

/**
 * Two pinnable caches (the current one and the previous one), one still being built and a Ready
 * one holding other images.
 */
const twoReady = () =>
  stateWithCaches([
    cacheView(),
    cacheView({
      name: 'ml-trainer-0a1b2c3d4e',
      role: 'previous',
      imageCacheId: PREVIOUS_ID,
      daysLeft: 1,
    }),
    buildingCache({ name: 'ml-trainer-9f8e7d6c5b' }),
    cacheView({
      name: 'ml-trainer-python',
      role: 'previous',
      imageCacheId: 'imc-2ze0python000001',
      images: [PYTHON_IMAGE],
    }),
  ]);

describe('EciImageCachePicker', () => {
  it('asks for the service first, naming the field it reads', async () => {
    await renderField(EciImageCachePicker, { title: 'Pinned cache' });
    expect(screen.getByText('Pinned cache')).toBeInTheDocument();
    expect(
      screen.getByText('Choose a service first (field "service").'),
    ).toBeInTheDocument();
  });

  it('reads the entity from the field named by entityRefField', async () => {
    serveState();
    await renderField(EciImageCachePicker, {
      uiOptions: { entityRefField: 'app' },
      form: new FormValues({ app: 'ml-trainer' }),
    });
    expect(
      await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ }),
    ).toBeInTheDocument();
  });

  it('says when the field does not hold an entity ref', async () => {
    await renderField(EciImageCachePicker, {
      form: new FormValues({ service: 'component:default/' }),
    });
    expect(
      screen.getByText(
        '"component:default/" in field "service" is not an entity ref.',
      ),
    ).toBeInTheDocument();
  });

  it('shows that it is loading until the backend answers', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => (answer = resolve));
    server.use(
      http.get(ENTITY_API, async () => {
        await answered;
        return HttpResponse.json(entityState());
      }),
    );
    await renderField(EciImageCachePicker, { form: withService() });
    expect(
      screen.getByText('Loading the image caches of ml-trainer…'),
    ).toBeInTheDocument();
    answer();
    expect(
      await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ }),
    ).toBeInTheDocument();
  });

  it('lists only the caches common allows pinning, with phase, expiry and images, and returns the chosen id', async () => {
    serveState(twoReady());
    const { onChange } = await renderField(EciImageCachePicker, {
      title: 'Pinned cache',
      form: withService(),
    });
    const group = await screen.findByRole('radiogroup', {
      name: 'Pinned cache',
    });
    expect(group).toHaveAccessibleDescription(
      'Caches on ack-hangzhou (cn-hangzhou) that workflows of component:default/ml-trainer may pin: Ready, unexpired, holding all its images',
    );
    const radios = within(group).getAllByRole('radio');
    expect(radios.map(radio => radio.closest('label')!.textContent)).toEqual([
      `${ACTIVE_ID}ml-trainer-3f9a1c2b7dReadyexpires in 6 days${IMAGES}`,
      `${PREVIOUS_ID}ml-trainer-0a1b2c3d4eReadyexpires in 1 day(previous, kept after a refresh)${IMAGES}`,
      'None',
    ]);

    await userEvent.click(
      within(group).getByRole('radio', { name: new RegExp(PREVIOUS_ID) }),
    );
    expect(onChange).toHaveBeenLastCalledWith(PREVIOUS_ID);
    expect(
      within(group).getByRole('radio', { name: new RegExp(PREVIOUS_ID) }),
    ).toBeChecked();

    await userEvent.click(within(group).getByRole('radio', { name: 'None' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('offers no "None" when the field is required', async () => {
    serveState();
    await renderField(EciImageCachePicker, {
      required: true,
      form: withService(),
    });
    await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ });
    expect(screen.getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByText('(Required)')).toBeInTheDocument();
  });

  it('says when the service has no cache on the cluster', async () => {
    serveState(stateWithCaches([]));
    await renderField(EciImageCachePicker, { form: withService() });
    expect(
      await screen.findByText(
        'component:default/ml-trainer has no image cache on ack-hangzhou.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Create one on the Image Cache tab of the service, then come back once it is Ready.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('says when the service does not use image caches at all', async () => {
    serveState(
      entityState({
        entityRef: 'component:default/docs-site',
        hasAnnotations: false,
        clusters: [clusterView({ caches: [] })],
      }),
    );
    await renderField(EciImageCachePicker, {
      form: new FormValues({ service: 'component:default/ml-trainer' }),
    });
    expect(
      await screen.findByText(
        'The service has no alibabacloud.com/eci-* annotations, so the portal manages no cache for it.',
      ),
    ).toBeInTheDocument();
  });

  it('says why no cache can be pinned yet, cache by cache', async () => {
    serveState(
      stateWithCaches([
        buildingCache(),
        cacheView({
          name: 'ml-trainer-old',
          expired: true,
          daysLeft: -2,
        }),
        cacheView({
          name: 'ml-trainer-failed',
          phase: 'Failed',
          usable: false,
          imageCacheId: null,
        }),
        cacheView({ name: 'ml-trainer-going', deleting: true }),
      ]),
    );
    await renderField(EciImageCachePicker, { form: withService() });
    expect(
      await screen.findByText(
        'No cache of component:default/ml-trainer on ack-hangzhou can be pinned yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^Workflows pin only a Ready, unexpired cache holding all the service's images: ml-trainer-3f9a1c2b7d is Creating, 45%; ml-trainer-old \(imc-2ze0abc123def456\) expired on .*; ml-trainer-failed is Failed, 100%; ml-trainer-going \(imc-2ze0abc123def456\) is being deleted\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('says when the cluster cannot be read', async () => {
    serveState(
      entityState({ clusters: [clusterView(), unreachableCluster()] }),
    );
    await renderField(EciImageCachePicker, {
      uiOptions: { clusterField: 'cluster' },
      form: withService({ cluster: 'ack-shanghai' }),
    });
    expect(
      await screen.findByText(
        'Cluster ack-shanghai cannot be read, so its caches are unknown.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Cluster ack-shanghai is unreachable: connect ETIMEDOUT',
      ),
    ).toBeInTheDocument();
  });

  it('still lists Ready caches of a cluster that cannot be read right now, with a warning', async () => {
    const state = entityState();
    state.clusters[0].error = unreachableCluster('ack-hangzhou').error;
    serveState(state);
    await renderField(EciImageCachePicker, { form: withService() });
    expect(
      await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Cluster ack-hangzhou cannot be read right now; these caches may have changed.',
      ),
    ).toBeInTheDocument();
  });

  it('says when the cluster option names no configured cluster', async () => {
    serveState();
    await renderField(EciImageCachePicker, {
      uiOptions: { cluster: 'ack-beijing', clusterField: 'cluster' },
      form: withService({ cluster: 'ack-hangzhou' }),
    });
    expect(
      await screen.findByText('Cluster "ack-beijing" is not configured.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Configured clusters: ack-hangzhou.'),
    ).toBeInTheDocument();
  });

  it('follows the cluster field while the form is filled in', async () => {
    serveState(
      entityState({
        clusters: [
          clusterView(),
          clusterView({
            name: 'ack-shanghai',
            region: 'cn-shanghai',
            target: false,
            default: false,
            caches: [
              cacheView({
                cluster: 'ack-shanghai',
                imageCacheId: 'imc-shanghai000000001',
              }),
            ],
          }),
        ],
      }),
    );
    const { form } = await renderField(EciImageCachePicker, {
      uiOptions: { clusterField: 'cluster' },
      form: withService(),
    });
    // Empty cluster field: the service's own cluster.
    expect(
      await screen.findByRole('radio', { name: /imc-2ze0abc123def456/ }),
    ).toBeInTheDocument();
    form.set({ cluster: 'ack-shanghai' });
    expect(
      await screen.findByRole('radio', { name: /imc-shanghai000000001/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('radio', { name: /imc-2ze0abc123def456/ }),
    ).not.toBeInTheDocument();
  });

  it('warns when the chosen cache can no longer be pinned', async () => {
    serveState(
      stateWithCaches([
        cacheView(),
        cacheView({
          name: 'ml-trainer-old',
          imageCacheId: 'imc-2ze0old000000001',
          expired: true,
          daysLeft: -1,
        }),
      ]),
    );
    await renderField(EciImageCachePicker, {
      value: 'imc-2ze0old000000001',
      form: withService(),
    });
    expect(
      await screen.findByText(
        /^Cache imc-2ze0old000000001 cannot be pinned: ml-trainer-old \(imc-2ze0old000000001\) expired on /,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'None' })).not.toBeChecked();
  });

  it('shows the backend error and recovers on Retry', async () => {
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
    );
    await renderField(EciImageCachePicker, { form: withService() });
    expect(
      await screen.findByText(
        'The image caches of ml-trainer could not be loaded.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^Backend is restarting \(HTTP 503/),
    ).toBeInTheDocument();
    up = true;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(
        screen.getByRole('radio', { name: /imc-2ze0abc123def456/ }),
      ).toBeInTheDocument(),
    );
  });
});
