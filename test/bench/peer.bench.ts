// Benchmark against the plugin a Backstage user would pick instead: Backstage's Kubernetes
// backend (@backstage/plugin-kubernetes-backend) with the ImageCache CRD as a custom resource.
// Both plugins run in one backend against the same 3 emulated clusters, and the same entity is
// viewed through each plugin's entity route, in alternating blocks, at 1,000, 10,000 and 50,000
// ImageCaches. Run from the repository root:
//
//   npm run bench:peer     (prints the table; `npm run bench` also writes it into the README)
//
// The peer is configured as its documentation says: the clusters with `clusterLocatorMethods`
// type config, `serviceLocatorMethod` multiTenant, `customResources` the ImageCache CRD, and the
// entity annotated with `backstage.io/kubernetes-label-selector` matching its managed caches.
// Its tab (EntityKubernetesContent) loads with `POST /api/kubernetes/services/:name` and the
// entity: every default workload kind plus the custom resources, on every cluster.
//
// Budget (exit code 1 when missed), at 10,000 caches: our p99 at least 20x lower than the peer's,
// with 0 Kubernetes requests per view.
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import eciImageCachePlugin from '@eci-portal/plugin-eci-image-cache-backend';
import { entityRefHash } from '@eci-portal/plugin-eci-image-cache-common';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { IndexedCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/IndexedCatalog';
import {
  allowAllPermissions,
  schedulerServiceFactory,
} from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/benchmarkServices';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { benchReport } from './benchReport';
import { benchEntity, CACHES_PER_ENTITY, CLUSTERS, entityName } from './backendBenchData';
import {
  backendClient,
  BenchCluster,
  collectYoungGarbage,
  eciImageCacheConfig,
  heapMiB,
  percentile,
  startClusterHost,
  waitUntil,
} from './benchSupport';

const LEVELS = [1_000, 10_000, 50_000];
const BUDGET = { level: 10_000, p99Ratio: 20, ourRequestsPerView: 0 };
// Both plugins get the same warm-up and the same number of timed views, in alternating blocks;
// p99 is taken per round and the median of the rounds is reported (the machine may be shared).
const WARMUP = 100;
const ROUNDS = 3;
const VIEWS_PER_ROUND = Number(process.env.PEER_BENCH_VIEWS ?? 1_000);
const BLOCK = 10;
const COUNTED_PEER_VIEWS = 10;
const COUNTED_OUR_VIEWS = 1_000;
const VIEWED = 0;
const VIEWED_REF = `component:default/${entityName(VIEWED)}`;
const LABEL_SELECTOR = `eci.backstage.io/entity-hash=${entityRefHash(VIEWED_REF)}`;

interface LevelResult {
  caches: number;
  ours: { p50: number; p99: number; requestsPerView: number; heapMiB: number };
  peer: { p50: number; p99: number; requestsPerView: number; heapMiB: number };
  trivial: { p50: number; p99: number };
}

function viewedEntity(): Entity {
  const entity = benchEntity(VIEWED);
  entity.metadata.annotations!['backstage.io/kubernetes-label-selector'] = LABEL_SELECTOR;
  return entity;
}

/** The ImageCaches in the peer's answer; throws when it reports errors (the setup would be wrong). */
function peerImageCaches(body: string): number {
  const { items } = JSON.parse(body) as {
    items: Array<{ errors: unknown[]; resources: Array<{ type: string; resources: Array<{ kind: string }> }> }>;
  };
  const errors = items.flatMap(item => item.errors);
  if (errors.length > 0) throw new Error(`the peer reported errors: ${JSON.stringify(errors).slice(0, 500)}`);
  return items
    .flatMap(item => item.resources)
    .filter(resource => resource.type === 'customresources')
    .flatMap(resource => resource.resources)
    .filter(resource => resource.kind === 'ImageCache').length;
}

function ourImageCaches(body: string): number {
  const state = JSON.parse(body) as { clusters: Array<{ caches: unknown[] }> };
  return state.clusters.reduce((sum, cluster) => sum + cluster.caches.length, 0);
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
const mib = (value: number) => `${Math.max(0, value).toFixed(1)} MiB`;
const times = (value: number) => `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;

function table(results: LevelResult[]): string[] {
  const [first] = results;
  const rows = results.map(({ caches, ours, peer, trivial }) =>
    [
      caches.toLocaleString('en-US'),
      `${ms(ours.p50)} / ${ms(ours.p99)} ms`,
      `${ms(peer.p50)} / ${ms(peer.p99)} ms`,
      `${ms(trivial.p50)} / ${ms(trivial.p99)} ms`,
      `${times(peer.p50 / ours.p50)}`,
      `**${times(peer.p99 / ours.p99)}**`,
      `${ours.requestsPerView} / ${peer.requestsPerView}`,
      `${mib(ours.heapMiB)} / ${mib(peer.heapMiB)}`,
      `${times(ours.p99 / first.ours.p99)} / ${times(peer.p99 / first.peer.p99)}`,
    ].join(' | '),
  );
  return [
    '| ImageCaches on 3 clusters | ours: p50 / p99 | Backstage Kubernetes: p50 / p99 | trivial route: p50 / p99 | p50 ratio | p99 ratio (peer / ours) | Kubernetes requests per view (ours / peer) | heap above idle (ours / peer) | p99 growth from 1,000 (ours / peer) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(row => `| ${row} |`),
  ];
}

async function main() {
  const host = startClusterHost(['--workload-kinds']);
  const clusters: BenchCluster[] = (await host.ready).clusters;
  const catalog = new IndexedCatalog();
  const backend = await startTestBackend({
    features: [
      eciImageCachePlugin,
      kubernetesPlugin,
      mockServices.rootConfig.factory({
        data: {
          eciImageCache: eciImageCacheConfig(clusters),
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: clusters.map(cluster => ({
                  name: cluster.name,
                  url: cluster.url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: cluster.adminToken,
                })),
              },
            ],
            customResources: [{ group: 'eci.alibabacloud.com', apiVersion: 'v1', plural: 'imagecaches' }],
          },
        },
      }),
      catalog.factory(),
      schedulerServiceFactory,
      allowAllPermissions(),
    ],
  });
  const request = backendClient(backend.server.port(), mockCredentials.user.header('user:default/guest'));
  const ours = () => request('GET', `/api/eci-image-cache/entities/component/default/${entityName(VIEWED)}`);
  const peer = () => request('POST', `/api/kubernetes/services/${entityName(VIEWED)}`, { entity: viewedEntity(), auth: {} });
  const clusterItems = async () => JSON.parse((await request('GET', '/api/eci-image-cache/clusters')).body).items;
  const checked = async (view: typeof ours, count: (body: string) => number, minimum: number) => {
    const response = await view();
    if (response.status !== 200) throw new Error(`entity view answered ${response.status}: ${response.body.slice(0, 300)}`);
    const found = count(response.body);
    if (found < minimum) throw new Error(`entity view shows ${found} ImageCaches, expected at least ${minimum}`);
    return response.ms;
  };
  const stats = async () => (await host.ask({ type: 'stats' }, 'stats')).requests as number;
  const countRequests = async (views: number, view: () => Promise<unknown>) => {
    await host.ask({ type: 'reset-stats' }, 'stats-reset');
    for (let i = 0; i < views; i++) await view();
    return (await stats()) / views;
  };

  await waitUntil(async () => (await clusterItems()).every((c: any) => c.sync.state === 'synced'), 'sync');
  // Idle: both plugins have served the entity once (their code is loaded), the clusters are empty.
  catalog.set(viewedEntity());
  for (let i = 0; i < WARMUP; i++) {
    await checked(peer, () => 0, 0);
    await checked(ours, () => 0, 0);
  }
  const idle = heapMiB();
  console.log(`idle backend with both plugins: heap ${idle.toFixed(1)} MiB`);

  const results: LevelResult[] = [];
  let seededEntities = 0;
  for (const caches of LEVELS) {
    const entities = caches / CACHES_PER_ENTITY;
    const seeded = await host.ask({ type: 'seed', from: seededEntities, to: entities }, 'seeded');
    for (let index = seededEntities; index < entities; index++) {
      catalog.set(index === VIEWED ? viewedEntity() : benchEntity(index));
    }
    seededEntities = entities;
    await waitUntil(
      async () => (await clusterItems()).reduce((sum: number, c: any) => sum + c.imageCacheCount, 0) === caches,
      `${caches} cached ImageCaches`,
      300_000,
    );
    console.log(`\n${caches.toLocaleString('en-US')} ImageCaches (${seeded.created} added), ${entities} entities on ${CLUSTERS.length} clusters`);
    const before = heapMiB();

    // Warm both, and check that each shows the entity's caches (the peer: active and previous).
    for (let i = 0; i < WARMUP; i++) {
      await checked(peer, peerImageCaches, 2);
      await checked(ours, ourImageCaches, 2);
    }

    // Latency, in alternating blocks so that both see the same machine load; the young
    // generation is emptied before each block, so that neither pays for the other's garbage. A
    // block of a trivial authenticated route (GET /clusters) follows: the floor of any route here.
    const rounds: Array<{ ours: number[]; peer: number[]; trivial: number[] }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const samples = { ours: [] as number[], peer: [] as number[], trivial: [] as number[] };
      for (let block = 0; block < VIEWS_PER_ROUND / BLOCK; block++) {
        collectYoungGarbage();
        for (let i = 0; i < BLOCK; i++) samples.peer.push(await checked(peer, peerImageCaches, 2));
        collectYoungGarbage();
        for (let i = 0; i < BLOCK; i++) samples.ours.push(await checked(ours, ourImageCaches, 2));
        collectYoungGarbage();
        for (let i = 0; i < BLOCK; i++) samples.trivial.push((await request('GET', '/api/eci-image-cache/clusters')).ms);
      }
      rounds.push(samples);
      console.log(
        `round ${round + 1}: ours p50 ${ms(percentile(samples.ours, 50))} ms, p99 ${ms(percentile(samples.ours, 99))} ms; ` +
          `peer p50 ${ms(percentile(samples.peer, 50))} ms, p99 ${ms(percentile(samples.peer, 99))} ms; ` +
          `trivial route p50 ${ms(percentile(samples.trivial, 50))} ms, p99 ${ms(percentile(samples.trivial, 99))} ms`,
      );
    }
    const medianOf = (side: 'ours' | 'peer' | 'trivial', p: number) =>
      percentile(rounds.map(r => percentile(r[side], p)), 50);
    const peerRequests = await countRequests(COUNTED_PEER_VIEWS, peer);
    const ourRequests = await countRequests(COUNTED_OUR_VIEWS, ours);
    const after = heapMiB();
    const result: LevelResult = {
      caches,
      ours: { p50: medianOf('ours', 50), p99: medianOf('ours', 99), requestsPerView: ourRequests, heapMiB: before - idle },
      peer: { p50: medianOf('peer', 50), p99: medianOf('peer', 99), requestsPerView: peerRequests, heapMiB: after - before },
      trivial: { p50: medianOf('trivial', 50), p99: medianOf('trivial', 99) },
    };
    results.push(result);
    console.log(
      `ours: p50 ${ms(result.ours.p50)} ms, p99 ${ms(result.ours.p99)} ms, ${ourRequests} Kubernetes requests per view, heap above idle ${mib(result.ours.heapMiB)}`,
    );
    console.log(
      `peer: p50 ${ms(result.peer.p50)} ms, p99 ${ms(result.peer.p99)} ms, ${peerRequests} Kubernetes requests per view, heap retained by its views ${mib(result.peer.heapMiB)}`,
    );
  }

  const lines = [
    ...table(results),
    '',
    `Per level and plugin ${WARMUP} warm-up views, then ${ROUNDS} rounds of ${VIEWS_PER_ROUND.toLocaleString('en-US')} views in alternating blocks of ${BLOCK}, ` +
      'the young generation emptied before each block; p50 and p99 are the median of the rounds; heap after full GC. ' +
      "The trivial route (our `GET /clusters`, in its own blocks) is the floor of any authenticated route on this backend.",
  ];
  console.log(`\n${lines.join('\n')}`);

  await backend.stop();
  host.stop();
  const judged = results.find(result => result.caches === BUDGET.level)!;
  const report = benchReport('peer');
  report.figure({
    benchmark: `peer: Backstage Kubernetes backend p99 / ours p99, one entity viewed at ${BUDGET.level.toLocaleString('en-US')} ImageCaches`,
    figure: `${times(judged.peer.p99 / judged.ours.p99)} (${ms(judged.peer.p99)} / ${ms(judged.ours.p99)} ms)`,
    budget: `≥ ${BUDGET.p99Ratio}×`,
    met: judged.peer.p99 / judged.ours.p99 >= BUDGET.p99Ratio,
  });
  report.figure({
    benchmark: `peer: Kubernetes requests per view at ${BUDGET.level.toLocaleString('en-US')} ImageCaches (ours / peer)`,
    figure: `${judged.ours.requestsPerView} / ${judged.peer.requestsPerView}`,
    budget: `ours ${BUDGET.ourRequestsPerView}`,
    met: judged.ours.requestsPerView === BUDGET.ourRequestsPerView,
  });
  report.write(lines);
  const missed = report.missed();
  if (missed.length > 0) {
    console.error(`FAILED: ${missed.join(', ')}`);
    process.exit(1);
  }
  console.log(`Budget met at ${BUDGET.level.toLocaleString('en-US')} caches.`);
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
