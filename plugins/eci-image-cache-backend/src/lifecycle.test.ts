import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from './__testUtils__/FakeCatalog';
import {
  startTestEciBackend,
  waitFor,
} from './__testUtils__/startTestEciBackend';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const IMAGES = 'alibabacloud.com/eci-images';
const MODE = 'alibabacloud.com/eci-image-cache';
const RETENTION = 'alibabacloud.com/eci-image-cache-retention-days';
const TRAINER = 'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2';

function allCaches(emulator: RunningEmulator): any[] {
  const type = emulator.store.registry.byGroupResource(
    'eci.alibabacloud.com',
    'imagecaches',
  );
  return emulator.store.list(type).items.map(stored => stored.object as any);
}

function managedCaches(emulator: RunningEmulator): any[] {
  return allCaches(emulator).filter(
    cache =>
      cache.metadata.labels?.['app.kubernetes.io/managed-by'] ===
      'backstage-eci-image-cache',
  );
}

function createRaw(emulator: RunningEmulator, object: Record<string, unknown>) {
  const type = emulator.store.registry.byGroupResource(
    'eci.alibabacloud.com',
    'imagecaches',
  );
  emulator.store.create(type, {
    apiVersion: 'eci.alibabacloud.com/v1',
    kind: 'ImageCache',
    ...object,
  } as any);
}

type Backend = Awaited<ReturnType<typeof startTestEciBackend>>;

async function entityState(t: Backend, name: string) {
  const res = await t.get(`/entities/component/default/${name}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function waitForCache(
  t: Backend,
  name: string,
  predicate: (cache: any) => boolean,
  what: string,
) {
  return waitFor(async () => {
    const state = await entityState(t, name);
    return state.clusters[0].caches.find(predicate);
  }, what);
}

async function waitForHistory(t: Backend, name: string, action: string, count = 1) {
  return waitFor(async () => {
    const state = await entityState(t, name);
    const entries = state.history.filter((h: any) => h.action === action);
    return entries.length >= count ? entries : undefined;
  }, `${count} "${action}" history entries`);
}

describe('ImageCache lifecycle against the emulator', () => {
  let emulator: RunningEmulator;

  afterEach(async () => {
    await emulator.stop();
  });

  describe('with a clock at real time', () => {
    beforeEach(async () => {
      emulator = await startEmulator({
        port: 0,
        manualClock: true,
        startTime: Date.now(),
      });
    });

    it('creates the cache of a manual entity and reports it Ready', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [component('trainer', { [IMAGES]: TRAINER, [MODE]: 'manual' })],
      });
      await t.waitForSync();
      await t.reconcile();
      const created = await waitFor(() => managedCaches(emulator)[0], 'the managed cache');
      expect(created.spec).toMatchObject({
        images: [TRAINER],
        imageCacheSize: 20,
        retentionDays: 30,
      });
      expect(created.metadata.annotations['k8s.aliyun.com/acr-instance-ids']).toBe(
        'cri-f34lmbk2rxqx41u8',
      );

      // Running again changes nothing: names are deterministic.
      await t.reconcile();
      expect(managedCaches(emulator)).toHaveLength(1);

      emulator.advance(10 * MINUTE);
      const cache = await waitForCache(t, 'trainer', c => c.phase === 'Ready', 'Ready');
      expect(cache).toMatchObject({
        name: created.metadata.name,
        managed: true,
        role: 'active',
        usable: true,
        progress: '100%',
        retentionDays: 30,
      });
      expect(cache.imageCacheId).toMatch(/^imc-/);
      expect(cache.daysLeft).toBeGreaterThanOrEqual(29);
      const state = await entityState(t, 'trainer');
      expect(state.config.cacheMode).toEqual({ value: 'manual', source: 'annotation' });
      expect(state.config.retentionDays).toEqual({ value: 30, source: 'default' });
      expect(state.clusters[0].acr.annotationValue).toBe('cri-f34lmbk2rxqx41u8');
      expect(state.images).toEqual([
        expect.objectContaining({ acrInstanceId: 'cri-f34lmbk2rxqx41u8', onAcrEnterprise: true }),
      ]);
      await waitForHistory(t, 'trainer', 'ready');
      expect((await waitForHistory(t, 'trainer', 'created'))[0].message).toMatch(
        /no managed cache/,
      );
    });

    it('rotates on an image change and keeps one previous cache', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [component('web', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' })],
      });
      await t.waitForSync();
      await t.reconcile();
      emulator.advance(10 * MINUTE);
      const first = await waitForCache(t, 'web', c => c.phase === 'Ready', 'first Ready');

      t.catalog.set(component('web', { [IMAGES]: 'nginx:latest', [MODE]: 'manual' }));
      await t.reconcile();
      // The new cache is built while the first one stays current.
      const second = await waitForCache(
        t,
        'web',
        c => c.role === 'pending' && c.name !== first.name,
        'the second cache',
      );
      let state = await entityState(t, 'web');
      expect(state.clusters[0].caches.find((c: any) => c.name === first.name).role).toBe(
        'active',
      );
      emulator.advance(10 * MINUTE);
      await waitForCache(t, 'web', c => c.name === second.name && c.role === 'active', 'second current');
      state = await entityState(t, 'web');
      expect(state.clusters[0].caches.find((c: any) => c.name === first.name).role).toBe(
        'previous',
      );
      await t.reconcile();
      await waitForHistory(t, 'web', 'rotated');
      expect(managedCaches(emulator).map(c => c.metadata.name).sort()).toEqual(
        [first.name, second.name].sort(),
      );

      t.catalog.set(component('web', { [IMAGES]: 'nginx:1.25.3, busybox:1.36', [MODE]: 'manual' }));
      await t.reconcile();
      emulator.advance(10 * MINUTE);
      const third = await waitForCache(
        t,
        'web',
        c => c.role === 'active' && c.phase === 'Ready' && ![first.name, second.name].includes(c.name),
        'third Ready',
      );
      await t.reconcile();
      await waitFor(
        () => !managedCaches(emulator).some(c => c.metadata.name === first.name),
        'the oldest cache to be deleted',
      );
      expect(managedCaches(emulator).map(c => c.metadata.name).sort()).toEqual(
        [second.name, third.name].sort(),
      );
      state = await entityState(t, 'web');
      const deleted = state.history.find(
        (h: any) => h.action === 'deleted' && h.cacheName === first.name,
      );
      expect(deleted.message).toMatch(/rotated out/);
    });

    it('retries a Failed cache with backoff and shows its ECI events', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [
          component('broken', { [IMAGES]: 'docker.io/library/doesnotexist:9.9', [MODE]: 'manual' }),
        ],
      });
      await t.waitForSync();
      await t.reconcile();
      emulator.advance(10 * MINUTE);
      const failed = await waitForCache(t, 'broken', c => c.phase === 'Failed', 'Failed');
      expect(failed.events.some((e: any) => e.type === 'Warning')).toBe(true);
      const firstUid = managedCaches(emulator)[0].metadata.uid;
      expect((await waitForHistory(t, 'broken', 'failed'))[0].message).toMatch(/Failed: /);

      await t.reconcile();
      const scheduled = await waitForCache(t, 'broken', c => c.retry, 'a retry plan');
      expect(scheduled.retry.attempts).toBe(0);
      // Before the backoff has passed nothing happens.
      await t.reconcile();
      expect(managedCaches(emulator)[0].metadata.uid).toBe(firstUid);

      await new Promise(resolve => setTimeout(resolve, 250));
      await t.reconcile();
      await waitFor(
        () => managedCaches(emulator)[0]?.metadata.uid !== firstUid && managedCaches(emulator)[0],
        'a new cache object',
      );
      const retried = await waitForHistory(t, 'broken', 'retried');
      expect(retried[0].message).toMatch(/retry 1 after failure/);

      emulator.advance(10 * MINUTE);
      await waitForCache(t, 'broken', c => c.phase === 'Failed', 'Failed again');
      await t.reconcile();
      const again = await waitForCache(t, 'broken', c => c.retry?.attempts === 1, 'the second plan');
      // The delay doubles: 200 ms, then 400 ms.
      const delay = Date.parse(again.retry.nextAttemptAt) - Date.now();
      expect(delay).toBeGreaterThan(250);
    });

    it('deletes orphans after the grace period, never before', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [
          component('mode-change', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' }),
          component('gone', { [IMAGES]: 'busybox:1.36', [MODE]: 'manual' }),
        ],
      });
      await t.waitForSync();
      await t.reconcile();
      await waitFor(() => managedCaches(emulator).length === 2, 'two caches');

      t.catalog.set(component('mode-change', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'auto' }));
      t.catalog.remove('gone');
      await t.reconcile();
      const orphan = await waitForCache(t, 'mode-change', c => c.role === 'orphan', 'orphan role');
      expect(orphan.deleteAfter).toBeTruthy();
      expect((await waitForHistory(t, 'mode-change', 'orphaned'))[0].message).toMatch(
        /cache mode is "auto"/,
      );
      expect(managedCaches(emulator)).toHaveLength(2);

      await new Promise(resolve => setTimeout(resolve, 350));
      await t.reconcile();
      await waitFor(() => managedCaches(emulator).length === 0, 'both orphans deleted');
      const deleted = await waitForHistory(t, 'mode-change', 'deleted');
      expect(deleted[0].message).toMatch(/grace period over/);
    });

    it('reconciles an entity the catalog changed without waiting for the full pass', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [
          component('web', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' }),
          component('plain', { [IMAGES]: 'busybox:1.36', [MODE]: 'manual' }),
        ],
      });
      await t.waitForSync();
      await t.reconcileCatalogChanges();
      // The first look is the baseline: what was there before is the full pass's job.
      expect(managedCaches(emulator)).toHaveLength(0);
      await t.reconcile();
      await waitFor(() => managedCaches(emulator).length === 2, 'two caches');
      const before = managedCaches(emulator).map(c => c.metadata.name);

      t.catalog.set(component('web', { [IMAGES]: 'nginx:latest', [MODE]: 'manual' }));
      t.catalog.set(component('new', { [IMAGES]: 'redis:7.2', [MODE]: 'manual' }));
      t.catalog.set(component('plain', { [MODE]: 'manual' }));
      await t.reconcileCatalogChanges();
      const created = managedCaches(emulator).filter(
        c => !before.includes(c.metadata.name),
      );
      expect(created).toHaveLength(2);
      expect(created.map(c => c.spec.images).sort()).toEqual([
        ['nginx:latest'],
        ['redis:7.2'],
      ]);
      expect((await waitForHistory(t, 'plain', 'orphaned'))[0].message).toMatch(
        /annotation was removed/,
      );
      // Nothing changed since: the next look does nothing.
      const count = managedCaches(emulator).length;
      await t.reconcileCatalogChanges();
      expect(managedCaches(emulator)).toHaveLength(count);
    });

    it('stops deleting an orphan that is wanted again', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [component('flip', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' })],
      });
      await t.waitForSync();
      await t.reconcile();
      await waitFor(() => managedCaches(emulator).length === 1, 'the cache');
      t.catalog.set(component('flip', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'off' }));
      await t.reconcile();
      await waitForCache(t, 'flip', c => c.role === 'orphan', 'orphan');
      t.catalog.set(component('flip', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' }));
      await t.reconcile();
      await new Promise(resolve => setTimeout(resolve, 350));
      await t.reconcile();
      expect(managedCaches(emulator)).toHaveLength(1);
      const cache = await waitForCache(t, 'flip', c => c.role === 'active', 'active again');
      expect(cache.deleteAfter).toBeNull();
    });

    it('creates one cache even when two replicas reconcile at the same time', async () => {
      const entities = [component('web', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' })];
      const first = await startTestEciBackend({ clusters: [{ name: 'hangzhou', emulator }], entities });
      const second = await startTestEciBackend({ clusters: [{ name: 'hangzhou', emulator }], entities });
      await first.waitForSync();
      await second.waitForSync();
      await Promise.all([first.reconcile(), second.reconcile()]);
      await Promise.all([first.reconcile(), second.reconcile()]);
      expect(managedCaches(emulator)).toHaveLength(1);
      const states = await Promise.all([entityState(first, 'web'), entityState(second, 'web')]);
      expect(states.map(state => state.clusters[0].caches.map((c: any) => c.role))).toEqual([
        ['active'],
        ['active'],
      ]);
    });

    it('never touches caches it does not own and shows matching ones read-only', async () => {
      createRaw(emulator, {
        metadata: { name: 'auto-create-for-eci-2ze1abc' },
        spec: { images: ['docker.io/library/nginx:1.25.3'], imageCacheSize: 30 },
      });
      createRaw(emulator, {
        metadata: { name: 'team-cache', labels: { 'app.kubernetes.io/managed-by': 'someone-else' } },
        spec: { images: ['nginx:1.25.3'] },
      });
      createRaw(emulator, {
        metadata: {
          name: 'forged',
          labels: { 'app.kubernetes.io/managed-by': 'backstage-eci-image-cache' },
          annotations: { 'eci.backstage.io/entity-ref': 'component:default/web' },
        },
        spec: { images: ['nginx:1.25.3'] },
      });
      const before = allCaches(emulator).map(c => c.metadata.uid).sort();
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [component('web', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'auto' })],
        lifecycle: { orphanGracePeriod: { milliseconds: 0 } },
      });
      await t.waitForSync();
      for (let run = 0; run < 3; run++) {
        await t.reconcile();
        emulator.advance(10 * MINUTE);
      }
      expect(allCaches(emulator).map(c => c.metadata.uid).sort()).toEqual(before);

      const state = await entityState(t, 'web');
      const shown = state.clusters[0].caches;
      expect(shown.map((c: any) => [c.name, c.managed, c.role, c.origin]).sort()).toEqual([
        ['auto-create-for-eci-2ze1abc', false, 'unmanaged', 'eci-auto'],
        // Its ownership cannot be verified, so it is not web's; ECI's automatic matching may still use it.
        ['forged', true, 'other', 'managed'],
        ['team-cache', false, 'unmanaged', 'unmanaged'],
      ]);
      const refused = await t.del('/entities/component/default/web/caches/hangzhou/auto-create-for-eci-2ze1abc');
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/not managed by Backstage/);
      const forged = await t.del('/entities/component/default/web/caches/hangzhou/forged');
      expect(forged.status).toBe(409);
      expect(allCaches(emulator).map(c => c.metadata.uid).sort()).toEqual(before);
    });

    it('lists the caches holding all its images and the best partial match, and counts the rest', async () => {
      createRaw(emulator, { metadata: { name: 'team-full' }, spec: { images: ['nginx:1.25.3', 'redis:7'] } });
      for (let i = 0; i < 25; i++) {
        emulator.advance(MINUTE);
        createRaw(emulator, { metadata: { name: `redis-only-${i}` }, spec: { images: ['redis:7'] } });
      }
      emulator.advance(10 * MINUTE);
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [component('web', { [IMAGES]: 'nginx:1.25.3,redis:7', [MODE]: 'auto' })],
      });
      await t.waitForSync();
      const [cluster] = (await entityState(t, 'web')).clusters;
      // Of the caches holding only redis:7, the newest is the one ECI would try first.
      expect(cluster.caches.map((c: any) => c.name)).toEqual(['team-full', 'redis-only-24']);
      expect(cluster.otherCachesOmitted).toBe(24);
    });

    it('takes the cache mode from saved settings when no annotation sets it', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [component('plain', { [IMAGES]: 'nginx:1.25.3' })],
      });
      await t.waitForSync();
      await t.reconcile();
      expect(managedCaches(emulator)).toHaveLength(0);
      const saved = await t.put('/entities/component/default/plain/settings', {
        cacheMode: 'manual',
        retentionDays: 7,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        settings: { cacheMode: 'manual', retentionDays: 7 },
        updatedBy: 'user:default/owner',
      });
      // The API triggers a reconcile of the entity right away.
      const cache = await waitFor(() => managedCaches(emulator)[0], 'the cache');
      expect(cache.spec.retentionDays).toBe(7);
      const state = await entityState(t, 'plain');
      expect(state.config.cacheMode).toEqual({ value: 'manual', source: 'settings' });
      expect(state.config.retentionDays).toEqual({ value: 7, source: 'settings' });
      expect(state.config.imageCacheSize).toEqual({ value: 20, source: 'default' });
      expect(state.settings.updatedBy).toBe('user:default/owner');

      // Annotations win over settings.
      t.catalog.set(component('plain', { [IMAGES]: 'nginx:1.25.3', [RETENTION]: '3' }));
      const after = await entityState(t, 'plain');
      expect(after.config.retentionDays).toEqual({ value: 3, source: 'annotation' });
    });
  });

  describe('with a clock in the past, so that retention ends', () => {
    beforeEach(async () => {
      emulator = await startEmulator({
        port: 0,
        manualClock: true,
        startTime: Date.now() - 3 * DAY,
      });
    });

    it('recreates an expired cache while the entity still wants it', async () => {
      const t = await startTestEciBackend({
        clusters: [{ name: 'hangzhou', emulator }],
        entities: [
          component('short', { [IMAGES]: 'busybox:1.36', [MODE]: 'manual', [RETENTION]: '1' }),
        ],
      });
      await t.waitForSync();
      await t.reconcile();
      emulator.advance(10 * MINUTE);
      const ready = await waitForCache(t, 'short', c => c.phase === 'Ready', 'Ready');
      expect(ready.expireDateTime).toBeTruthy();
      const firstUid = managedCaches(emulator)[0].metadata.uid;

      emulator.advance(DAY);
      await waitFor(() => managedCaches(emulator).length === 0, 'ECI to delete the expired cache');
      const expired = await waitForHistory(t, 'short', 'expired');
      expect(expired[0].message).toMatch(/expired at/);

      await t.reconcile();
      const recreated = await waitFor(() => managedCaches(emulator)[0], 'the recreated cache');
      expect(recreated.metadata.uid).not.toBe(firstUid);
      expect(recreated.metadata.name).toBe(ready.name);
    });
  });
});
