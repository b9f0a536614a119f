import { mockCredentials } from '@backstage/backend-test-utils';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { entityRefHash } from '@eci-portal/plugin-eci-image-cache-common';
import { component } from '../__testUtils__/FakeCatalog';
import {
  NO_READ,
  startTestEciBackend,
  waitFor,
} from '../__testUtils__/startTestEciBackend';

const DAY = 24 * 60 * 60 * 1000;
const AGE = 60 * DAY;
const NOW = Date.now();
const MANAGED_BY = 'app.kubernetes.io/managed-by';
const ENTITY_HASH = 'eci.backstage.io/entity-hash';
const ENTITY_REF = 'eci.backstage.io/entity-ref';

type Backend = Awaited<ReturnType<typeof startTestEciBackend>>;

function create(
  emulator: RunningEmulator,
  group: string,
  resource: string,
  object: Record<string, unknown>,
) {
  const type = emulator.store.registry.byGroupResource(group, resource);
  return emulator.store.create(type, object as any);
}

/** An ImageCache with its status, as a seed object (seeds are applied before ECI's controller starts). */
function imageCache(
  name: string,
  options: {
    owner?: string;
    phase: string;
    size: number;
    expiresInDays?: number;
    id?: string;
  },
) {
  return {
    apiVersion: 'eci.alibabacloud.com/v1',
    kind: 'ImageCache',
    metadata: {
      name,
      ...(options.owner
        ? {
            labels: {
              [MANAGED_BY]: 'backstage-eci-image-cache',
              [ENTITY_HASH]: entityRefHash(options.owner),
            },
            annotations: { [ENTITY_REF]: options.owner },
          }
        : {}),
    },
    spec: {
      images: ['docker.io/library/nginx:1.25.3'],
      imageCacheSize: options.size,
    },
    status: {
      phase: options.phase,
      progress: options.phase === 'Ready' ? '100%' : '0%',
      imageCacheId:
        options.id ?? `imc-${name.replace(/[^a-z0-9]/g, '').slice(0, 16)}`,
      ...(options.expiresInDays === undefined
        ? {}
        : {
            // Relative to the real now: the emulators start 60 days earlier.
            expireDateTime: new Date(
              NOW + options.expiresInDays * DAY + DAY / 2,
            ).toISOString(),
          }),
    },
  };
}

/** A run of `owner` whose pod hit the cache `imageCacheId` (pod and ECI event, as on ACK). */
function hitRun(
  emulator: RunningEmulator,
  owner: string,
  imageCacheId: string,
) {
  const pod = create(emulator, '', 'pods', {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'run-1',
      namespace: 'default',
      labels: { [ENTITY_HASH]: entityRefHash(owner) },
    },
    spec: {
      containers: [{ name: 'main', image: 'docker.io/library/nginx:1.25.3' }],
    },
  }).stored.object;
  create(emulator, '', 'events', {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'run-1.hit', namespace: 'default' },
    involvedObject: {
      kind: 'Pod',
      namespace: 'default',
      name: 'run-1',
      uid: pod.metadata.uid,
    },
    reason: 'SuccessfulHitImageCache',
    type: 'Normal',
    message: `[eci.imagecache]Successfully hit image cache ${imageCacheId}, eci will be scheduled with this image cache.`,
  });
}

async function fleet(t: Backend, query = '', user?: string) {
  const res = await t.get(`/fleet/caches${query}`, user);
  expect(res.status).toBe(200);
  return res.body;
}

const names = (body: any) => body.items.map((item: any) => item.name);

describe('GET /fleet/caches', () => {
  let hangzhou: RunningEmulator;
  let shanghai: RunningEmulator;
  let t: Backend;

  beforeAll(async () => {
    // Every seeded cache was created 60 days ago; `fresh` is created now (ECI builds it).
    const options = { port: 0, manualClock: true, startTime: NOW - AGE };
    hangzhou = await startEmulator({
      ...options,
      seed: [
        imageCache('old-unused', {
          phase: 'Ready',
          size: 40,
          expiresInDays: 400,
        }),
        imageCache('old-hit', {
          owner: 'component:default/web',
          phase: 'Ready',
          size: 20,
          expiresInDays: 400,
          id: 'imc-oldhit',
        }),
        imageCache('expiring-soon', {
          owner: 'component:default/web',
          phase: 'Ready',
          size: 30,
          expiresInDays: 3,
        }),
        imageCache('auto-create-for-eci-abc', {
          phase: 'Ready',
          size: 25,
          expiresInDays: 30,
        }),
      ] as any,
    });
    shanghai = await startEmulator({
      ...options,
      seed: [
        imageCache('broken', {
          owner: 'component:default/web',
          phase: 'Failed',
          size: 10,
        }),
        imageCache('orphan', {
          owner: 'component:default/gone',
          phase: 'Ready',
          size: 50,
          expiresInDays: 20,
        }),
      ] as any,
    });
    hangzhou.clock.advance(AGE);
    shanghai.clock.advance(AGE);
    create(shanghai, 'eci.alibabacloud.com', 'imagecaches', {
      apiVersion: 'eci.alibabacloud.com/v1',
      kind: 'ImageCache',
      metadata: { name: 'fresh' },
      spec: { images: ['docker.io/library/nginx:1.25.3'], imageCacheSize: 20 },
    });
    hitRun(hangzhou, 'component:default/web', 'imc-oldhit');
    t = await startTestEciBackend({
      clusters: [
        { name: 'hangzhou', emulator: hangzhou },
        { name: 'shanghai', emulator: shanghai, region: 'cn-shanghai' },
      ],
      entities: [component('web', {})],
      extraConfig: { fleet: { pricePerGiBMonth: 0.5, currency: 'CNY' } },
    });
    await t.waitForSync();
    await waitFor(async () => (await fleet(t)).total === 7, 'seven caches');
    await waitFor(
      async () => (await fleet(t, '?sort=lastHit')).items[0].lastHitAt !== null,
      'the hit run',
    );
  });

  afterAll(async () => {
    await Promise.all([hangzhou.stop(), shanghai.stop()]);
  });

  it('lists every cache of every cluster with origin, owner, totals and cost', async () => {
    const before =
      hangzhou.stats.snapshot().requests + shanghai.stats.snapshot().requests;
    const body = await fleet(t);
    expect(names(body)).toEqual([
      'auto-create-for-eci-abc',
      'expiring-soon',
      'old-hit',
      'old-unused',
      'broken',
      'fresh',
      'orphan',
    ]);
    expect(
      hangzhou.stats.snapshot().requests + shanghai.stats.snapshot().requests,
    ).toBe(before);
    const byName = Object.fromEntries(
      body.items.map((item: any) => [item.name, item]),
    );
    expect(byName['auto-create-for-eci-abc']).toMatchObject({
      origin: 'eci-auto',
      ownerEntityRef: null,
    });
    expect(byName['old-unused']).toMatchObject({
      origin: 'unmanaged',
      lastHitAt: null,
    });
    expect(byName['old-hit']).toMatchObject({
      origin: 'managed',
      ownerEntityRef: 'component:default/web',
      ownerInCatalog: true,
      imageCacheId: 'imc-oldhit',
      phase: 'Ready',
      imageCacheSize: 20,
      images: ['docker.io/library/nginx:1.25.3'],
      monthlyCost: 10,
    });
    expect(Date.parse(byName['old-hit'].lastHitAt)).toBeGreaterThan(
      Date.now() - DAY,
    );
    expect(byName.orphan).toMatchObject({ ownerInCatalog: false });
    expect(byName['expiring-soon'].daysLeft).toBe(3);
    expect(byName.fresh).toMatchObject({
      origin: 'unmanaged',
      expireDateTime: null,
      daysLeft: null,
    });
    expect(body.totals).toEqual([
      { cluster: 'hangzhou', count: 4, sizeGiB: 115, monthlyCost: 57.5 },
      { cluster: 'shanghai', count: 3, sizeGiB: 80, monthlyCost: 40 },
    ]);
    expect(body.pricing).toEqual({ pricePerGiBMonth: 0.5, currency: 'CNY' });
    expect(body).toMatchObject({
      total: 7,
      offset: 0,
      limit: 50,
      nextOffset: null,
      errors: [],
    });
  });

  it('filters caches expiring within N days', async () => {
    const body = await fleet(t, '?expiringWithinDays=7');
    expect(names(body)).toEqual(['expiring-soon']);
    expect(body.totals).toEqual([
      { cluster: 'hangzhou', count: 1, sizeGiB: 30, monthlyCost: 15 },
      { cluster: 'shanghai', count: 0, sizeGiB: 0, monthlyCost: 0 },
    ]);
    expect(names(await fleet(t, '?expiringWithinDays=25'))).toEqual([
      'expiring-soon',
      'orphan',
    ]);
  });

  it('filters failed caches', async () => {
    expect(names(await fleet(t, '?failed=true'))).toEqual(['broken']);
  });

  it('filters orphaned caches: managed, owner no longer in the catalog', async () => {
    expect(names(await fleet(t, '?orphaned=true'))).toEqual(['orphan']);
    t.catalog.remove('web');
    const body = await fleet(t, '?orphaned=true&cluster=hangzhou');
    expect(names(body)).toEqual(['expiring-soon', 'old-hit']);
    t.catalog.set(component('web', {}));
  });

  it('filters caches unused for N days: old and without a recent hit', async () => {
    expect(names(await fleet(t, '?unusedForDays=30'))).toEqual([
      'auto-create-for-eci-abc',
      'expiring-soon',
      'old-unused',
      'broken',
      'orphan',
    ]);
    expect(names(await fleet(t, '?unusedForDays=30&origin=unmanaged'))).toEqual(
      ['old-unused'],
    );
    // 0 days: never hit, whatever the age (so `fresh` too).
    expect(names(await fleet(t, '?unusedForDays=0&origin=unmanaged'))).toEqual([
      'old-unused',
      'fresh',
    ]);
  });

  it('sorts and paginates on the server', async () => {
    const first = await fleet(t, '?sort=size&order=desc&limit=4');
    expect(names(first)).toEqual([
      'orphan',
      'old-unused',
      'expiring-soon',
      'auto-create-for-eci-abc',
    ]);
    expect(first).toMatchObject({ total: 7, nextOffset: 4 });
    const second = await fleet(t, '?sort=size&order=desc&limit=4&offset=4');
    expect(names(second)).toEqual(['old-hit', 'fresh', 'broken']);
    expect(second.nextOffset).toBeNull();
    expect(names(await fleet(t, '?sort=expiry'))).toEqual([
      'expiring-soon',
      'orphan',
      'auto-create-for-eci-abc',
      'old-hit',
      'old-unused',
      'broken',
      'fresh',
    ]);
  });

  it('refuses a bad query with a 400 naming the parameter and the rule', async () => {
    const cases: Array<[string, RegExp]> = [
      ['?limit=0', /`limit`: must be a whole number from 1 to 500/],
      ['?limit=abc', /`limit`: must be a whole number from 1 to 500/],
      ['?sort=colour', /`sort`: must be one of cluster, name/],
      ['?failed=yes', /`failed`: must be "true" or "false"/],
      [
        '?expiringWithinDays=-1',
        /`expiringWithinDays`: must be a whole number/,
      ],
      ['?colour=red', /unknown field\(s\) `colour`/],
      ['?cluster=nowhere', /`cluster`: "nowhere" is not a configured cluster/],
    ];
    for (const [query, message] of cases) {
      const res = await t.get(`/fleet/caches${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('is for readers only: 401 without credentials, 403 audited without the read permission', async () => {
    const anonymous = await t
      .request()
      .get(t.api('/fleet/caches'))
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    const denied = await t.get('/fleet/caches', NO_READ);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(
      /may not view the image cache fleet/,
    );
    expect(t.audits).toContainEqual(
      expect.objectContaining({
        eventId: 'request-refused',
        outcome: 'fail',
        meta: { status: 403 },
      }),
    );
  });
});
