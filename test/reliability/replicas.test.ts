import { TestDatabases } from '@backstage/backend-test-utils';
import {
  EntitySettings,
  imageCacheName,
} from '@eci-portal/plugin-eci-image-cache-common';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { RECONCILE_TASK_ID } from '@eci-portal/plugin-eci-image-cache-backend/src/plugin';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { Knex } from 'knex';
import { AuditRecord } from './harness/auditLog';
import {
  ReliabilityBackend,
  requireStatus,
  startReliabilityBackend,
} from './harness/backend';
import {
  advanceAll,
  startClusters,
  stopClusters,
  TestCluster,
} from './harness/clusters';
import { checkConvergence, isConverged } from './harness/convergence';
import { anotherConnection, postgresTestDatabaseId } from './harness/database';
import { buildFleet, desiredCaches, EntityRole } from './harness/fleet';
import { historyGaps } from './harness/history';
import { repeat, waitUntil } from './harness/loops';
import { overlappingRuns } from './harness/overlap';
import { PROFILE } from './harness/profile';
import { lostSettings } from './harness/settings';
import { TaskRun } from './harness/schedulers';
import { seedObsoleteCaches } from './harness/seeds';
import { clusterTraffic, printSummary } from './harness/summary';

const MINUTE = 60_000;
const postgres = postgresTestDatabaseId();
const databases = postgres
  ? TestDatabases.create({ ids: [postgres] })
  : undefined;
const ROLES: EntityRole[] = ['manual', 'manual', 'manual-sized', 'auto'];

const title = postgres
  ? `two backend replicas on one ${postgres} database`
  : 'two backend replicas on one PostgreSQL database (SKIPPED: set BACKSTAGE_TEST_DATABASE_POSTGRES<version>_CONNECTION_STRING, e.g. BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres:postgres@127.0.0.1:5432)';

if (!postgres)
  process.stdout.write(`[reliability:${PROFILE.name}] replicas: ${title}\n`);

(postgres ? describe : describe.skip)(title, () => {
  let clusters: TestCluster[];
  const connections: Knex[] = [];
  const replicas: ReliabilityBackend[] = [];
  const runs: TaskRun[] = [];
  const audits: AuditRecord[] = [];

  beforeAll(async () => {
    clusters = await startClusters(PROFILE.clusters);
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    for (const knex of connections.slice(1)) await knex.destroy();
    await stopClusters(clusters ?? []);
  });

  it(
    'creates every cache exactly once and runs the reconciler on one replica at a time',
    async () => {
      const clusterNames = clusters.map(c => c.name);
      const generations = [0, 1, 2].map(generation =>
        buildFleet(PROFILE.replicaEntities, clusterNames, {
          roles: ROLES,
          generation,
        }),
      );
      const obsolete = seedObsoleteCaches(clusters, generations[0], 0);
      const catalog = new FakeCatalog(generations[0].map(item => item.entity));
      const first = await databases!.init(postgres!);
      connections.push(first, anotherConnection(first));
      for (const [index, knex] of connections.entries()) {
        replicas.push(
          await startReliabilityBackend({
            clusters,
            catalog,
            knex,
            scheduler: 'global',
            replica: `replica-${index + 1}`,
            runs,
            audits,
            lifecycle: { previousCachesKept: 0 },
          }),
        );
      }
      for (const replica of replicas) await replica.waitForSync();

      // ECI keeps building caches while the replicas reconcile on their own schedule:
      // generation 0, then a rotation to generation 1 with both replicas up, then replica-1
      // stops and replica-2 alone rotates to generation 2.
      const eci = repeat(async () => advanceAll(clusters, 5 * MINUTE), {
        pauseMs: 500,
        maxRuns: 2_000,
      });
      const started = Date.now();
      const desired = generations.map(fleet => desiredCaches(fleet, new Map()));
      const phaseMs: number[] = [];
      let stoppedAt = 0;
      const all = clusters;
      // Settings are saved through replica 2 while replica 1 runs the reconciler.
      const saved = new Map<string, EntitySettings>();
      for (const item of generations[0].filter((_, index) => index % 5 === 0)) {
        const settings = { acrInstance: 'cn-shanghai:cri-shanghai7k2m9x4p' };
        const [kind, rest] = item.entityRef.split(':');
        requireStatus(
          await replicas[1].put(`/entities/${kind}/${rest}/settings`, settings),
          200,
          'settings on replica 2',
        );
        saved.set(item.entityRef, settings);
      }
      for (const [generation, fleet] of generations.entries()) {
        if (generation === 2) {
          await replicas[0].stop();
          stoppedAt = Date.now();
        }
        for (const item of fleet) catalog.set(item.entity);
        phaseMs.push(
          await waitUntil(
            () => isConverged(checkConvergence(all, desired[generation])),
            `the caches of generation ${generation}`,
            PROFILE.convergeTimeoutMs,
          ),
        );
      }

      const lost = await lostSettings(first, saved);
      const cacheName = (generation: number, index: number) =>
        imageCacheName(
          generations[generation][index].entityRef,
          generations[generation][index].images,
        );
      const expected = generations[0].flatMap((item, index) =>
        desired[0].has(item.entityRef)
          ? [
              {
                cluster: item.cluster,
                cacheName: cacheName(0, index),
                actions: ['created', 'ready', 'deleted'],
              },
              {
                cluster: item.cluster,
                cacheName: cacheName(1, index),
                actions: ['created', 'ready', 'rotated', 'deleted'],
              },
              {
                cluster: item.cluster,
                cacheName: cacheName(2, index),
                actions: ['created', 'ready', 'rotated'],
              },
            ]
          : [],
      );
      for (const key of obsolete) {
        const [cluster, name] = key.split('/');
        expected.push({ cluster, cacheName: name, actions: ['deleted'] });
      }
      // The last Ready transitions and rotation records land within a few passes.
      await waitUntil(
        async () => (await historyGaps(first, expected)).length === 0,
        'a complete history',
        15_000,
      ).catch(() => undefined);
      await eci.stop();

      const gaps = await historyGaps(first, expected);
      const reconcileRuns = runs.filter(
        run => run.taskId === RECONCILE_TASK_ID,
      );
      const overlaps = overlappingRuns(runs, RECONCILE_TASK_ID);
      const stats = clusters.map(c => c.emulator.stats.snapshot());
      const sum = (count: (s: (typeof stats)[number]) => number | undefined) =>
        stats.reduce((total, s) => total + (count(s) ?? 0), 0);
      const createAttempts = sum(s => s.byVerb.create);
      const created = sum(s => s.byCode['201']);
      const conflicts = sum(s => s.byCode['409']);
      const traffic = clusterTraffic(clusters.map(c => c.emulator));
      const runsOf = (replica: string) =>
        reconcileRuns.filter(run => run.replica === replica);
      const wanted = desired.reduce((total, d) => total + d.size, 0);
      printSummary(`replicas (${postgres})`, {
        entities: PROFILE.replicaEntities,
        clusters: clusters.length,
        requests: traffic.requests,
        faults: traffic.faults,
        convergeMs: phaseMs[0],
        rotationMs: phaseMs[1],
        failoverRotationMs: phaseMs[2],
        totalMs: Date.now() - started,
        cachesWanted: wanted,
        created,
        createAttempts,
        conflicts,
        duplicates: checkConvergence(clusters, desired[2]).duplicates.length,
        overlappingRuns: overlaps.length,
        'runs.replica-1': runsOf('replica-1').length,
        'runs.replica-2': runsOf('replica-2').length,
        historyGaps: gaps.length,
        savedSettings: saved.size,
        lostSettings: lost.length,
      });

      expect(lost).toEqual([]);

      expect(checkConvergence(clusters, desired[2])).toEqual({
        missing: [],
        duplicates: [],
        unwanted: [],
        managedCount: desired[2].size,
      });
      // Every cache object was created once. A create that lost a race (the single-entity
      // reconcile after a settings change runs on the replica that served the request, outside
      // the scheduler's lock) was refused by the cluster (409, name taken) and adopted: every
      // attempt beyond the caches created is such a refusal.
      expect(created).toBe(wanted);
      expect(createAttempts - created).toBe(conflicts);
      expect(overlaps).toEqual([]);
      expect(reconcileRuns.filter(run => run.error)).toEqual([]);
      // replica-2 took over once replica-1 was gone.
      expect(
        runsOf('replica-2').filter(run => run.startedAt >= stoppedAt).length,
      ).toBeGreaterThan(0);
      expect(gaps).toEqual([]);
      // The remaining replica serves the entity API from its own watch cache.
      const probe = generations[2][0];
      const res = await replicas[1].get(
        `/entities/component/default/${probe.entity.metadata.name}`,
      );
      expect(res.status).toBe(200);
      expect(
        res.body.clusters.flatMap((c: any) => c.caches).map((c: any) => c.name),
      ).toContain(desired[2].get(probe.entityRef)!.name);
    },
    PROFILE.scenarioTimeoutMs,
  );
});
