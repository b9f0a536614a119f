import { TestDatabases } from '@backstage/backend-test-utils';
/* eslint-disable @backstage/no-forbidden-package-imports */
import {
  component,
  FakeCatalog,
} from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { Knex } from 'knex';
import {
  ReliabilityBackend,
  startReliabilityBackend,
} from './harness/backend';
import {
  advanceAll,
  startClusters,
  stopClusters,
  TestCluster,
} from './harness/clusters';
import { imageCaches, isManaged, ownerOf } from './harness/clusterObjects';
import {
  anotherConnection,
  postgresTestDatabaseId,
  sqliteMemory,
} from './harness/database';
import { waitUntil } from './harness/loops';
import { PROFILE } from './harness/profile';
import { printSummary } from './harness/summary';

const MINUTE = 60_000;
const postgres = postgresTestDatabaseId();
const databases = postgres ? TestDatabases.create({ ids: [postgres] }) : undefined;

interface Answer {
  status: number;
  ms: number;
  body: any;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

describe(`concurrent commands (${postgres ? `two replicas on one ${postgres} database` : 'one replica on SQLite; set BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING for two replicas'})`, () => {
  let clusters: TestCluster[];
  const connections: Knex[] = [];
  const replicas: ReliabilityBackend[] = [];

  beforeAll(async () => {
    clusters = await startClusters(1);
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    for (const knex of connections.slice(1)) await knex.destroy();
    if (!postgres) for (const knex of connections) await knex.destroy();
    await stopClusters(clusters ?? []);
  });

  it(
    'turns every burst of identical creates and refreshes into exactly one ImageCache, with truthful answers',
    async () => {
      const [cluster] = clusters;
      const names = Array.from({ length: PROFILE.commandEntities }, (_, i) => `burst-${i}`);
      const catalog = new FakeCatalog(
        names.map(name =>
          component(name, {
            'alibabacloud.com/eci-images': 'nginx:1.25.3',
            'alibabacloud.com/eci-image-cache': 'manual',
          }),
        ),
      );
      if (postgres) {
        const first = await databases!.init(postgres);
        connections.push(first, anotherConnection(first));
      } else {
        connections.push(sqliteMemory());
      }
      // The reconciler also runs on its own schedule (every second) on every replica.
      for (const [index, knex] of connections.entries()) {
        replicas.push(
          await startReliabilityBackend({
            clusters,
            catalog,
            knex,
            scheduler: 'global',
            replica: `replica-${index + 1}`,
          }),
        );
      }
      for (const replica of replicas) await replica.waitForSync();

      const managedOf = (entityRef: string) =>
        imageCaches(cluster.emulator).filter(c => isManaged(c) && ownerOf(c) === entityRef);
      // The reconciler records every cache it creates once (by uid): the oracle for "exactly one".
      const createdCount = async (entityRef: string) =>
        Number(
          (
            await connections[0]('eci_cache_history')
              .where({ entity_ref: entityRef, action: 'created' })
              .count({ count: '*' })
          )[0].count,
        );
      const answers: Answer[] = [];
      let bursts = 0;
      let extraCaches = 0;
      let untruthful = 0;

      const burst = async (name: string, body: object) => {
        const path = `/entities/component/default/${name}/caches`;
        const results = await Promise.all(
          Array.from({ length: PROFILE.burstSize }, async (_, i) => {
            const started = Date.now();
            const res = await replicas[i % replicas.length].post(path, body);
            return { status: res.status, ms: Date.now() - started, body: res.body };
          }),
        );
        answers.push(...results);
        bursts += 1;
        const winners = results.filter(r => r.status === 201);
        expect(winners).toHaveLength(1);
        const named = new Set(results.filter(r => r.status < 300).map(r => r.body.cache.name));
        expect([...named]).toEqual([winners[0].body.cache.name]);
        return winners[0].body.cache.name as string;
      };

      /** ECI builds; true once the named cache is the entity's current one on every replica. */
      const isCurrent = async (name: string, cacheName?: string) => {
        advanceAll(clusters, 5 * MINUTE);
        for (const replica of replicas) {
          const state = (await replica.get(`/entities/component/default/${name}`)).body;
          const current = state.clusters?.[0]?.caches.find((c: any) => c.role === 'active');
          if (!current || current.phase !== 'Ready') return false;
          if (cacheName && current.name !== cacheName) return false;
        }
        return true;
      };

      // The scheduled reconciler builds every manual entity's first cache on its own.
      for (const name of names) {
        await waitUntil(() => isCurrent(name), `the first cache of ${name}`, 60_000, 200);
      }
      const started = Date.now();
      for (const name of names) {
        const entityRef = `component:default/${name}`;
        const bodies = [{}, ...Array.from({ length: PROFILE.refreshBursts }, (_, round) => ({ imageCacheSize: 30 + round }))];
        for (const body of bodies) {
          const before = await createdCount(entityRef);
          const answered = await burst(name, body);
          const becameCurrent = await waitUntil(
            () => isCurrent(name, answered),
            `${answered} to become current`,
            60_000,
            200,
          ).then(
            () => true,
            () => false,
          );
          if (!becameCurrent) untruthful += 1;
          // The answered cache is never removed behind the caller's back.
          if (!managedOf(entityRef).some(c => c.metadata.name === answered)) untruthful += 1;
          extraCaches += (await createdCount(entityRef)) - before - 1;
        }
      }
      const elapsed = Date.now() - started;
      const count = (status: number) => answers.filter(a => a.status === status).length;
      printSummary('concurrent commands', {
        replicas: replicas.length,
        database: postgres ?? 'SQLITE_3',
        bursts,
        requests: answers.length,
        created201: count(201),
        inFlight200: count(200),
        refused409: count(409),
        other: answers.filter(a => ![200, 201, 409].includes(a.status)).length,
        duplicates: extraCaches,
        untruthful,
        p99ms: percentile(answers.map(a => a.ms), 99),
        totalMs: elapsed,
      });
      expect(count(201)).toBe(bursts);
      expect(answers.filter(a => ![200, 201].includes(a.status))).toEqual([]);
      expect(extraCaches).toBe(0);
      expect(untruthful).toBe(0);
    },
    PROFILE.scenarioTimeoutMs,
  );
});
