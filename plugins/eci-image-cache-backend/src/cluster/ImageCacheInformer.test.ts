import { mockServices } from '@backstage/backend-test-utils';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { ImageCacheApi } from './ImageCacheApi';
import { ImageCacheInformer } from './ImageCacheInformer';
import { kubeConfigForCluster } from './kubeConfig';
import { WriteRateLimiter } from './WriteRateLimiter';

async function waitFor(check: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

describe('ImageCacheInformer against the emulator', () => {
  let emulator: RunningEmulator;
  let informer: ImageCacheInformer;

  function create(name: string) {
    const type = emulator.store.registry.byGroupResource('eci.alibabacloud.com', 'imagecaches');
    emulator.store.create(type, {
      apiVersion: 'eci.alibabacloud.com/v1',
      kind: 'ImageCache',
      metadata: { name },
      spec: { images: ['nginx:1.25.3'] },
    } as any);
  }

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, manualClock: true, controllers: false });
    for (let i = 0; i < 7; i++) create(`seed-${i}`);
    const api = new ImageCacheApi(
      'hz',
      kubeConfigForCluster({
        name: 'hz',
        region: 'cn-hangzhou',
        authProvider: 'serviceAccount',
        connection: {
          endpoint: { server: emulator.url, skipTLSVerify: true },
          user: { token: emulator.tokens.backstage },
        },
        allowUnlistedAcrInstances: true,
        defaultNamespace: 'argo',
        isDefault: true,
      }),
      new WriteRateLimiter(120),
      2_000,
    );
    informer = new ImageCacheInformer(api, mockServices.logger.mock(), {
      pageSize: 3,
      initialBackoffMs: 20,
      maxBackoffMs: 100,
    });
  });

  afterEach(async () => {
    await informer.stop();
    await emulator.stop();
  });

  it('lists in pages, then follows changes on the watch', async () => {
    informer.start();
    await waitFor(() => informer.state.state === 'synced', 'sync');
    expect(informer.index.size).toBe(7);
    expect(emulator.stats.snapshot().byVerb.list).toBe(3);
    create('added');
    await waitFor(() => informer.index.get('added') !== undefined, 'the watch event');
  });

  it('resumes from the last resourceVersion after the stream ends, and lists again on 410 Gone', async () => {
    informer.start();
    await waitFor(() => informer.state.state === 'synced', 'sync');
    const lists = () => emulator.stats.snapshot().byVerb.list ?? 0;
    const listsBefore = lists();

    emulator.dropWatches();
    create('while-reconnecting');
    await waitFor(() => informer.index.get('while-reconnecting') !== undefined, 'the resumed watch');
    expect(lists()).toBe(listsBefore);

    // Keep the informer away while the history it would resume from is compacted.
    emulator.faults.set({ unreachable: true });
    emulator.dropWatches();
    await waitFor(() => informer.state.state === 'error', 'the disconnect');
    create('after-compaction');
    emulator.compact();
    emulator.faults.set({});
    await waitFor(() => informer.index.get('after-compaction') !== undefined, 'the relist');
    expect(lists()).toBeGreaterThan(listsBefore);
    expect(informer.index.size).toBe(9);
  });

  it('reports the error while the cluster is unreachable and recovers with backoff', async () => {
    informer.start();
    await waitFor(() => informer.state.state === 'synced', 'sync');
    emulator.faults.set({ unreachable: true });
    emulator.dropWatches();
    await waitFor(() => informer.state.state === 'error', 'the error state');
    expect(informer.state.message).toMatch(/^Cluster "hz": watching ImageCaches failed: /);
    // Cached data stays readable while the cluster is away.
    expect(informer.index.size).toBe(7);
    emulator.faults.set({});
    await waitFor(() => informer.state.state === 'synced', 'recovery');
  });
});
