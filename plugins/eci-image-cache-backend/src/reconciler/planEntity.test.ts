import { buildImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import { observeImageCache } from '../cluster/ObservedImageCache';
import { LifecycleConfig } from '../config/pluginConfig';
import { OrphanMark, RetryState } from '../database/EciImageCacheStore';
import { DesiredState } from '../desired/desiredState';
import { cacheKey, planEntity, PlanInput } from './planEntity';

const ENTITY = 'component:default/web';
const NOW = new Date('2026-01-10T00:00:00Z');
const LIFECYCLE: LifecycleConfig = {
  retentionDays: 30,
  previousCachesKept: 1,
  orphanGracePeriodMs: 3_600_000,
  retryInitialBackoffMs: 60_000,
  retryMaxBackoffMs: 300_000,
  reconcileIntervalMs: 30_000,
  catalogChangeIntervalMs: 250,
  maxWritesPerMinute: 120,
};

function cache(
  images: string[],
  options: { cluster?: string; phase?: string; uid?: string; created?: string; revision?: number } = {},
) {
  const built = buildImageCache({ entityRef: ENTITY, images, revision: options.revision });
  return observeImageCache(options.cluster ?? 'hangzhou', {
    ...built,
    metadata: {
      ...built.metadata,
      uid: options.uid ?? `uid-${built.metadata.name}`,
      creationTimestamp: options.created ?? '2026-01-01T00:00:00Z',
    },
    status: options.phase ? { phase: options.phase, imageCacheId: 'imc-abc123' } : undefined,
  });
}

function wants(images: string[], cluster = 'hangzhou', revision = 0): DesiredState {
  return {
    kind: 'cache',
    cluster,
    cache: buildImageCache({ entityRef: ENTITY, images, revision }),
  };
}

function plan(overrides: Partial<PlanInput>) {
  return planEntity({
    entityRef: ENTITY,
    desired: wants(['nginx:1.25.3']),
    existing: [],
    retries: new Map(),
    orphanMarks: new Map(),
    lifecycle: LIFECYCLE,
    now: NOW,
    ...overrides,
  });
}

const summary = (actions: ReturnType<typeof planEntity>) =>
  actions.map(action => {
    switch (action.type) {
      case 'create':
        return `create ${action.cache.metadata.name}`;
      case 'delete':
      case 'retry':
        return `${action.type} ${action.target.name}`;
      case 'mark-orphan':
        return `mark-orphan ${action.mark.cacheName}`;
      case 'clear-orphan':
      case 'clear-retry':
        return `${action.type} ${action.cacheName}`;
      case 'schedule-retry':
        return `schedule-retry ${action.retry.cacheName} #${action.retry.attempts} at ${action.retry.nextAttemptAt.toISOString()}`;
      case 'record-rotation':
        return `record-rotation ${action.active.name} <- ${action.replaced.map(c => c.name).join(',')}`;
      default:
        return 'unknown';
    }
  });

describe('planEntity', () => {
  const active = cache(['nginx:1.25.3'], { phase: 'Ready', created: '2026-01-05T00:00:00Z' });
  const older = cache(['nginx:1.24'], { phase: 'Ready', created: '2026-01-03T00:00:00Z' });
  const oldest = cache(['nginx:1.23'], { phase: 'Ready', created: '2026-01-01T00:00:00Z' });

  it('does nothing at all for an entity whose configuration has problems', () => {
    expect(
      plan({ desired: { kind: 'unknown', reason: 'bad' }, existing: [active, older] }),
    ).toEqual([]);
  });

  it('creates the missing cache, and nothing when it exists', () => {
    expect(summary(plan({}))).toEqual([`create ${active.name}`]);
    expect(plan({ existing: [active] })).toEqual([]);
  });

  it('keeps predecessors while the new cache builds, then keeps only the configured number', () => {
    const building = cache(['nginx:1.25.3'], { phase: 'Creating', created: '2026-01-05T00:00:00Z' });
    expect(plan({ existing: [building, older, oldest] })).toEqual([]);
    expect(summary(plan({ existing: [active, older, oldest] }))).toEqual([
      `record-rotation ${active.name} <- ${older.name},${oldest.name}`,
      `delete ${oldest.name}`,
    ]);
    expect(
      summary(plan({ existing: [active, older], lifecycle: { ...LIFECYCLE, previousCachesKept: 0 } })),
    ).toEqual([`record-rotation ${active.name} <- ${older.name}`, `delete ${older.name}`]);
  });

  it('deletes failed predecessors at once', () => {
    const failedOld = cache(['nginx:1.24'], { phase: 'Failed' });
    expect(summary(plan({ existing: [failedOld] }))).toEqual([
      `create ${active.name}`,
      `delete ${failedOld.name}`,
    ]);
  });

  it('names a refreshed revision as the active cache', () => {
    const refreshed = cache(['nginx:1.25.3'], { revision: 1, phase: 'Ready', created: '2026-01-06T00:00:00Z' });
    expect(summary(plan({ desired: wants(['nginx:1.25.3'], 'hangzhou', 1), existing: [refreshed, active] }))).toEqual([
      `record-rotation ${refreshed.name} <- ${active.name}`,
    ]);
  });

  describe('failed caches', () => {
    const failed = cache(['nginx:1.25.3'], { phase: 'Failed', uid: 'uid-1' });
    const retry = (attempts: number, nextAttemptAt: Date, failedUid = 'uid-1'): Map<string, RetryState> =>
      new Map([
        [
          cacheKey('hangzhou', failed.name),
          { cluster: 'hangzhou', cacheName: failed.name, entityRef: ENTITY, attempts, failedUid, nextAttemptAt },
        ],
      ]);

    it('plans a retry after the initial backoff', () => {
      expect(summary(plan({ existing: [failed] }))).toEqual([
        `schedule-retry ${failed.name} #0 at 2026-01-10T00:01:00.000Z`,
      ]);
    });

    it('waits for the planned time, then retries', () => {
      expect(plan({ existing: [failed], retries: retry(0, new Date(NOW.getTime() + 1)) })).toEqual([]);
      expect(summary(plan({ existing: [failed], retries: retry(0, NOW) }))).toEqual([`retry ${failed.name}`]);
    });

    it('doubles the backoff for each new failure, up to the maximum', () => {
      expect(summary(plan({ existing: [failed], retries: retry(2, NOW, 'uid-0') }))).toEqual([
        `schedule-retry ${failed.name} #2 at 2026-01-10T00:04:00.000Z`,
      ]);
      expect(summary(plan({ existing: [failed], retries: retry(9, NOW, 'uid-0') }))).toEqual([
        `schedule-retry ${failed.name} #9 at 2026-01-10T00:05:00.000Z`,
      ]);
    });

    it('forgets the plan once the cache is Ready', () => {
      expect(summary(plan({ existing: [active], retries: retry(1, NOW) }))).toEqual([
        `clear-retry ${active.name}`,
      ]);
    });
  });

  describe('orphans', () => {
    const mark = (firstSeenAt: Date, name = active.name, cluster = 'hangzhou'): Map<string, OrphanMark> =>
      new Map([[cacheKey(cluster, name), { cluster, cacheName: name, entityRef: ENTITY, reason: 'r', firstSeenAt }]]);

    it('marks caches that are no longer wanted and deletes them after the grace period', () => {
      const none: DesiredState = { kind: 'none', reason: 'cache mode is "auto"' };
      expect(summary(plan({ desired: none, existing: [active] }))).toEqual([`mark-orphan ${active.name}`]);
      const early = new Date(NOW.getTime() - LIFECYCLE.orphanGracePeriodMs + 1);
      expect(plan({ desired: none, existing: [active], orphanMarks: mark(early) })).toEqual([]);
      const due = new Date(NOW.getTime() - LIFECYCLE.orphanGracePeriodMs);
      const actions = plan({ desired: none, existing: [active], orphanMarks: mark(due) });
      expect(summary(actions)).toEqual([`delete ${active.name}`]);
      expect(actions[0]).toMatchObject({ reason: expect.stringMatching(/grace period over/) });
    });

    it('treats caches on a cluster the entity left as orphans', () => {
      const elsewhere = cache(['nginx:1.25.3'], { cluster: 'shanghai', phase: 'Ready' });
      const actions = plan({ existing: [active, elsewhere] });
      expect(summary(actions)).toEqual([`mark-orphan ${elsewhere.name}`]);
      expect(actions[0]).toMatchObject({ mark: { reason: 'the entity now targets cluster "hangzhou"' } });
    });

    it('clears the mark of a cache that is wanted again', () => {
      expect(summary(plan({ existing: [active], orphanMarks: mark(NOW) }))).toEqual([
        `clear-orphan ${active.name}`,
      ]);
    });
  });
});
