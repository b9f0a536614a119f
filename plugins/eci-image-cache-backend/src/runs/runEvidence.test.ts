import { RunningEmulator } from '@eci-portal/ack-emulator';
import {
  ANNOTATION_ARGO_NAMESPACE,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGES,
  EntityRunsResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { component } from '../__testUtils__/FakeCatalog';
import {
  startArgoEmulator,
  submitTrainerWorkflow,
} from '../__testUtils__/argoEmulator';
import {
  startTestEciBackend,
  waitFor,
} from '../__testUtils__/startTestEciBackend';

const TRAINER =
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2';
const ETL =
  'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/etl-runner:2.0.1';

type Backend = Awaited<ReturnType<typeof startTestEciBackend>>;

const submit = submitTrainerWorkflow;

/** Moves simulated time in steps until the entity's runs satisfy `check`. */
async function runsUntil(
  t: Backend,
  emulator: RunningEmulator,
  check: (runs: EntityRunsResponse) => boolean,
  what: string,
): Promise<EntityRunsResponse> {
  const body = await waitFor(async () => {
    emulator.advance(5_000);
    const res = await t.get('/entities/component/default/trainer/runs');
    expect(res.status).toBe(200);
    return check(res.body) ? (res.body as EntityRunsResponse) : undefined;
  }, what);
  return body!;
}

describe('run evidence from the pods of generated workflows', () => {
  let emulator: RunningEmulator;
  let t: Backend;

  beforeEach(async () => {
    emulator = await startArgoEmulator();
    t = await startTestEciBackend({
      clusters: [{ name: 'hangzhou', emulator }],
      entities: [
        component('trainer', {
          [ANNOTATION_ECI_IMAGES]: TRAINER,
          [ANNOTATION_ECI_IMAGE_CACHE]: 'manual',
          [ANNOTATION_ARGO_NAMESPACE]: 'argo',
        }),
      ],
    });
    await t.waitForSync();
  });

  afterEach(async () => {
    await t.backend.stop();
    await emulator.stop();
  });

  it('shows a cold run, then a hit of the managed cache and the pull time it saved', async () => {
    submit(emulator, 'trainer-cold', {
      cacheMode: 'auto',
      containers: [{ image: TRAINER }],
    });
    const cold = await runsUntil(
      t,
      emulator,
      body => typeof body.runs[0]?.pulls[0]?.durationMs === 'number',
      'the cold run',
    );
    expect(cold.podLabel).toEqual({
      key: 'eci.backstage.io/entity-hash',
      value: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(cold.runs[0]).toMatchObject({
      cluster: 'hangzhou',
      namespace: 'argo',
      workflow: 'trainer-cold',
      cacheOutcome: expect.stringMatching(/^(missed|auto-created)$/),
      failure: null,
    });

    await t.reconcile();
    await waitFor(async () => {
      emulator.advance(60_000);
      const res = await t.get('/entities/component/default/trainer');
      return res.body.clusters[0].caches.find(
        (c: any) => c.phase === 'Ready' && c.role === 'active',
      );
    }, 'the managed cache to be Ready');
    const state = await t.get('/entities/component/default/trainer');
    const cacheId = state.body.clusters[0].caches.find(
      (c: any) => c.role === 'active',
    ).imageCacheId;

    submit(emulator, 'trainer-warm', {
      cacheMode: 'pinned',
      imageCacheId: cacheId,
      containers: [{ image: TRAINER }],
    });
    const warm = await runsUntil(
      t,
      emulator,
      body =>
        body.runs.length === 2 &&
        typeof body.runs[0].pulls[0]?.durationMs === 'number',
      'the warm run',
    );
    expect(warm.runs[0]).toMatchObject({
      workflow: 'trainer-warm',
      cacheOutcome: 'hit',
      imageCacheId: cacheId,
    });
    expect(warm.summary).toMatchObject({
      runs: 2,
      hits: 1,
      comparedImages: [TRAINER],
    });
    expect(warm.summary.pullTimeSavedMs).toBeGreaterThan(0);
    expect(warm.runs[0].pulls[0].durationMs!).toBeLessThan(
      cold.runs[0].pulls[0].durationMs!,
    );
  });

  it('explains a pull refused because the workflow lacks the ACR annotation', async () => {
    // No ACR instances given: the generator adds no acr-instance-ids for the Shanghai image.
    submit(emulator, 'trainer-etl', {
      cacheMode: 'auto',
      containers: [{ image: ETL }],
      acrInstances: [],
    });
    const failed = await runsUntil(
      t,
      emulator,
      body => Boolean(body.runs[0]?.failure),
      'the failure',
    );
    expect(failed.runs[0].failure).toMatchObject({
      reason: 'ErrImagePull',
      image: ETL,
      diagnosis: {
        kind: 'acr-password-free-not-configured',
        fix: expect.stringContaining(
          'k8s.aliyun.com/acr-instance-ids: "cn-shanghai:cri-shanghai7k2m9x4p"',
        ),
      },
    });
  });

  it('reads runs from memory: a tab view makes no request to the cluster', async () => {
    submit(emulator, 'trainer-one', {
      cacheMode: 'auto',
      containers: [{ image: TRAINER }],
    });
    await runsUntil(t, emulator, body => body.runs.length === 1, 'the run');
    emulator.stats.reset();
    for (let i = 0; i < 20; i++) {
      expect(
        (await t.get('/entities/component/default/trainer/runs')).status,
      ).toBe(200);
    }
    expect(emulator.stats.snapshot().requests).toBe(0);
  });

  it('answers 404 for an unknown entity, like the tab', async () => {
    const res = await t.get('/entities/component/default/nobody/runs');
    expect(res.status).toBe(404);
  });
});
