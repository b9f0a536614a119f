// Benchmark of the fleet route (`GET /fleet/caches`, the fleet page's first page) against 3
// emulated clusters holding 10,000 ImageCaches, with 1,000 catalog entities. Run from the
// repository root:
//
//   npx tsx test/bench/fleet.bench.ts
//
// Budgets (the process exits non-zero when one is missed):
// - the first page's p99 latency within 15x of a trivial authenticated route (GET /clusters):
//   every request filters, sorts and totals all 10,000 caches, then looks up 50 owners;
// - 0 Kubernetes requests for all fleet reads (emulator request counters).
import { benchEntity, CACHE_COUNT, ENTITY_COUNT } from './backendBenchData';
import {
  percentile,
} from './benchSupport';
import { startBenchBackend } from './benchBackend';
import { benchReport } from './benchReport';

const BUDGET = { p99Ratio: 15, requestsPerRead: 0 };
const WARMUP = 100;
const SAMPLES = 500;
const ROUNDS = 3;
const PAGE_SIZE = 50;

async function main() {
  const report = benchReport('fleet');
  const { host, catalog, get, seedCaches, finish } = await startBenchBackend({
    fleet: { pricePerGiBMonth: 0.5 },
  });
  await seedCaches();
  for (let index = 0; index < ENTITY_COUNT; index++)
    catalog.set(benchEntity(index));

  const firstPage = JSON.parse(
    (await get(`/fleet/caches?limit=${PAGE_SIZE}`)).body,
  );
  console.log(
    `fleet: ${firstPage.total} caches on ${firstPage.totals.length} clusters, first page of ${firstPage.items.length}`,
  );
  if (firstPage.total !== CACHE_COUNT)
    throw new Error(`expected ${CACHE_COUNT} caches, got ${firstPage.total}`);

  // Interleaved with the trivial route, a ratio per round, the median of the rounds judged: the
  // machine may be shared.
  await host.ask({ type: 'reset-stats' }, 'stats-reset');
  const ratios: number[] = [];
  const p99s: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const fleetMs: number[] = [];
    const trivialMs: number[] = [];
    const warmup = round === 1 ? WARMUP : 0;
    for (let i = 0; i < warmup + SAMPLES; i++) {
      const fleet = await get(`/fleet/caches?limit=${PAGE_SIZE}`);
      const trivial = await get('/clusters');
      if (fleet.status !== 200 || trivial.status !== 200) {
        throw new Error(`unexpected status ${fleet.status}/${trivial.status}`);
      }
      if (i >= warmup) {
        fleetMs.push(fleet.ms);
        trivialMs.push(trivial.ms);
      }
    }
    const ratio = percentile(fleetMs, 99) / percentile(trivialMs, 99);
    ratios.push(ratio);
    p99s.push(percentile(fleetMs, 99));
    console.log(
      `round ${round}: fleet first page p50 ${percentile(fleetMs, 50).toFixed(
        2,
      )} ms, p99 ${percentile(fleetMs, 99).toFixed(2)} ms; ` +
        `GET /clusters p50 ${percentile(trivialMs, 50).toFixed(
          2,
        )} ms, p99 ${percentile(trivialMs, 99).toFixed(
          2,
        )} ms; p99 ratio ${ratio.toFixed(2)}`,
    );
  }
  const reads = ROUNDS * SAMPLES + WARMUP;
  const { requests } = await host.ask({ type: 'stats' }, 'stats');
  const medianRatio = percentile(ratios, 50);
  report.figure({
    benchmark: `backend: fleet route first page (\`GET /fleet/caches?limit=${PAGE_SIZE}\`, 10,000 caches on 3 clusters) p99 / trivial authenticated route p99`,
    figure: `${medianRatio.toFixed(2)} (median of ${ROUNDS} rounds × ${SAMPLES}; fleet p99 ${Math.min(...p99s).toFixed(1)}–${Math.max(...p99s).toFixed(1)} ms)`,
    budget: `≤ ${BUDGET.p99Ratio}`,
    met: medianRatio <= BUDGET.p99Ratio,
  });
  report.figure({
    benchmark: 'backend: Kubernetes requests per fleet read',
    figure: `${requests} (${reads.toLocaleString('en-US')} reads)`,
    budget: `${BUDGET.requestsPerRead}`,
    met: requests === BUDGET.requestsPerRead,
  });

  await finish(report);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
