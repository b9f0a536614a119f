import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from '../__testUtils__/FakeCatalog';
import { startTestEciBackend } from '../__testUtils__/startTestEciBackend';

describe('refusals and hostile input reach no cluster and are audited', () => {
  let emulator: RunningEmulator;
  let t: Awaited<ReturnType<typeof startTestEciBackend>>;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, manualClock: true, startTime: Date.now() });
    t = await startTestEciBackend({
      clusters: [{ name: 'hangzhou', emulator }],
      entities: [
        component('web', {
          'alibabacloud.com/eci-images': 'nginx:1.25.3',
          'alibabacloud.com/eci-image-cache': 'manual',
        }),
      ],
    });
    await t.waitForSync();
    emulator.stats.reset();
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it('audits every refused change of an unauthenticated caller (401)', async () => {
    const none = mockCredentials.none.header();
    const requests = [
      t.request().post(t.api('/entities/component/default/web/caches')).send({}),
      t.request().delete(t.api('/entities/component/default/web/caches/hangzhou/web-0123456789')),
      t.request().put(t.api('/entities/component/default/web/settings')).send({ cacheMode: 'manual' }),
      t.request().delete(t.api('/entities/component/default/web/settings')),
    ];
    for (const req of requests) {
      const res = await req.set('Authorization', none);
      expect(res.status).toBe(401);
      expect(res.body.error.name).toBe('AuthenticationError');
    }
    expect(t.audits.map(a => [a.eventId, a.outcome, a.error?.split(':')[0]])).toEqual([
      ['cache-create', 'fail', 'AuthenticationError'],
      ['cache-delete', 'fail', 'AuthenticationError'],
      ['settings-save', 'fail', 'AuthenticationError'],
      ['settings-reset', 'fail', 'AuthenticationError'],
    ]);
    // Reads still need credentials.
    const read = await t.request().get(t.api('/entities/component/default/web')).set('Authorization', none);
    expect(read.status).toBe(401);
    expect(emulator.stats.snapshot().requests).toBe(0);
  });

  it('audits refused reads of run evidence like those of every other route', async () => {
    const none = mockCredentials.none.header();
    const unauthenticated = await t
      .request()
      .get(t.api('/entities/component/default/web/runs'))
      .set('Authorization', none);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error.name).toBe('AuthenticationError');
    const missing = await t.get('/entities/component/default/missing/runs');
    expect(missing.status).toBe(404);
    expect((await t.get('/entities/component/default/web/runs')).status).toBe(200);
    expect(t.audits.map(a => [a.eventId, a.meta, a.outcome, a.error?.split(':')[0]])).toEqual([
      ['request-refused', { entityRef: 'component:default/web', status: 401 }, 'fail', 'AuthenticationError'],
      ['request-refused', { entityRef: 'component:default/missing', status: 404 }, 'fail', 'NotFoundError'],
    ]);
  });

  it.each(['.', '..', ' web-0123456789', 'web/0123456789', 'WEB-0123456789', 'a'.repeat(254)])(
    'refuses to delete the cache name %j before asking the cluster',
    async cacheName => {
      const res = await t.del(
        `/entities/component/default/web/caches/hangzhou/${encodeURIComponent(cacheName).replace(/\./g, '%2E')}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid cache to delete: `cacheName`: /);
      expect(emulator.stats.snapshot().requests).toBe(0);
    },
  );

  it('refuses a phase filter that is not a phase name', async () => {
    for (const phase of [' Ready', 'Ready\n', 'Rеady', 'Ready,Failed', 'x'.repeat(65)]) {
      const res = await t.get(`/caches?phase=${encodeURIComponent(phase)}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Invalid query: `phase`: /);
    }
    expect((await t.get('/caches?phase=UpdateFailed')).status).toBe(200);
    expect((await t.get('/caches?phase=')).status).toBe(200);
  });
});
