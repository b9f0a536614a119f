import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from './__testUtils__/FakeCatalog';
import { startTestEciBackend, waitFor } from './__testUtils__/startTestEciBackend';

const IMAGES = 'alibabacloud.com/eci-images';
const MODE = 'alibabacloud.com/eci-image-cache';
const CLUSTER = 'alibabacloud.com/eci-cluster';

function cacheCount(emulator: RunningEmulator): number {
  const type = emulator.store.registry.byGroupResource('eci.alibabacloud.com', 'imagecaches');
  return emulator.store.list(type).items.length;
}

describe('one cluster failing never fails another', () => {
  let hangzhou: RunningEmulator;
  let shanghai: RunningEmulator;

  beforeEach(async () => {
    hangzhou = await startEmulator({ port: 0, manualClock: true, startTime: Date.now() });
    shanghai = await startEmulator({
      port: 0,
      manualClock: true,
      startTime: Date.now(),
      region: 'cn-shanghai',
    });
  });

  afterEach(async () => {
    await hangzhou.stop();
    await shanghai.stop();
  });

  it('keeps serving and reconciling the healthy cluster while the other is down', async () => {
    const t = await startTestEciBackend({
      clusters: [
        { name: 'hangzhou', emulator: hangzhou },
        { name: 'shanghai', emulator: shanghai, region: 'cn-shanghai' },
      ],
      entities: [
        component('web', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' }),
        component('etl', { [IMAGES]: 'busybox:1.36', [MODE]: 'manual', [CLUSTER]: 'shanghai' }),
      ],
    });
    await t.waitForSync();

    shanghai.faults.set({ unreachable: true });
    shanghai.dropWatches();
    const down = await waitFor(async () => {
      const res = await t.get('/entities/component/default/web');
      const cluster = res.body.clusters?.find((c: any) => c.name === 'shanghai');
      return cluster?.sync.state === 'error' ? res.body : undefined;
    }, 'shanghai to be reported down');
    expect(down.errors).toEqual([
      expect.objectContaining({
        cluster: 'shanghai',
        statusCode: 503,
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/^Cluster "shanghai": watching ImageCaches failed: /),
      }),
    ]);
    const healthy = down.clusters.find((c: any) => c.name === 'hangzhou');
    expect(healthy).toMatchObject({ sync: { state: 'synced' }, error: null, target: true });

    await t.reconcile();
    await waitFor(() => cacheCount(hangzhou) === 1, 'the hangzhou cache');
    expect(cacheCount(shanghai)).toBe(0);

    const refused = await t.post('/entities/component/default/etl/caches', {});
    expect(refused.status).toBe(503);
    expect(refused.body.error.message).toMatch(/Cluster "shanghai"/);

    const clusters = await t.get('/clusters');
    expect(clusters.body.items.map((c: any) => [c.name, c.sync.state])).toEqual([
      ['hangzhou', 'synced'],
      ['shanghai', 'error'],
    ]);

    // When it comes back, the watch resumes and the reconciler catches up.
    shanghai.faults.set({});
    await t.waitForSync(['shanghai']);
    await t.reconcile();
    await waitFor(() => cacheCount(shanghai) === 1, 'the shanghai cache');
  });

  it('reports a cluster that rejects the credentials as 502, never as 401/403', async () => {
    const t = await startTestEciBackend({
      clusters: [
        { name: 'hangzhou', emulator: hangzhou },
        { name: 'shanghai', emulator: shanghai, region: 'cn-shanghai', token: 'wrong-token' },
      ],
      entities: [
        component('etl', { [IMAGES]: 'busybox:1.36', [MODE]: 'manual', [CLUSTER]: 'shanghai' }),
      ],
    });
    await t.waitForSync(['hangzhou']);
    const state = await waitFor(async () => {
      const res = await t.get('/entities/component/default/etl');
      return res.body.errors?.length ? res.body : undefined;
    }, 'the credentials error');
    expect(state.errors[0]).toMatchObject({
      cluster: 'shanghai',
      statusCode: 502,
      name: 'ClusterCredentialsError',
      message: expect.stringMatching(/rejected the backend's credentials \(HTTP 401/),
    });
    const create = await t.post('/entities/component/default/etl/caches', {});
    expect(create.status).toBe(502);
    expect(create.body.error.message).toMatch(/Cluster "shanghai".*rejected the backend's credentials/);
  });
});
