import { EntitySettings } from '@eci-portal/plugin-eci-image-cache-common';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { Knex } from 'knex';
import { ReliabilityBackend, startReliabilityBackend } from './harness/backend';
import { startClusters, stopClusters, TestCluster } from './harness/clusters';
import { writeRequests } from './harness/clusterObjects';
import { checkConvergence, isConverged } from './harness/convergence';
import { historyRows, sqliteMemory } from './harness/database';
import { buildFleet, desiredCaches, FleetEntity } from './harness/fleet';
import { repeat, sleep, waitUntil } from './harness/loops';
import { PROFILE } from './harness/profile';
import { lostSettings } from './harness/settings';
import { EntitySample, percentile, startSampler } from './harness/sampler';
import {
  seedForeignCaches,
  seedObsoleteCaches,
  touchedForeignCaches,
  UntouchedCache,
} from './harness/seeds';
import { clusterTraffic, printSummary } from './harness/summary';

/** Every fault of the emulator but the outage, as the issue lists them. */
const STORM = {
  errorRate: { '*': 0.2 },
  latencyMs: 2_000,
  dropWatchesEveryMs: 10_000,
  conflictEveryNthUpdate: 2,
  throttleRate: 0.1,
  retryAfterSeconds: 1,
  // Each cluster draws the same seeded sequence; with seed 43 its 2nd and 4th requests fail with 500
  // and its 3rd and 5th are throttled, so even the short profile's few storm requests (commands only
  // record intent, so the storm sees little write traffic) meet every fault kind.
  seed: 43,
};

function entityPath(ref: string) {
  const [kind, rest] = ref.split(':');
  return `/entities/${kind}/${rest}`;
}

describe(`Kubernetes faults (${PROFILE.name} profile: ${PROFILE.entities} entities, ${PROFILE.clusters} clusters)`, () => {
  let clusters: TestCluster[];
  let knex: Knex;
  let backend: ReliabilityBackend;
  let fleet: FleetEntity[];
  let untouched: UntouchedCache[];
  let obsolete: string[];

  beforeAll(async () => {
    clusters = await startClusters(PROFILE.clusters);
    fleet = buildFleet(
      PROFILE.entities,
      clusters.map(cluster => cluster.name),
    );
    untouched = seedForeignCaches(clusters, fleet);
    obsolete = seedObsoleteCaches(clusters, fleet, PROFILE.clusters * 2);
    knex = sqliteMemory();
    backend = await startReliabilityBackend({
      clusters,
      catalog: new FakeCatalog(fleet.map(item => item.entity)),
      knex,
      scheduler: 'manual',
    });
    await backend.waitForSync();
  }, PROFILE.scenarioTimeoutMs);

  afterAll(async () => {
    await backend?.stop();
    await knex?.destroy();
    await stopClusters(clusters ?? []);
  });

  it(
    'converges to exactly the desired caches, keeps every saved setting and answers reads throughout',
    async () => {
      const saved = new Map<string, EntitySettings>();
      const saveSettings = async (item: FleetEntity) => {
        const res = await backend.put(
          `${entityPath(item.entityRef)}/settings`,
          item.settings,
        );
        expect({ entity: item.entityRef, status: res.status }).toEqual({
          entity: item.entityRef,
          status: 200,
        });
        saved.set(item.entityRef, item.settings!);
      };
      for (const item of fleet.filter(e => e.role === 'settings-before')) {
        await saveSettings(item);
      }
      const [sick, ...healthy] = [...clusters].reverse();
      for (const cluster of clusters) cluster.emulator.stats.reset();

      let phase = 'storm';
      const reconciler = repeat(() => backend.reconcile(), {
        pauseMs: 250,
        maxRuns: 10_000,
      });
      const sampler = startSampler({
        read: path => backend.get(path),
        paths: fleet.slice(0, 20).map(item => entityPath(item.entityRef)),
        intervalMs: 200,
        maxSamples: 20_000,
        phase: () => phase,
      });

      // Storm: every fault on every cluster; settings keep being saved meanwhile.
      const stormStarted = Date.now();
      for (const cluster of clusters) cluster.emulator.faults.set(STORM);
      const during = fleet.filter(e => e.role === 'settings-during');
      for (const item of during) {
        await saveSettings(item);
        await sleep(Math.floor(PROFILE.stormMs / (during.length + 1)));
      }
      await sleep(Math.max(0, PROFILE.stormMs - (Date.now() - stormStarted)));

      // Outage: one cluster unreachable, the others healthy again.
      phase = 'outage';
      for (const cluster of healthy) cluster.emulator.faults.reset();
      sick.emulator.faults.set({ unreachable: true });
      sick.emulator.dropWatches();
      await sleep(PROFILE.outageMs);

      phase = 'recovery';
      sick.emulator.faults.reset();
      const faultsEnded = Date.now();
      const desired = desiredCaches(fleet, saved);
      const convergeMs = await waitUntil(
        () => isConverged(checkConvergence(clusters, desired)),
        'the clusters to hold exactly the desired caches',
        PROFILE.convergeTimeoutMs,
      );
      await reconciler.stop();
      const samples = await sampler.stop();
      await backend.waitForSync();

      // Converged for good: one more pass writes nothing.
      const writesBefore = clusters.map(c => writeRequests(c.emulator));
      await backend.reconcile();
      expect(clusters.map(c => writeRequests(c.emulator))).toEqual(
        writesBefore,
      );

      const report = checkConvergence(clusters, desired);
      const lost = await lostSettings(knex, saved);
      const touched = touchedForeignCaches(clusters, untouched);
      const traffic = clusterTraffic(clusters.map(c => c.emulator));
      const latencies = samples.map(sample => sample.latencyMs);
      printSummary('faults', {
        entities: fleet.length,
        clusters: clusters.length,
        requests: traffic.requests,
        faults: traffic.faults,
        ...Object.fromEntries(
          Object.entries(traffic.byKind).map(([kind, count]) => [
            `faults.${kind}`,
            count,
          ]),
        ),
        convergeMs: convergeMs,
        sinceStormMs: Date.now() - stormStarted,
        desired: desired.size,
        managed: report.managedCount,
        duplicates: report.duplicates.length,
        unmanagedTouched: touched.length,
        savedSettings: saved.size,
        lostSettings: lost.length,
        reconcilePasses: reconciler.runs,
        entityReads: samples.length,
        readP99Ms: percentile(latencies, 99),
        readMaxMs: Math.max(...latencies),
      });

      expect(reconciler.errors).toEqual([]);
      expect(report).toEqual({
        missing: [],
        duplicates: [],
        unwanted: [],
        managedCount: desired.size,
      });
      expect(touched).toEqual([]);
      expect(lost).toEqual([]);
      expect(saved.size).toBe(
        fleet.filter(e => e.settings !== undefined).length,
      );
      // Every fault kind was really injected; the plugin never updates caches, so the
      // "409 on every second update" fault has nothing to hit.
      expect(traffic.byKind).toMatchObject({
        error: expect.any(Number),
        latency: expect.any(Number),
        throttle: expect.any(Number),
        droppedWatch: expect.any(Number),
        unreachable: expect.any(Number),
        conflict: 0,
      });
      for (const kind of [
        'error',
        'latency',
        'throttle',
        'droppedWatch',
        'unreachable',
      ]) {
        expect({ kind, injected: traffic.byKind[kind] > 0 }).toEqual({
          kind,
          injected: true,
        });
      }
      expect(
        clusters.map(c => c.emulator.stats.snapshot().byVerb.update ?? 0),
      ).toEqual(clusters.map(() => 0));
      expect(faultsEnded - stormStarted).toBeGreaterThanOrEqual(
        PROFILE.stormMs + PROFILE.outageMs,
      );

      // History: each cache the plugin created or deleted is recorded exactly once.
      const history = await historyRows(knex);
      const count = (action: string, key: string) =>
        history.filter(
          row =>
            row.action === action && `${row.cluster}/${row.cache_name}` === key,
        ).length;
      const createdTwiceOrNever = Array.from(desired.values())
        .map(cache => `${cache.cluster}/${cache.name}`)
        .filter(key => count('created', key) !== 1);
      const deletedTwiceOrNever = obsolete.filter(
        key => count('deleted', key) !== 1,
      );
      expect(createdTwiceOrNever).toEqual([]);
      expect(deletedTwiceOrNever).toEqual([]);

      checkSamples(
        samples,
        sick.name,
        clusters.map(c => c.name),
      );
    },
    PROFILE.scenarioTimeoutMs,
  );
});

/** The entity API answered every read, with per-cluster errors only for clusters that are down. */
function checkSamples(samples: EntitySample[], sick: string, names: string[]) {
  expect(samples.length).toBeGreaterThan(10);
  const failed = samples.filter(sample => sample.status !== 200);
  expect(failed).toEqual([]);
  for (const sample of samples) {
    expect(sample.clusters.map(cluster => cluster.name)).toEqual(names);
    // Errors are per cluster: only a cluster whose watch is down has one.
    const erroring = sample.clusters
      .filter(c => c.error !== null)
      .map(c => c.name);
    expect(sample.errorClusters).toEqual(erroring);
    for (const cluster of sample.clusters.filter(c => c.error !== null)) {
      expect(cluster.state).toBe('error');
      expect(cluster.error!.message).toContain(`Cluster "${cluster.name}"`);
    }
  }
  // In the second half of the outage the sick cluster is reported down, the others are fine.
  const outage = samples.filter(sample => sample.phase === 'outage');
  const lateOutage = outage.slice(Math.floor(outage.length / 2));
  expect(lateOutage.length).toBeGreaterThan(3);
  for (const sample of lateOutage) {
    for (const cluster of sample.clusters) {
      if (cluster.name === sick) {
        expect(cluster).toMatchObject({
          state: 'error',
          error: { statusCode: 503 },
        });
      } else {
        expect(cluster).toMatchObject({ state: 'synced', error: null });
      }
    }
  }
}
