import { summarizeRuns } from './summarizeRuns';

const A = 'example.com/a:1';
const B = 'example.com/b:1';

describe('summarizeRuns', () => {
  it('compares hits with misses of the same images only', () => {
    const summary = summarizeRuns([
      {
        cacheOutcome: 'hit',
        pulls: [
          { image: A, durationMs: 1_000 },
          { image: B, durationMs: 500 },
        ],
      },
      { cacheOutcome: 'hit', pulls: [{ image: A, durationMs: 2_000 }] },
      { cacheOutcome: 'missed', pulls: [{ image: A, durationMs: 30_000 }] },
      {
        cacheOutcome: 'auto-created',
        pulls: [
          { image: A, durationMs: 20_000 },
          { image: A, durationMs: null },
        ],
      },
      { cacheOutcome: 'unknown', pulls: [{ image: B, durationMs: 90_000 }] },
    ]);
    // median miss of A = 25 s; hits of A saved 24 s + 23 s; B never missed
    expect(summary).toEqual({
      runs: 5,
      withCacheOutcome: 4,
      hits: 2,
      hitRate: 0.5,
      pullTimeSavedMs: 47_000,
      comparedImages: [A],
    });
  });

  it('has no rate and no saving without evidence', () => {
    expect(summarizeRuns([])).toMatchObject({
      hitRate: null,
      pullTimeSavedMs: null,
    });
    expect(
      summarizeRuns([
        { cacheOutcome: 'hit', pulls: [{ image: A, durationMs: 1 }] },
      ]).pullTimeSavedMs,
    ).toBeNull();
  });
});
