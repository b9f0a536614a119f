import {
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { EciImageCacheStore } from './EciImageCacheStore';
import { configuredDatabaseIds } from '../__testUtils__/databaseIds';

jest.setTimeout(60_000);


describe('EciImageCacheStore', () => {
  const databases = TestDatabases.create({ ids: configuredDatabaseIds() });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = await EciImageCacheStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'saves, replaces, lists and deletes settings with who and when, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.getSettings('component:default/a')).toBeUndefined();
      const at = new Date('2026-01-02T03:04:05.000Z');
      const saved = await store.saveSettings(
        'component:default/a',
        {
          cacheMode: 'manual',
          imageCacheSize: 40,
          imagePullSecrets: ['default:pull'],
        },
        'user:default/owner',
        at,
      );
      expect(saved).toEqual({
        settings: {
          cacheMode: 'manual',
          imageCacheSize: 40,
          imagePullSecrets: ['default:pull'],
        },
        updatedBy: 'user:default/owner',
        updatedAt: at.toISOString(),
      });
      expect(await store.getSettings('component:default/a')).toEqual(saved);

      const later = new Date('2026-02-01T00:00:00.000Z');
      await store.saveSettings(
        'component:default/a',
        { acrInstance: 'cn-shanghai:cri-abc', retentionDays: 7 },
        'user:default/admin',
        later,
      );
      await store.saveSettings(
        'component:default/b',
        { cacheMode: 'off' },
        'svc',
        later,
      );
      const all = await store.listSettings();
      expect(all.get('component:default/a')).toEqual({
        settings: { acrInstance: 'cn-shanghai:cri-abc', retentionDays: 7 },
        updatedBy: 'user:default/admin',
        updatedAt: later.toISOString(),
      });
      expect(all.size).toBe(2);
      expect(await store.deleteSettings('component:default/a')).toBe(true);
      expect(await store.deleteSettings('component:default/a')).toBe(false);
      expect(await store.getSettings('component:default/a')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'records history once per event, newest first, and lets a later record replace the message, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const base = {
        entityRef: 'component:default/a',
        cluster: 'hangzhou',
        cacheName: 'a-123',
      };
      await store.addHistory({
        ...base,
        action: 'created',
        occurredAt: new Date('2026-01-01T00:00:00Z'),
        dedupeKey: 'hangzhou/uid-1/created',
      });
      // Another replica sees the same transition.
      await store.addHistory({
        ...base,
        action: 'ready',
        imageCacheId: 'imc-1',
        occurredAt: new Date('2026-01-01T00:05:00Z'),
        dedupeKey: 'hangzhou/uid-1/ready',
      });
      await store.addHistory({
        ...base,
        action: 'ready',
        imageCacheId: 'imc-1',
        occurredAt: new Date('2026-01-01T00:05:01Z'),
        dedupeKey: 'hangzhou/uid-1/ready',
      });
      // The watch records a deletion, then the reconciler says why.
      await store.addHistory({
        ...base,
        action: 'deleted',
        message: 'the ImageCache was deleted',
        occurredAt: new Date('2026-01-02T00:00:00Z'),
        dedupeKey: 'hangzhou/uid-1/deleted',
      });
      await store.addHistory(
        {
          ...base,
          action: 'deleted',
          message: 'rotated out',
          actor: 'user:default/owner',
          occurredAt: new Date('2026-01-02T00:00:01Z'),
          dedupeKey: 'hangzhou/uid-1/deleted',
        },
        { replace: true },
      );
      await store.addHistory({
        ...base,
        entityRef: 'component:default/other',
        action: 'created',
      });

      const history = await store.listHistory('component:default/a');
      expect(history.map(h => [h.action, h.message, h.actor])).toEqual([
        ['deleted', 'rotated out', 'user:default/owner'],
        ['ready', null, null],
        ['created', null, null],
      ]);
      expect(history[1]).toMatchObject({
        cluster: 'hangzhou',
        cacheName: 'a-123',
        imageCacheId: 'imc-1',
        occurredAt: '2026-01-01T00:05:00.000Z',
      });
      expect(await store.listHistory('component:default/a', 1)).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps retry plans, orphan marks (first sighting wins) and revisions, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const next = new Date('2026-01-01T00:01:00Z');
      await store.saveRetry({
        cluster: 'hangzhou',
        cacheName: 'a-1',
        entityRef: 'component:default/a',
        attempts: 0,
        failedUid: 'uid-1',
        nextAttemptAt: next,
      });
      await store.saveRetry({
        cluster: 'hangzhou',
        cacheName: 'a-1',
        entityRef: 'component:default/a',
        attempts: 1,
        failedUid: 'uid-1',
        nextAttemptAt: next,
      });
      expect(await store.listRetries()).toEqual([
        {
          cluster: 'hangzhou',
          cacheName: 'a-1',
          entityRef: 'component:default/a',
          attempts: 1,
          failedUid: 'uid-1',
          nextAttemptAt: next,
        },
      ]);
      expect(await store.listRetries('component:default/other')).toEqual([]);
      await store.clearRetry('hangzhou', 'a-1');
      expect(await store.listRetries()).toEqual([]);

      const first = new Date('2026-01-01T00:00:00Z');
      const mark = {
        cluster: 'hangzhou',
        cacheName: 'a-1',
        entityRef: 'component:default/a',
        reason: 'cache mode is "auto"',
        firstSeenAt: first,
      };
      await store.markOrphan(mark);
      await store.markOrphan({
        ...mark,
        firstSeenAt: new Date('2026-01-05T00:00:00Z'),
      });
      expect(await store.listOrphanMarks('component:default/a')).toEqual([
        mark,
      ]);
      await store.clearOrphanMark('hangzhou', 'a-1');
      expect(await store.listOrphanMarks()).toEqual([]);

      expect(await store.getRevision('component:default/a', 'hangzhou')).toBe(
        0,
      );
      await store.setRevision('component:default/a', 'hangzhou', 2);
      await store.setRevision('component:default/a', 'hangzhou', 3);
      expect(await store.getRevision('component:default/a', 'hangzhou')).toBe(
        3,
      );
      expect(await store.listRevisions()).toEqual(
        new Map([['hangzhou\ncomponent:default/a', 3]]),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'gives the reconciler lease to one holder at a time, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const now = 1_000_000;
      expect(await store.tryAcquireLease('reconciler', 'a', 60_000, now)).toBe(true);
      expect(await store.tryAcquireLease('reconciler', 'b', 60_000, now + 1)).toBe(false);
      // The holder renews; another takes it once it expired or was released.
      expect(await store.tryAcquireLease('reconciler', 'a', 60_000, now + 2)).toBe(true);
      expect(await store.tryAcquireLease('reconciler', 'b', 60_000, now + 60_003)).toBe(true);
      await store.releaseLease('reconciler', 'a');
      expect(await store.tryAcquireLease('reconciler', 'a', 60_000, now + 60_004)).toBe(false);
      await store.releaseLease('reconciler', 'b');
      expect(await store.tryAcquireLease('reconciler', 'a', 60_000, now + 60_005)).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a command\'s intent with its revision, serialising concurrent commands, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const cache = (revision: number) => ({
        apiVersion: 'eci.alibabacloud.com/v1' as const,
        kind: 'ImageCache' as const,
        metadata: { name: `a-${revision}` },
        spec: { images: ['nginx:1.25.3'] },
      });
      // Ten concurrent commands each take the next revision only if nobody else did.
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.recordIntent('component:default/a', 'hangzhou', current =>
            current.intent
              ? { result: 'found' }
              : {
                  result: 'recorded',
                  record: {
                    entityRef: 'component:default/a',
                    cluster: 'hangzhou',
                    revision: current.revision + 1,
                    cache: cache(current.revision + 1),
                    baseKey: 'base',
                    requestedBy: 'user:default/owner',
                    requestedAt: new Date('2026-12-05T10:00:00Z'),
                  },
                },
          ),
        ),
      );
      expect(results.filter(result => result === 'recorded')).toHaveLength(1);
      const intents = await store.listIntents();
      expect(intents.get('hangzhou\ncomponent:default/a')).toMatchObject({
        revision: 1,
        cache: cache(1),
        requestedBy: 'user:default/owner',
        requestedAt: new Date('2026-12-05T10:00:00Z'),
      });
    },
  );
});
