import {
  CACHE_STATES,
  commonDecision,
} from '../../__testUtils__/decisionStates';
import {
  buildingCache,
  cacheView,
  clusterView,
  entityState,
  FIXTURES_NOW,
  stateWithCaches,
  unreachableCluster,
} from '../../__testUtils__/fixtures';
import { cacheChoices, pinProblem } from './cacheChoices';

function offered(state = entityState()) {
  const choices = cacheChoices(state, undefined, FIXTURES_NOW);
  return choices.status === 'ready'
    ? choices.caches.map(cache => cache.imageCacheId)
    : [];
}

describe('cacheChoices', () => {
  it.each(CACHE_STATES)(
    "offers on %s exactly what common's pin rule allows, best first",
    (_, state) => {
      const pinned = commonDecision(state, { cacheMode: 'pinned' });
      const ids = offered(state);
      expect(ids[0] ?? null).toBe(pinned.imageCacheId);
      for (const cache of state.clusters[0].caches) {
        const problem = cache.imageCacheId
          ? pinProblem(state, undefined, cache.imageCacheId, FIXTURES_NOW)
          : 'no id';
        expect(ids.includes(cache.imageCacheId)).toBe(problem === undefined);
      }
    },
  );

  it('offers the Ready previous cache while the active one is Creating', () => {
    const [, state] = CACHE_STATES.find(([name]) =>
      name.startsWith('a Creating active'),
    )!;
    expect(offered(state)).toEqual(['imc-2ze0previous0001']);
  });

  it.each([
    ['an expired cache', /expired on/],
    ['a cache being deleted', /is being deleted/],
    [
      'a cache of other images',
      /lacks acr-en-hangzhou-registry.*trainer:1.4.2/,
    ],
  ])('refuses %s and says why', (name, why) => {
    const [, state] = CACHE_STATES.find(([label]) => label === name)!;
    expect(offered(state)).toEqual([]);
    expect(
      pinProblem(state, undefined, 'imc-2ze0abc123def456', FIXTURES_NOW),
    ).toMatch(why);
    const choices = cacheChoices(state, undefined, FIXTURES_NOW);
    expect(choices).toMatchObject({
      status: 'none-pinnable',
      reason: expect.stringMatching(why),
    });
  });

  it("uses the entity's target cluster, or else its configured cluster", () => {
    expect(cacheChoices(entityState(), undefined, FIXTURES_NOW)).toMatchObject({
      status: 'ready',
      cluster: { name: 'ack-hangzhou' },
    });
    const untargeted = entityState({
      clusters: [
        clusterView({ name: 'ack-shanghai', target: false }),
        clusterView({ target: false }),
      ],
    });
    expect(cacheChoices(untargeted, undefined, FIXTURES_NOW)).toMatchObject({
      cluster: { name: 'ack-hangzhou' },
    });
  });

  it('prefers pinnable caches over a cluster error, and a cluster error over "none pinnable"', () => {
    const readable = stateWithCaches([buildingCache()]);
    expect(cacheChoices(readable, undefined, FIXTURES_NOW).status).toBe(
      'none-pinnable',
    );
    const failing = stateWithCaches([buildingCache()]);
    failing.clusters[0].error = unreachableCluster('ack-hangzhou').error;
    expect(cacheChoices(failing, undefined, FIXTURES_NOW).status).toBe(
      'unreachable',
    );
    failing.clusters[0].caches.push(cacheView({ name: 'ready-one' }));
    expect(cacheChoices(failing, undefined, FIXTURES_NOW)).toMatchObject({
      status: 'ready',
      caches: [{ name: 'ready-one' }],
    });
  });
});

describe('pinProblem', () => {
  it('is undefined for a pinnable cache of the cluster', () => {
    expect(
      pinProblem(
        entityState(),
        'ack-hangzhou',
        'imc-2ze0abc123def456',
        FIXTURES_NOW,
      ),
    ).toBeUndefined();
  });

  it('says the cache cannot be checked when its cluster cannot be read', () => {
    const state = entityState({
      clusters: [clusterView(), unreachableCluster()],
    });
    expect(
      pinProblem(state, 'ack-shanghai', 'imc-2ze0abc123def456', FIXTURES_NOW),
    ).toBe(
      'Cache imc-2ze0abc123def456 cannot be checked: Cluster ack-shanghai is unreachable: connect ETIMEDOUT',
    );
  });
});
