import {
  buildingCache,
  cacheView,
  clusterView,
  entityState,
  stateWithCaches,
  unreachableCluster,
} from '../../__testUtils__/fixtures';
import { cacheChoices, isPinnable, pinProblem } from './cacheChoices';

describe('isPinnable', () => {
  it('takes only Ready caches with an id that are neither expired nor being deleted', () => {
    expect(
      [
        cacheView(),
        cacheView({ usable: false }),
        cacheView({ imageCacheId: null }),
        cacheView({ expired: true }),
        cacheView({ deleting: true }),
        buildingCache(),
      ].map(isPinnable),
    ).toEqual([true, false, false, false, false, false]);
  });
});

describe('cacheChoices', () => {
  it("uses the entity's target cluster, or else its configured cluster", () => {
    expect(cacheChoices(entityState(), undefined)).toMatchObject({
      status: 'ready',
      cluster: { name: 'ack-hangzhou' },
    });
    const untargeted = entityState({
      clusters: [
        clusterView({ name: 'ack-shanghai', target: false }),
        clusterView({ target: false }),
      ],
    });
    expect(cacheChoices(untargeted, undefined)).toMatchObject({
      cluster: { name: 'ack-hangzhou' },
    });
  });

  it('prefers Ready caches over a cluster error, and a cluster error over "none Ready"', () => {
    const readable = stateWithCaches([buildingCache()]);
    expect(cacheChoices(readable, undefined).status).toBe('none-ready');
    const failing = stateWithCaches([buildingCache()]);
    failing.clusters[0].error = unreachableCluster('ack-hangzhou').error;
    expect(cacheChoices(failing, undefined).status).toBe('unreachable');
    failing.clusters[0].caches.push(cacheView({ name: 'ready-one' }));
    expect(cacheChoices(failing, undefined)).toMatchObject({
      status: 'ready',
      caches: [{ name: 'ready-one' }],
    });
  });
});

describe('pinProblem', () => {
  it('is undefined for a Ready cache of the cluster', () => {
    expect(
      pinProblem(entityState(), 'ack-hangzhou', 'imc-2ze0abc123def456'),
    ).toBeUndefined();
  });

  it('says the cache cannot be checked when its cluster cannot be read', () => {
    const state = entityState({
      clusters: [clusterView(), unreachableCluster()],
    });
    expect(pinProblem(state, 'ack-shanghai', 'imc-2ze0abc123def456')).toBe(
      'Cache imc-2ze0abc123def456 cannot be checked: Cluster ack-shanghai is unreachable: connect ETIMEDOUT',
    );
  });
});
