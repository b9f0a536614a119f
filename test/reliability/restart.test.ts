import { TestDatabases } from '@backstage/backend-test-utils';
import {
  EntitySettings,
  imageCacheName,
} from '@eci-portal/plugin-eci-image-cache-common';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requireStatus, startReliabilityBackend } from './harness/backend';
import {
  advanceAll,
  startClusters,
  stopClusters,
  TestCluster,
} from './harness/clusters';
import { imageCaches } from './harness/clusterObjects';
import { checkConvergence, isConverged } from './harness/convergence';
import {
  anotherConnection,
  pluginRowCounts,
  postgresTestDatabaseId,
  sqliteFile,
} from './harness/database';
import { buildFleet, desiredCaches, FleetEntity } from './harness/fleet';
import { countHistory, historyGaps } from './harness/history';
import { sleep, waitUntil } from './harness/loops';
import { PROFILE } from './harness/profile';
import { lostSettings } from './harness/settings';
import { clusterTraffic, printSummary } from './harness/summary';

const MINUTE = 60_000;
const postgres = postgresTestDatabaseId();
const databases = postgres
  ? TestDatabases.create({ ids: [postgres] })
  : undefined;

/** A database the backend can be restarted on: `open` gives a new connection each time. */
interface Storage {
  name: string;
  open(): Promise<Knex>;
  close(): Promise<void>;
}

function sqliteStorage(): Storage {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-reliability-'));
  const file = path.join(directory, 'eci-image-cache.sqlite');
  return {
    name: 'SQLite file',
    open: async () => sqliteFile(file),
    close: async () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

function postgresStorage(): Storage {
  let admin: Knex | undefined;
  return {
    name: postgres!,
    open: async () => {
      admin ??= await databases!.init(postgres!);
      return anotherConnection(admin, 1_000);
    },
    close: async () => {},
  };
}

const storages: Array<[string, () => Storage]> = [
  ['SQLite file', sqliteStorage],
];
if (postgres) {
  storages.push([postgres, postgresStorage]);
} else {
  process.stdout.write(
    `[reliability:${PROFILE.name}] restart (PostgreSQL): SKIPPED, no BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING set; runs on SQLite only\n`,
  );
}

function names(fleet: FleetEntity[]) {
  return new Map(
    fleet.map(item => [
      item.entityRef,
      imageCacheName(item.entityRef, item.images),
    ]),
  );
}

describe.each(storages)(
  'backend restarted in the middle of a rotation (%s)',
  (_, makeStorage) => {
    let clusters: TestCluster[];
    let storage: Storage;

    beforeAll(async () => {
      clusters = await startClusters(PROFILE.clusters);
      storage = makeStorage();
    });

    afterAll(async () => {
      await stopClusters(clusters ?? []);
      await storage?.close();
    });

    it(
      "converges and records each cache's created, ready, rotated and deleted once",
      async () => {
        const clusterNames = clusters.map(c => c.name);
        const before = buildFleet(PROFILE.restartEntities, clusterNames, {
          roles: ['manual'],
        });
        const after = buildFleet(PROFILE.restartEntities, clusterNames, {
          roles: ['manual'],
          generation: 1,
        });
        const catalog = new FakeCatalog(before.map(item => item.entity));
        const lifecycle = { previousCachesKept: 0 };

        // First life: every entity gets its cache and sees it become Ready.
        const firstKnex = await storage.open();
        const first = await startReliabilityBackend({
          clusters,
          catalog,
          knex: firstKnex,
          scheduler: 'manual',
          replica: 'first',
          lifecycle,
        });
        await first.waitForSync();
        await first.reconcile();
        advanceAll(clusters, 15 * MINUTE);
        await waitUntil(
          async () =>
            (await countHistory(firstKnex, 'ready')) === before.length,
          'every first cache to be recorded Ready',
          30_000,
        );

        // Settings saved through the API before the crash must survive it.
        const saved = new Map<string, EntitySettings>();
        for (const item of before.filter((__, index) => index % 3 === 0)) {
          const settings = { acrInstance: 'cn-shanghai:cri-shanghai7k2m9x4p' };
          const [kind, rest] = item.entityRef.split(':');
          requireStatus(
            await first.put(`/entities/${kind}/${rest}/settings`, settings),
            200,
            'settings before the crash',
          );
          saved.set(item.entityRef, settings);
        }

        // The image sets change; the rotation starts, slowly, and the backend dies halfway.
        for (const item of after) catalog.set(item.entity);
        for (const cluster of clusters)
          cluster.emulator.faults.set({ latencyMs: 100 });
        const newNames = new Set(names(after).values());
        const created = () =>
          clusters.reduce(
            (sum, c) =>
              sum +
              imageCaches(c.emulator).filter(cache =>
                newNames.has(cache.metadata.name),
              ).length,
            0,
          );
        const pass = first.reconcile().catch(error => String(error));
        await waitUntil(
          () => created() >= Math.ceil(after.length / 2),
          'half of the new caches',
          60_000,
          20,
        );
        // The crash: the database connection dies first, so requests already on their way
        // still reach the clusters (created there, never recorded); then nothing gets through.
        await firstKnex.destroy();
        await sleep(250);
        for (const cluster of clusters)
          cluster.emulator.faults.set({ unreachable: true });
        for (const cluster of clusters) cluster.emulator.dropWatches();
        await first.stop();
        await pass;
        const createdBeforeCrash = created();
        for (const cluster of clusters) cluster.emulator.faults.reset();

        // While no backend runs, ECI finishes the new caches.
        advanceAll(clusters, 15 * MINUTE);

        // Second life: same database, same clusters, same catalog.
        const secondKnex = await storage.open();
        const second = await startReliabilityBackend({
          clusters,
          catalog,
          knex: secondKnex,
          scheduler: 'manual',
          replica: 'second',
          lifecycle,
        });
        await second.waitForSync();
        const desired = desiredCaches(after, new Map());
        const started = Date.now();
        const convergeMs = await waitUntil(
          async () => {
            await second.reconcile();
            advanceAll(clusters, 15 * MINUTE);
            await sleep(100);
            return isConverged(checkConvergence(clusters, desired));
          },
          'the rotation to finish',
          PROFILE.convergeTimeoutMs,
          0,
        );
        // The Ready transitions of the last caches and the rotation records land after a pass.
        await second.reconcile();
        await sleep(500);
        await second.reconcile();

        const oldNames = names(before);
        const expected = after.flatMap(item => [
          {
            cluster: item.cluster,
            cacheName: oldNames.get(item.entityRef)!,
            actions: ['created', 'ready', 'deleted'],
          },
          {
            cluster: item.cluster,
            cacheName: imageCacheName(item.entityRef, item.images),
            actions: ['created', 'ready', 'rotated'],
          },
        ]);
        const gaps = await historyGaps(secondKnex, expected);
        const rows = await pluginRowCounts(secondKnex);
        const lost = await lostSettings(secondKnex, saved);
        const shown = await second.get(
          `/entities/component/default/${before[0].entity.metadata.name}`,
        );
        const traffic = clusterTraffic(clusters.map(c => c.emulator));
        printSummary(`restart (${storage.name})`, {
          entities: after.length,
          clusters: clusters.length,
          requests: traffic.requests,
          faults: traffic.faults,
          createdBeforeCrash,
          convergeMs,
          sinceRestartMs: Date.now() - started,
          duplicates: checkConvergence(clusters, desired).duplicates.length,
          historyGaps: gaps.length,
          savedSettings: saved.size,
          lostSettings: lost.length,
        });

        expect(lost).toEqual([]);
        expect(shown.body.settings.settings).toEqual(
          saved.get(before[0].entityRef),
        );

        expect(createdBeforeCrash).toBeGreaterThanOrEqual(
          Math.ceil(after.length / 2),
        );
        expect(createdBeforeCrash).toBeLessThan(after.length);
        expect(checkConvergence(clusters, desired)).toEqual({
          missing: [],
          duplicates: [],
          unwanted: [],
          managedCount: after.length,
        });
        expect(gaps).toEqual([]);
        expect(rows).toMatchObject({
          eci_cache_retries: 0,
          eci_orphan_marks: 0,
        });
        await second.stop();
        await secondKnex.destroy();
      },
      PROFILE.scenarioTimeoutMs,
    );
  },
);
