import {
  BackstageCredentials,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import {
  EciImageCacheService,
  eciImageCacheServiceRef,
} from '@eci-portal/plugin-eci-image-cache-node';
import { normalizeEntityRef } from '@eci-portal/plugin-eci-image-cache-common';
import { component } from './__testUtils__/FakeCatalog';
import { GUEST, OWNER, startTestEciBackend } from './__testUtils__/startTestEciBackend';

/** Another plugin (as the scaffolder module would be) using the service ref's default factory. */
function probePlugin(onReady: (service: EciImageCacheService) => void) {
  return createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: { eciImageCache: eciImageCacheServiceRef },
        async init({ eciImageCache }) {
          onReady(eciImageCache);
        },
      });
    },
  });
}

describe('eciImageCacheServiceRef from another plugin', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, manualClock: true, startTime: Date.now() });
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it('reaches the running plugin over HTTP and acts as the original caller', async () => {
    let service: EciImageCacheService | undefined;
    const t = await startTestEciBackend({
      clusters: [{ name: 'hangzhou', emulator }],
      entities: [
        component('web', {
          'alibabacloud.com/eci-images': 'nginx:1.25.3',
          'alibabacloud.com/eci-image-cache': 'manual',
        }),
      ],
      features: [probePlugin(s => (service = s))],
    });
    await t.waitForSync();
    const owner: BackstageCredentials = mockCredentials.user(OWNER);
    const guest: BackstageCredentials = mockCredentials.user(GUEST);

    const clusters = await service!.listClusters({ credentials: guest });
    expect(clusters.items.map(c => c.name)).toEqual(['hangzhou']);
    const state = await service!.getEntityState(
      { kind: 'Component', namespace: 'default', name: 'web' },
      { credentials: guest },
    );
    expect(state.entityRef).toBe('component:default/web');
    expect(state.permissions.create).toBe(false);

    const denied = service!.createCache('component:default/web', {}, { credentials: guest });
    await expect(denied).rejects.toBeInstanceOf(NotAllowedError);
    await expect(denied).rejects.toThrow(/user:default\/guest may not create/);

    const created = await service!.createCache(
      'component:default/web',
      { retentionDays: 2 },
      { credentials: owner },
    );
    expect(created).toMatchObject({ outcome: 'created', cache: { retentionDays: 2 } });
    const workflow = await service!.getWorkflow(
      'component:default/web',
      { cacheMode: 'auto' },
      { credentials: guest },
    );
    expect(workflow.yaml).toContain('kind: Workflow');
    await expect(
      service!.getEntityState('component:default/missing', { credentials: guest }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      service!.createCache('component:default/web', { imageCacheSize: 1 }, { credentials: owner }),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/imageCacheSize/) });
    await service!.resetSettings('component:default/web', { credentials: owner });
    expect(t.audits.map(a => [a.eventId, a.outcome])).toEqual([
      ['cache-create', 'fail'],
      ['cache-create', 'success'],
      // The read of a missing entity is a refusal (404) too.
      ['request-refused', 'fail'],
      ['cache-create', 'fail'],
      ['settings-reset', 'success'],
    ]);
  });

  it('builds, for odd refs, the paths the router mounts, which read back as the same normalised ref', async () => {
    let service: EciImageCacheService | undefined;
    const t = await startTestEciBackend({
      clusters: [{ name: 'hangzhou', emulator }],
      entities: [
        component('ml-trainer', {
          'alibabacloud.com/eci-images': 'nginx:1.25.3',
          'alibabacloud.com/eci-image-cache': 'auto',
        }),
      ],
      features: [probePlugin(s => (service = s))],
    });
    await t.waitForSync();
    const options = { credentials: mockCredentials.user(GUEST) };
    for (const ref of [
      'Component:ML-Trainer',
      'COMPONENT:Default/ml-TRAINER',
      { kind: 'Component', namespace: 'DEFAULT', name: 'ML-Trainer' },
    ]) {
      expect((await service!.getEntityState(ref, options)).entityRef).toBe(normalizeEntityRef(ref));
      expect((await service!.getWorkflow(ref, {}, options)).yaml).toContain('eci.backstage.io/entity-hash');
    }
    // Characters that would change the route are encoded: the router reads one invalid name.
    await expect(
      service!.getEntityState({ kind: 'Component', namespace: 'default', name: 'ml-trainer/workflow' }, options),
    ).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/Invalid entity in the path/) });
  });
});
