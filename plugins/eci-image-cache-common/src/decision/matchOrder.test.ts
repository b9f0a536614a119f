import type { CacheRole } from '../api/types';
import { decideCache } from './cacheDecision';
import { listedOtherCaches, MAX_LISTED_OTHER_CACHES } from './matchOrder';
import { ObservedCache } from './observedCache';

const NOW = new Date('2026-06-01T12:00:00Z');
const IMAGES = [
  'registry.example.com/ml/trainer:1.4',
  'redis:7',
  'python:3.12-slim',
];

/** A small deterministic generator, so a failure names a reproducible seed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function someCaches(
  seed: number,
  count: number,
  roles: CacheRole[],
): ObservedCache[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) =>
    values[Math.floor(next() * values.length)];
  return Array.from({ length: count }, (_, i) => {
    const images = IMAGES.filter(() => next() < 0.6);
    return {
      name: `cache-${seed}-${i}`,
      role: pick(roles),
      phase: pick(['Ready', 'Ready', 'Ready', 'Creating', 'Failed'] as const),
      imageCacheId: next() < 0.9 ? `imc-${seed}x${i}abcdefgh` : null,
      images: images.length > 0 ? images : [pick(IMAGES)],
      expireDateTime:
        next() < 0.8 ? '2026-07-01T00:00:00Z' : '2026-05-01T00:00:00Z',
      deleting: next() < 0.1,
      creationTimestamp: new Date(
        Date.UTC(2026, 4, 1 + Math.floor(next() * 30)),
      ).toISOString(),
    };
  });
}

function decided(caches: ObservedCache[], entityCacheMode: 'manual' | 'auto') {
  const decision = decideCache({
    entityRef: 'component:default/ml-trainer',
    entityCacheMode,
    cluster: { name: 'hz', caches },
    images: IMAGES,
    now: NOW,
  });
  return {
    cacheMode: decision.cacheMode,
    pinned: decision.pinned?.name ?? null,
    unpinnedReason: decision.unpinnedReason,
    eci: { ...decision.eci, cache: decision.eci.cache?.name ?? null },
    problems: decision.problems,
    notes: decision.notes,
  };
}

describe('listedOtherCaches', () => {
  it('keeps the caches holding every image (up to the limit) and the best partial match', () => {
    const others = someCaches(7, 500, ['unmanaged', 'other']);
    const full = others.filter(cache =>
      IMAGES.every(image => cache.images.includes(image)),
    );
    expect(full.length).toBeGreaterThan(MAX_LISTED_OTHER_CACHES);
    const { listed, omitted } = listedOtherCaches(others, IMAGES, NOW);
    expect(listed).toHaveLength(MAX_LISTED_OTHER_CACHES + 1);
    expect(listed.slice(0, -1).every(cache => full.includes(cache))).toBe(true);
    expect(full).not.toContain(listed[listed.length - 1]);
    expect(omitted).toBe(500 - listed.length);

    const fewer = listedOtherCaches(full.slice(0, 5), IMAGES, NOW);
    expect(fewer).toEqual({
      listed: expect.arrayContaining(full.slice(0, 5)),
      omitted: 0,
    });
  });

  it('lists one of many caches that share only a base image', () => {
    const base = someCaches(11, 300, ['other']).map(cache => ({
      ...cache,
      images: ['python:3.12-slim'],
    }));
    const { listed, omitted } = listedOtherCaches(base, IMAGES, NOW);
    expect(listed).toHaveLength(1);
    expect(omitted).toBe(299);
  });

  it('keeps a pinnable unmanaged cache ahead of newer caches of other entities', () => {
    const others = someCaches(3, 30, ['other']).map((cache, i) => ({
      ...cache,
      phase: 'Ready' as const,
      imageCacheId: `imc-other${i}abcdefgh`,
      images: IMAGES,
      expireDateTime: '2026-07-01T00:00:00Z',
      deleting: false,
      creationTimestamp: '2026-05-30T00:00:00Z',
    }));
    const unmanaged = {
      ...others[0],
      name: 'unmanaged-old',
      role: 'unmanaged' as const,
      creationTimestamp: '2026-05-01T00:00:00Z',
    };
    const { listed } = listedOtherCaches([...others, unmanaged], IMAGES, NOW);
    expect(listed[0].name).toBe('unmanaged-old');
    expect(decided(listed, 'manual').pinned).toBe('unmanaged-old');
  });

  it.each(Array.from({ length: 40 }, (_, seed) => [seed + 1]))(
    'decides the pinned cache and the ECI prediction over the listed caches as over all of them (seed %i)',
    seed => {
      const own = someCaches(seed * 1000, seed % 3, [
        'active',
        'previous',
        'orphan',
      ]);
      const others = someCaches(seed, 200, ['unmanaged', 'other']);
      const { listed } = listedOtherCaches(others, IMAGES, NOW);
      for (const mode of ['manual', 'auto'] as const) {
        expect(decided([...own, ...listed], mode)).toEqual(
          decided([...own, ...others], mode),
        );
      }
    },
  );
});
