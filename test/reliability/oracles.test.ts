import { buildImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import { TestCluster } from './harness/clusters';
import { putImageCache } from './harness/clusterObjects';
import { startClusters, stopClusters } from './harness/clusters';
import { checkConvergence, isConverged } from './harness/convergence';
import { DesiredCache } from './harness/fleet';
import { overlappingRuns } from './harness/overlap';
import { seedForeignCaches, touchedForeignCaches } from './harness/seeds';

/** The suite's checks must be able to fail: each one is shown a broken state here. */
describe('the oracles of the reliability suite', () => {
  let clusters: TestCluster[];

  beforeAll(async () => {
    clusters = await startClusters(1);
  });

  afterAll(async () => {
    await stopClusters(clusters);
  });

  it('finds overlapping runs of a task on different replicas, and only those', () => {
    const run = (replica: string, startedAt: number, endedAt: number) => ({
      replica,
      taskId: 't',
      startedAt,
      endedAt,
    });
    expect(
      overlappingRuns(
        [run('a', 0, 10), run('b', 10, 20), run('a', 20, 30)],
        't',
      ),
    ).toEqual([]);
    expect(overlappingRuns([run('a', 0, 10), run('a', 5, 8)], 't')).toEqual([]);
    expect(overlappingRuns([run('a', 0, 10), run('b', 9, 20)], 't')).toEqual([
      'a [0, 10) and b [9, 20)',
    ]);
  });

  it('finds missing, duplicate and unwanted managed caches, and modified foreign ones', () => {
    const { emulator, name: cluster } = clusters[0];
    const wanted = buildImageCache({
      entityRef: 'component:default/a',
      images: ['nginx:1.25.3'],
      retentionDays: 30,
    });
    const desired = new Map<string, DesiredCache>([
      [
        'component:default/a',
        {
          entityRef: 'component:default/a',
          cluster,
          name: wanted.metadata.name,
          images: ['nginx:1.25.3'],
          imageCacheSize: 20,
          retentionDays: 30,
        },
      ],
    ]);
    expect(checkConvergence(clusters, desired)).toMatchObject({
      missing: [`${cluster}/${wanted.metadata.name}`],
    });
    putImageCache(emulator, wanted as never);
    expect(isConverged(checkConvergence(clusters, desired))).toBe(true);
    putImageCache(
      emulator,
      buildImageCache({
        entityRef: 'component:default/a',
        images: ['busybox:1.36'],
      }) as never,
    );
    expect(checkConvergence(clusters, desired)).toMatchObject({
      duplicates: ['component:default/a'],
      unwanted: [expect.stringMatching(/^ack-hangzhou\/a-/)],
    });

    const untouched = seedForeignCaches(clusters, []);
    expect(touchedForeignCaches(clusters, untouched)).toEqual([]);
    const type = emulator.store.registry.byGroupResource(
      'eci.alibabacloud.com',
      'imagecaches',
    );
    const victim = emulator.store.get(type, undefined, untouched[0].name)!;
    emulator.store.update(type, {
      ...victim.object,
      metadata: { ...victim.object.metadata, labels: { touched: 'yes' } },
    } as never);
    emulator.store.delete(type, undefined, untouched[1].name);
    expect(touchedForeignCaches(clusters, untouched)).toEqual([
      `${cluster}/${untouched[0].name}`,
      `${cluster}/${untouched[1].name}`,
    ]);
  });
});
