import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import { createMockActionContext } from '../../__testUtils__/createMockActionContext';
import {
  cacheView,
  FakeEciImageCache,
  FakeEntity,
} from '../../__testUtils__/fakeEciImageCache';
import { createEnsureImageCacheAction } from './createEnsureImageCacheAction';

const IMAGES = ['docker.io/library/python:3.12-slim'];
const REF = 'component:default/ml-trainer';

function setup(entity: Partial<FakeEntity> = {}) {
  const backend = new FakeEciImageCache([
    {
      entityRef: REF,
      images: IMAGES,
      cacheMode: 'manual',
      caches: [],
      ...entity,
    },
  ]);
  const action = createEnsureImageCacheAction({
    eciImageCache: backend,
    pollIntervalMs: 5,
  });
  const run = async (
    input: JsonObject,
    options: Omit<Parameters<typeof createMockActionContext>[0], 'input'> = {},
  ) => {
    const ctx = createMockActionContext({ input, ...options });
    await action.handler(ctx);
    return ctx;
  };
  return { backend, action, run, entity: backend.entities.get(REF)! };
}

/** Moves the newest cache one phase further on every poll. */
function progressOnPolls(
  backend: FakeEciImageCache,
  steps: Array<Partial<ReturnType<typeof cacheView>>>,
) {
  let step = 0;
  backend.onListCaches = entity => {
    const caches = entity.caches!;
    const latest = caches[caches.length - 1];
    if (step < steps.length) {
      caches[caches.length - 1] = { ...latest, ...steps[step++] };
    }
  };
}

describe('eci:imagecache:ensure', () => {
  it("creates the cache as the task's initiator", async () => {
    const { run, backend } = setup();
    const ctx = await run(
      { entityRef: REF },
      { credentials: mockCredentials.user('user:default/owner') },
    );
    expect(backend.callsOf('createCache')).toEqual([
      {
        method: 'createCache',
        args: [REF, { cluster: 'ack-hangzhou' }],
        user: 'user:default/owner',
      },
    ]);
    expect(ctx.outputs).toEqual({
      cacheName: 'ml-trainer-new1',
      imageCacheId: '',
      phase: 'Preparing',
      cluster: 'ack-hangzhou',
      outcome: 'created',
    });
  });

  it('reads null optional fields as not set', async () => {
    const { run, backend } = setup();
    await run({
      entityRef: REF,
      images: null,
      cluster: null,
      waitForReady: null,
      timeoutSeconds: null,
    });
    expect(backend.callsOf('createCache')[0].args[1]).toEqual({
      cluster: 'ack-hangzhou',
    });
  });

  it('creates a cache of an inline image list on a named cluster', async () => {
    const { run, backend } = setup();
    const images = ['nginx:1.27', 'redis:7.4'];
    const ctx = await run({ entityRef: REF, images, cluster: 'ack-beijing' });
    expect(backend.callsOf('createCache')[0].args[1]).toEqual({
      cluster: 'ack-beijing',
      images,
    });
    expect(ctx.outputs.cluster).toBe('ack-beijing');
  });

  it('adopts the existing cache instead of creating a second one', async () => {
    const { run, backend } = setup({
      caches: [
        cacheView({
          name: 'ml-trainer-abc',
          images: IMAGES,
          imageCacheId: 'imc-abc',
        }),
      ],
    });
    const ctx = await run({ entityRef: REF, waitForReady: true });
    expect(backend.callsOf('createCache')).toEqual([]);
    expect(ctx.outputs).toMatchObject({
      cacheName: 'ml-trainer-abc',
      imageCacheId: 'imc-abc',
      phase: 'Ready',
      outcome: 'adopted',
    });
  });

  it('does not adopt a Failed cache, or one of other images', async () => {
    const { run, backend } = setup({
      caches: [
        cacheView({ name: 'failed', images: IMAGES, phase: 'Failed' }),
        cacheView({ name: 'other', images: ['nginx:1.27'] }),
      ],
    });
    await run({ entityRef: REF });
    expect(backend.callsOf('createCache')).toHaveLength(1);
  });

  it('waits until Ready, logging progress to the task log', async () => {
    const { run, backend } = setup();
    progressOnPolls(backend, [
      { phase: 'Creating', progress: '10%' },
      { phase: 'Creating', progress: '10%' },
      { phase: 'Creating', progress: '60%' },
      {
        phase: 'Ready',
        progress: '100%',
        imageCacheId: 'imc-fresh01',
        usable: true,
      },
    ]);
    const ctx = await run({
      entityRef: REF,
      waitForReady: true,
      timeoutSeconds: 30,
    });
    expect(ctx.outputs).toMatchObject({
      imageCacheId: 'imc-fresh01',
      phase: 'Ready',
      outcome: 'created',
    });
    const logged = ctx.logger.info.mock.calls.map(call => call[0]);
    expect(logged).toEqual([
      'ImageCache ml-trainer-new1 of component:default/ml-trainer on cluster ack-hangzhou: created',
      'ImageCache ml-trainer-new1 on cluster ack-hangzhou: Creating 10%',
      'ImageCache ml-trainer-new1 on cluster ack-hangzhou: Creating 60%',
      'ImageCache ml-trainer-new1 on cluster ack-hangzhou: Ready 100%',
    ]);
  });

  it("fails with ECI's reason when the cache fails", async () => {
    const { run, backend } = setup();
    progressOnPolls(backend, [
      {
        phase: 'Failed',
        events: [
          {
            type: 'Warning',
            reason: 'PullFailed',
            message: 'Failed to pull image "python:3.12-slim": unauthorized',
          },
        ],
      },
    ]);
    await expect(run({ entityRef: REF, waitForReady: true })).rejects.toThrow(
      /ImageCache ml-trainer-new1 on cluster ack-hangzhou is Failed: Failed to pull image "python:3\.12-slim": unauthorized/,
    );
  });

  it('times out with the last state', async () => {
    const { run, backend } = setup();
    progressOnPolls(backend, [{ phase: 'Creating', progress: '20%' }]);
    await expect(
      run({ entityRef: REF, waitForReady: true, timeoutSeconds: 1 }),
    ).rejects.toThrow(
      /Timed out after 1 s waiting for ImageCache ml-trainer-new1 on cluster ack-hangzhou to become Ready \(last state: Creating 20%\)/,
    );
  });

  it('stops waiting when the task is cancelled', async () => {
    const { run, backend } = setup();
    const controller = new AbortController();
    backend.onListCaches = () => controller.abort();
    await expect(
      run(
        { entityRef: REF, waitForReady: true },
        { signal: controller.signal },
      ),
    ).rejects.toThrow(/cancelled/);
  });

  it('is idempotent under task recovery: the stored result is reused', async () => {
    const { run, backend } = setup();
    const checkpointState = new Map<string, JsonValue>();
    const first = await run({ entityRef: REF }, { checkpointState });
    // The recovered step may run before the informer shows the new cache; it must not create another.
    backend.entities.get(REF)!.caches = [];
    const second = await run({ entityRef: REF }, { checkpointState });
    expect(backend.callsOf('createCache')).toHaveLength(1);
    expect(second.outputs.cacheName).toBe(first.outputs.cacheName);
    expect(second.outputs.outcome).toBe('created');
  });

  it('writes nothing in a dry run', async () => {
    const { run, backend } = setup();
    const ctx = await run({ entityRef: REF }, { isDryRun: true });
    expect(backend.callsOf('createCache')).toEqual([]);
    expect(ctx.outputs).toEqual({
      cacheName: '',
      imageCacheId: '',
      phase: 'NotCreated',
      cluster: 'ack-hangzhou',
      outcome: 'dry-run',
    });
    const adopted = setup({
      caches: [cacheView({ name: 'ml-trainer-abc', images: IMAGES })],
    });
    const dry = await adopted.run({ entityRef: REF }, { isDryRun: true });
    expect(dry.outputs).toMatchObject({
      cacheName: 'ml-trainer-abc',
      phase: 'Ready',
      outcome: 'dry-run',
    });
  });

  it('refuses callers without eci.imagecache.create, also in a dry run', async () => {
    const { run, backend } = setup({
      permissions: { create: false, delete: false, updateAcr: false },
    });
    for (const isDryRun of [false, true]) {
      await expect(
        run(
          { entityRef: REF },
          { isDryRun, credentials: mockCredentials.user('user:default/guest') },
        ),
      ).rejects.toThrow(
        /user:default\/guest may not create image caches for component:default\/ml-trainer \(eci\.imagecache\.create\)/,
      );
    }
    expect(backend.callsOf('createCache')).toEqual([]);
  });

  it('explains that only manual entities have a managed cache', async () => {
    const { run, backend } = setup({ cacheMode: 'auto' });
    await expect(run({ entityRef: REF })).rejects.toThrow(
      /uses cache mode "auto", so it has no managed cache/,
    );
    expect(backend.callsOf('createCache')).toEqual([]);
  });

  it.each<[string, JsonObject, RegExp]>([
    [
      'a malformed entity ref',
      { entityRef: 'ml-trainer' },
      /`entityRef`: "ml-trainer" is not a full entity reference/,
    ],
    [
      'an unknown entity',
      { entityRef: 'component:default/nope' },
      /`entityRef`: component:default\/nope was not found/,
    ],
    [
      'a bad image',
      { entityRef: REF, images: ['nginx:1.27', 'UPPER CASE'] },
      /`images`: "UPPER CASE"/,
    ],
    [
      'an unknown cluster',
      { entityRef: REF, cluster: 'ack-mars' },
      /`cluster`: "ack-mars" is not a configured cluster/,
    ],
    [
      'a timeout out of range',
      { entityRef: REF, timeoutSeconds: 7200 },
      /`timeoutSeconds`: Number must be less than or equal to 3600/,
    ],
  ])(
    'rejects %s, naming the field, before creating anything',
    async (_, input, message) => {
      const { run, backend } = setup();
      await expect(run(input)).rejects.toThrow(message);
      expect(backend.callsOf('createCache')).toEqual([]);
    },
  );
});
