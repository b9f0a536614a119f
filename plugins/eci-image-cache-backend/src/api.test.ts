import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from './__testUtils__/FakeCatalog';
import {
  GUEST,
  OWNER,
  startTestEciBackend,
  waitFor,
} from './__testUtils__/startTestEciBackend';

const MINUTE = 60_000;
const IMAGES = 'alibabacloud.com/eci-images';
const MODE = 'alibabacloud.com/eci-image-cache';
const ACR = 'alibabacloud.com/acr-instance-id';
const ETL = 'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/etl-runner:2.0.1';

type Backend = Awaited<ReturnType<typeof startTestEciBackend>>;

function caches(emulator: RunningEmulator): any[] {
  const type = emulator.store.registry.byGroupResource('eci.alibabacloud.com', 'imagecaches');
  return emulator.store.list(type).items.map(stored => stored.object as any);
}

describe('the HTTP API', () => {
  let emulator: RunningEmulator;
  let t: Backend;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, manualClock: true, startTime: Date.now() });
    t = await startTestEciBackend({
      clusters: [{ name: 'hangzhou', emulator }],
      entities: [
        component('web', { [IMAGES]: 'nginx:1.25.3', [MODE]: 'manual' }),
        component('etl', { [IMAGES]: ETL, [MODE]: 'manual', [ACR]: 'cn-shanghai:cri-shanghai7k2m9x4p' }),
        component('auto-svc', { [IMAGES]: 'nginx:1.25.3' }),
        component('bad', { [IMAGES]: 'nginx:1.25.3', 'alibabacloud.com/eci-image-cache-size': '5' }),
      ],
    });
    await t.waitForSync();
  });

  afterEach(async () => {
    await emulator.stop();
  });

  describe('authentication and authorization', () => {
    it('serves /health without credentials and nothing else', async () => {
      const health = await t.request().get(t.api('/health'));
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok' });

      const none = mockCredentials.none.header();
      const read = await t
        .request()
        .get(t.api('/entities/component/default/web'))
        .set('Authorization', none);
      expect(read.status).toBe(401);
      const write = await t
        .request()
        .post(t.api('/entities/component/default/web/caches'))
        .set('Authorization', none)
        .send({});
      expect(write.status).toBe(401);
      const invalid = await t
        .request()
        .get(t.api('/clusters'))
        .set('Authorization', mockCredentials.user.invalidHeader());
      expect(invalid.status).toBe(401);
      expect(caches(emulator)).toHaveLength(0);
    });

    it('refuses changes by a non-owner with 403, writes nothing and audits the refusal', async () => {
      const create = await t.post('/entities/component/default/web/caches', {}, GUEST);
      expect(create.status).toBe(403);
      expect(create.body.error.name).toBe('NotAllowedError');
      expect(create.body.error.message).toMatch(
        /user:default\/guest may not create or refresh the image caches of component:default\/web/,
      );
      const settings = await t.put('/entities/component/default/web/settings', { acrInstance: 'cri-abc' }, GUEST);
      expect(settings.status).toBe(403);
      expect(settings.body.error.message).toMatch(/eci\.acr\.update/);
      const reset = await t.del('/entities/component/default/web/settings', GUEST);
      expect(reset.status).toBe(403);

      expect(caches(emulator)).toHaveLength(0);
      const state = await t.get('/entities/component/default/web');
      expect(state.body.settings).toBeNull();
      expect(state.body.permissions).toEqual({ create: false, delete: false, updateAcr: false });
      const asOwner = await t.get('/entities/component/default/web', OWNER);
      expect(asOwner.body.permissions).toEqual({ create: true, delete: true, updateAcr: true });

      expect(t.audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['cache-create', 'fail'],
        ['settings-save', 'fail'],
        ['settings-reset', 'fail'],
      ]);
      expect(t.audits[0].error).toMatch(/^NotAllowedError/);
      expect(t.audits[0].meta).toMatchObject({ entityRef: 'component:default/web' });
    });
  });

  describe('bad input', () => {
    it('answers 404 for an unknown entity and 400 for a malformed path', async () => {
      const unknown = await t.get('/entities/component/default/nope');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(/component:default\/nope was not found/);
      const malformed = await t.get('/entities/component/default/bad%20name!');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/entityRef/);
    });

    it('rejects bad cache requests naming field and rule, with nothing written', async () => {
      const cases: Array<[unknown, RegExp]> = [
        [{ imageCacheSize: 5 }, /`imageCacheSize`: 5 is below the minimum 20 GiB/],
        [{ retentionDays: 0 }, /`retentionDays`: 0 is below the minimum 1 day/],
        [{ images: ['NGINX::bad'] }, /`images`/],
        [{ imagePullSecrets: ['no-colon'] }, /`imagePullSecrets`: "no-colon" is not "namespace:name"/],
        [{ imageCacheSize: '40' }, /`imageCacheSize`: Invalid input: expected number, received string/],
        [{ color: 'blue' }, /unknown field\(s\) `color`/],
        [{ cluster: 'mars' }, /`cluster`: "mars" is not a configured cluster/],
        [{ imagePullSecrets: ['argo:missing'] }, /"argo:missing" is not a pull secret of cluster "hangzhou"/],
        [{ imagePullSecrets: ['kube-system:x'] }, /"kube-system:x" is not a pull secret of cluster "hangzhou"/],
      ];
      for (const [body, message] of cases) {
        const res = await t.post('/entities/component/default/web/caches', body);
        expect({ body, status: res.status, name: res.body.error?.name }).toEqual({
          body,
          status: 400,
          name: 'InputError',
        });
        expect(res.body.error.message).toMatch(message);
      }
      expect(caches(emulator)).toHaveLength(0);
      expect(t.audits.every(a => a.outcome === 'fail')).toBe(true);
      expect(t.audits).toHaveLength(cases.length);
    });

    it('rejects bad settings with nothing saved', async () => {
      const res = await t.put('/entities/component/default/web/settings', {
        acrInstance: 'cn-hangzhou:acr-123',
        cacheMode: 'sometimes',
        imageCacheSize: 99999,
        imagePullSecrets: ['default:ok', 'default:ok'],
      });
      expect(res.status).toBe(400);
      const message = res.body.error.message;
      expect(message).toMatch(/`acrInstance`: "cn-hangzhou:acr-123" is not "\[RegionID:\]InstanceID"/);
      expect(message).toMatch(/`cacheMode`: "sometimes" must be one of "manual", "auto", "off"/);
      expect(message).toMatch(/`imageCacheSize`: 99999 is above the maximum 32768 GiB/);
      expect(message).toMatch(/`imagePullSecrets`: "default:ok" is listed twice/);
      const state = await t.get('/entities/component/default/web');
      expect(state.body.settings).toBeNull();
    });

    it('refuses an ACR region that contradicts the configured instance, and completes a region-less id', async () => {
      const res = await t.put('/entities/component/default/web/settings', {
        acrInstance: 'cn-beijing:cri-f34lmbk2rxqx41u8',
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /`acrInstance`: "cn-beijing:cri-f34lmbk2rxqx41u8" names region cn-beijing, but the configured instance cri-f34lmbk2rxqx41u8 is in cn-hangzhou/,
      );
      expect((await t.get('/entities/component/default/web')).body.settings).toBeNull();

      const saved = await t.put('/entities/component/default/web/settings', { acrInstance: 'cri-shanghai7k2m9x4p' });
      expect(saved.status).toBe(200);
      const preview = await t.get('/entities/component/default/web/workflow?cacheMode=auto');
      expect(preview.body.acrAnnotation).toBe('cn-shanghai:cri-shanghai7k2m9x4p');
      const state = await t.get('/entities/component/default/web');
      expect(state.body.clusters[0].acr.annotationValue).toBe('cn-shanghai:cri-shanghai7k2m9x4p');
      await t.del('/entities/component/default/web/settings');
    });

    it('refuses to create a cache for an entity that is not in manual mode or has problems', async () => {
      const auto = await t.post('/entities/component/default/auto-svc/caches', {});
      expect(auto.status).toBe(409);
      expect(auto.body.error.message).toMatch(/cache mode "auto"/);
      const bad = await t.post('/entities/component/default/bad/caches', {});
      expect(bad.status).toBe(409);
      expect(bad.body.error.message).toMatch(/is below the minimum 20 GiB/);
      const state = await t.get('/entities/component/default/bad');
      expect(state.body.config).toBeNull();
      expect(state.body.problems[0]).toMatchObject({
        field: 'alibabacloud.com/eci-image-cache-size',
        rule: 'minimum',
      });
      expect(caches(emulator)).toHaveLength(0);
    });
  });

  describe('cache commands', () => {
    it('creates, refreshes and deletes caches, audited', async () => {
      const created = await t.post('/entities/component/default/web/caches', { retentionDays: 3 });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        cluster: 'hangzhou',
        outcome: 'created',
        replaces: null,
        cache: { managed: true, role: 'active', retentionDays: 3, images: ['nginx:1.25.3'] },
      });
      const first = created.body.cache.name;

      // The first cache was built with 3 days; the configured retention applies to the next one.
      expect((await t.get('/entities/component/default/web')).body.warnings).toEqual([
        expect.objectContaining({
          field: 'retentionDays',
          message: expect.stringMatching(/`retentionDays`: 30 applies to the next cache; the active cache .* was built with 3/),
        }),
      ]);

      // While the first revision is being built, the same request names it and another is refused.
      const again = await t.post('/entities/component/default/web/caches', { retentionDays: 3 });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ outcome: 'in-flight', revision: 0, cache: { name: first } });
      const other = await t.post('/entities/component/default/web/caches', {});
      expect(other.status).toBe(409);
      expect(other.body.error.message).toMatch(/Revision 0 .* is still being built/);

      emulator.advance(10 * MINUTE);
      await waitFor(async () => {
        const state = (await t.get('/entities/component/default/web')).body;
        return state.clusters[0].caches.find((c: any) => c.name === first)?.phase === 'Ready';
      }, 'the first cache to be Ready');
      const refreshed = await t.post('/entities/component/default/web/caches', {});
      expect(refreshed.status).toBe(201);
      expect(refreshed.body).toMatchObject({
        outcome: 'refreshed',
        replaces: first,
        revision: 1,
        requestedBy: OWNER,
        cache: { role: 'pending', retentionDays: 30 },
      });
      const second = refreshed.body.cache.name;
      expect(second).not.toBe(first);
      expect(caches(emulator).map(c => c.metadata.name).sort()).toEqual([first, second].sort());

      // The refreshed cache becomes current once Ready; until then the first one serves.
      await t.reconcile();
      let state = (await t.get('/entities/component/default/web')).body;
      let roles = Object.fromEntries(state.clusters[0].caches.map((c: any) => [c.name, c.role]));
      expect(roles).toEqual({ [first]: 'active', [second]: 'pending' });
      emulator.advance(10 * MINUTE);
      await waitFor(async () => {
        state = (await t.get('/entities/component/default/web')).body;
        roles = Object.fromEntries(state.clusters[0].caches.map((c: any) => [c.name, c.role]));
        return roles[second] === 'active' && roles[first] === 'previous';
      }, 'the refreshed cache to become current');

      const deleted = await t.del(`/entities/component/default/web/caches/hangzhou/${first}`);
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ cluster: 'hangzhou', name: first, note: null });
      const deletedActive = await t.del(`/entities/component/default/web/caches/hangzhou/${second}`);
      expect(deletedActive.body.note).toMatch(/the reconciler creates it again/);
      // The API reconciles the entity right after the change.
      await waitFor(() => caches(emulator).some(c => c.metadata.name === second), 'recreation');

      const missing = await t.del('/entities/component/default/web/caches/hangzhou/nothing-here');
      expect(missing.status).toBe(404);

      state = (await t.get('/entities/component/default/web')).body;
      expect(state.history.filter((h: any) => h.actor === OWNER).map((h: any) => h.action)).toEqual(
        expect.arrayContaining(['created', 'deleted']),
      );
      expect(t.audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['cache-create', 'success'],
        ['cache-create', 'success'],
        ['cache-create', 'fail'],
        ['cache-create', 'success'],
        ['cache-delete', 'success'],
        ['cache-delete', 'success'],
        ['cache-delete', 'fail'],
      ]);
    });

    it('saves and resets settings, audited', async () => {
      const saved = await t.put('/entities/component/default/auto-svc/settings', {
        acrInstance: 'cri-f34lmbk2rxqx41u8',
        imageCacheSize: 40,
      });
      expect(saved.status).toBe(200);
      let state = (await t.get('/entities/component/default/auto-svc')).body;
      expect(state.config.acrInstance).toEqual({ value: 'cn-hangzhou:cri-f34lmbk2rxqx41u8', source: 'settings' });
      expect(state.clusters[0].acr.annotationValue).toBe('cri-f34lmbk2rxqx41u8');
      expect(state.config.imageCacheSize).toEqual({ value: 40, source: 'settings' });
      expect(state.warnings.map((w: any) => w.field)).toContain('settings.imageCacheSize');

      const reset = await t.del('/entities/component/default/auto-svc/settings');
      expect(reset.status).toBe(204);
      state = (await t.get('/entities/component/default/auto-svc')).body;
      expect(state.settings).toBeNull();
      expect(state.config.acrInstance).toEqual({ value: null, source: 'default' });
      expect(t.audits.map(a => [a.eventId, a.outcome])).toEqual([
        ['settings-save', 'success'],
        ['settings-reset', 'success'],
      ]);
    });
  });

  describe('reads', () => {
    it('serves entity state from the watch cache without any Kubernetes request', async () => {
      await t.reconcile();
      await waitFor(() => caches(emulator).length === 2, 'the caches');
      emulator.stats.reset();
      for (let i = 0; i < 20; i++) {
        const res = await t.get('/entities/component/default/web');
        expect(res.status).toBe(200);
      }
      await t.get('/caches');
      await t.get('/clusters');
      expect(emulator.stats.snapshot().requests).toBe(0);
    });

    it('explains the ACR annotation per cluster and flags images without ACR EE', async () => {
      const etl = (await t.get('/entities/component/default/etl')).body;
      expect(etl.clusters[0].acr).toEqual({
        cluster: 'hangzhou',
        clusterRegion: 'cn-hangzhou',
        annotationValue: 'cn-shanghai:cri-shanghai7k2m9x4p',
        instances: [
          expect.objectContaining({
            id: 'cri-shanghai7k2m9x4p',
            value: 'cn-shanghai:cri-shanghai7k2m9x4p',
            source: 'annotation',
            reason: expect.stringMatching(/instance in cn-shanghai, cluster in cn-hangzhou, so the region is prefixed/),
          }),
        ],
      });
      const web = (await t.get('/entities/component/default/web')).body;
      expect(web.images).toEqual([
        expect.objectContaining({
          image: 'nginx:1.25.3',
          onAcrEnterprise: false,
          message: expect.stringMatching(/not an ACR Enterprise Edition instance/),
        }),
      ]);
      expect(web.clusters[0].acr.annotationValue).toBeNull();
    });

    it('lists clusters without secrets, ACR instances and managed caches', async () => {
      const clusters = await t.get('/clusters');
      expect(clusters.body.items).toEqual([
        expect.objectContaining({ name: 'hangzhou', region: 'cn-hangzhou', default: true, defaultNamespace: 'argo' }),
      ]);
      expect(JSON.stringify(clusters.body)).not.toMatch(/token|http:|caData/);
      const acr = await t.get('/acr/instances');
      expect(acr.body.items.map((i: any) => i.id)).toEqual(['cri-f34lmbk2rxqx41u8', 'cri-shanghai7k2m9x4p']);

      await t.reconcile();
      await waitFor(() => caches(emulator).length === 2, 'the caches');
      emulator.advance(10 * MINUTE);
      await waitFor(async () => (await t.get('/caches?phase=Ready')).body.items.length === 2, 'Ready caches');
      const mine = await t.get('/caches?owner=component:default/web&cluster=hangzhou');
      expect(mine.body.items.map((c: any) => c.entityRef)).toEqual(['component:default/web']);
      const badOwner = await t.get('/caches?owner=not a ref');
      expect(badOwner.status).toBe(400);
    });

    it('previews the workflow, pinned only once a cache is Ready', async () => {
      const pinned = await t.get('/entities/component/default/web/workflow?cacheMode=pinned');
      expect(pinned.status).toBe(409);
      expect(pinned.body.error.message).toMatch(/cannot pin component:default\/web .*no cache is Ready/);

      const fallback = await t.get('/entities/component/default/web/workflow');
      expect(fallback.body.cacheMode).toBe('auto');
      expect(fallback.body.notes.join(' ')).toMatch(/no Ready cache/);
      expect(fallback.body.yaml).toMatch(/k8s.aliyun.com\/eci-image-cache: "true"/);

      await t.reconcile();
      emulator.advance(10 * MINUTE);
      await waitFor(async () => {
        const res = await t.get('/entities/component/default/web/workflow');
        return res.body.cacheMode === 'pinned' ? res : undefined;
      }, 'a pinned workflow');
      const ready = await t.get('/entities/component/default/web/workflow?dialect=current&kind=CronWorkflow&schedule=0%203%20*%20*%20*');
      expect(ready.status).toBe(200);
      expect(ready.body.cacheId).toMatch(/^imc-/);
      expect(ready.body.yaml).toContain(`k8s.aliyun.com/eci-imc-id: "${ready.body.cacheId}"`);
      expect(ready.body.yaml).toMatch(/kind: CronWorkflow/);

      const etl = await t.get('/entities/component/default/etl/workflow?cacheMode=auto');
      expect(etl.body.acrAnnotation).toBe('cn-shanghai:cri-shanghai7k2m9x4p');
      expect(etl.body.yaml).toContain('k8s.aliyun.com/acr-instance-id: "cn-shanghai:cri-shanghai7k2m9x4p"');

      const badKind = await t.get('/entities/component/default/web/workflow?kind=Job');
      expect(badKind.status).toBe(400);
      expect(badKind.body.error.message).toMatch(/`kind`: "Job" must be one of/);
      const unknownParam = await t.get('/entities/component/default/web/workflow?colour=red');
      expect(unknownParam.status).toBe(400);
    });
  });
});
