import {
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { component } from './__testUtils__/FakeCatalog';
import {
  startTestEciBackend,
  waitFor,
} from './__testUtils__/startTestEciBackend';
import { configuredDatabaseIds } from './__testUtils__/databaseIds';

jest.setTimeout(120_000);

const N = 20;
const MINUTE = 60_000;
const ENTITY = '/entities/component/default/web';
const entities = [
  component('web', {
    'alibabacloud.com/eci-images': 'nginx:1.25.3',
    'alibabacloud.com/eci-image-cache': 'manual',
  }),
];


function managedNames(emulator: RunningEmulator): string[] {
  const type = emulator.store.registry.byGroupResource('eci.alibabacloud.com', 'imagecaches');
  return emulator.store
    .list(type)
    .items.map(stored => stored.object as any)
    .filter(
      cache =>
        cache.metadata.labels?.['app.kubernetes.io/managed-by'] === 'backstage-eci-image-cache',
    )
    .map(cache => cache.metadata.name)
    .sort();
}

type Replica = Awaited<ReturnType<typeof startTestEciBackend>>;

/** N identical requests spread over the replicas at once: one 201, the rest 200 naming the same revision. */
async function burst(replicas: Replica[], body: object) {
  const responses = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      replicas[i % replicas.length].post(`${ENTITY}/caches`, body),
    ),
  );
  const statuses = responses.map(res => res.status).sort();
  expect(statuses).toEqual([...Array(N - 1).fill(200), 201]);
  const winner = responses.find(res => res.status === 201)!.body;
  for (const res of responses.filter(r => r.status === 200)) {
    expect(res.body).toMatchObject({
      outcome: 'in-flight',
      revision: winner.revision,
      requestedAt: winner.requestedAt,
      cache: { name: winner.cache.name },
    });
  }
  return winner;
}

/** Lets every replica reconcile and ECI finish, then checks the named cache is the current one. */
async function settle(emulator: RunningEmulator, replicas: Replica[], name: string) {
  for (let round = 0; round < 3; round++) {
    await Promise.all(replicas.map(replica => replica.reconcile()));
    emulator.advance(10 * MINUTE);
  }
  for (const replica of replicas) {
    await waitFor(async () => {
      const state = (await replica.get(ENTITY)).body;
      return state.clusters[0].caches.find((c: any) => c.name === name)?.role === 'active';
    }, `${name} to be current`);
  }
}

describe.each(configuredDatabaseIds())('concurrent cache commands on %s', databaseId => {
  const databases = TestDatabases.create({ ids: [databaseId] });
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0, manualClock: true, startTime: Date.now() });
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it.each([1, 2])(
    `%d replica(s): ${N} parallel creates and ${N} parallel refreshes each make exactly one ImageCache`,
    async replicaCount => {
      const knex = await databases.init(databaseId);
      const replicas: Replica[] = [];
      for (let i = 0; i < replicaCount; i++) {
        replicas.push(
          await startTestEciBackend({
            clusters: [{ name: 'hangzhou', emulator }],
            entities,
            features: [mockServices.database.factory({ knex })],
          }),
        );
      }
      for (const replica of replicas) await replica.waitForSync();

      const created = await burst(replicas, {});
      expect(created).toMatchObject({ outcome: 'created', replaces: null, revision: 0 });
      expect(managedNames(emulator)).toEqual([created.cache.name]);
      await settle(emulator, replicas, created.cache.name);
      expect(managedNames(emulator)).toEqual([created.cache.name]);

      const refreshed = await burst(replicas, { imageCacheSize: 30 });
      expect(refreshed).toMatchObject({
        outcome: 'refreshed',
        replaces: created.cache.name,
        revision: 1,
        cache: { imageCacheSize: 30 },
      });
      expect(managedNames(emulator)).toEqual([created.cache.name, refreshed.cache.name].sort());
      await settle(emulator, replicas, refreshed.cache.name);
      // The refresh replaced the first cache, which is kept as the one previous cache.
      expect(managedNames(emulator)).toEqual([created.cache.name, refreshed.cache.name].sort());
      const state = (await replicas[0].get(ENTITY)).body;
      expect(
        Object.fromEntries(state.clusters[0].caches.map((c: any) => [c.name, c.role])),
      ).toEqual({ [created.cache.name]: 'previous', [refreshed.cache.name]: 'active' });
      expect(state.history.filter((h: any) => h.action === 'created')).toHaveLength(2);

      for (const replica of replicas) await replica.backend.stop();
    },
  );
});
