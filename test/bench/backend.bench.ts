// Benchmark of the eci-image-cache backend plugin against 3 emulated clusters holding
// 10,000 ImageCaches, with 1,000 catalog entities. Run from the repository root:
//
//   npx tsx test/bench/backend.bench.ts
//
// Budgets (the process exits non-zero when one is missed):
// - entity-state p99 latency within 1.5x of a trivial authenticated route (GET /clusters);
// - 0 Kubernetes requests for all entity reads (emulator request counters);
// - watch caches of 10,000 ImageCaches use < 50 MB of heap above the idle backend;
// - an annotation change leads to the new ImageCache on the cluster in < 2 s.
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { fork } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import eciImageCachePlugin from '@eci-portal/plugin-eci-image-cache-backend';
import { imageCacheName } from '@eci-portal/plugin-eci-image-cache-common';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { IndexedCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/IndexedCatalog';
import {
  allowAllPermissions,
  schedulerServiceFactory,
} from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/benchmarkServices';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { benchEntity, CACHE_COUNT, ENTITY_COUNT, entityImages, entityName } from './backendBenchData';

const BUDGET = {
  p99Ratio: 1.5,
  requestsPerRead: 0,
  watchCacheMiB: 50,
  annotationToCacheMs: 2_000,
};
const WARMUP = 1_000;
const SAMPLES = 3_000;
const ROUNDS = 5;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMiB(): number {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type HostMessage = { type: string; [key: string]: any };

function startHost() {
  const child = fork(path.join(__dirname, 'backendBenchClusters.ts'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.on('exit', () => child.kill());
  const waiting: Array<{ type: string; resolve: (m: HostMessage) => void }> = [];
  child.on('message', (message: HostMessage) => {
    const index = waiting.findIndex(w => w.type === message.type);
    if (index !== -1) waiting.splice(index, 1)[0].resolve(message);
  });
  const next = (type: string) => new Promise<HostMessage>(resolve => waiting.push({ type, resolve }));
  return {
    ready: next('ready'),
    async ask(message: HostMessage, reply: string) {
      const answer = next(reply);
      child.send(message);
      return answer;
    },
    stop() {
      child.send({ type: 'stop' });
    },
  };
}

async function main() {
  const failures: string[] = [];
  const host = startHost();
  const { clusters } = await host.ready;

  const catalog = new IndexedCatalog();
  const backend = await startTestBackend({
    features: [
      eciImageCachePlugin,
      mockServices.rootConfig.factory({
        data: {
          eciImageCache: {
            clusters: clusters.map((cluster: any, index: number) => ({
              name: cluster.name,
              url: cluster.url,
              region: 'cn-hangzhou',
              authProvider: 'serviceAccount',
              serviceAccountToken: cluster.token,
              skipTLSVerify: true,
              default: index === 0,
            })),
            acr: {
              instances: [
                { id: 'cri-f34lmbk2rxqx41u8', region: 'cn-hangzhou', domains: ['acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com'] },
              ],
            },
            lifecycle: { reconcileInterval: { seconds: 1 } },
          },
        },
      }),
      catalog.factory(),
      schedulerServiceFactory,
      allowAllPermissions(),
    ],
  });
  const { port } = backend.server.port ? { port: backend.server.port() } : (backend.server as any).address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const authorization = mockCredentials.user.header('user:default/guest');
  const get = (route: string) =>
    new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const req = http.get(
        { host: '127.0.0.1', port, path: `/api/eci-image-cache${route}`, agent, headers: { authorization } },
        res => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', chunk => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, body, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
          );
        },
      );
      req.on('error', reject);
    });
  const cachedCount = async () =>
    JSON.parse((await get('/clusters')).body).items.reduce((sum: number, c: any) => sum + c.imageCacheCount, 0);
  const waitUntil = async (check: () => Promise<boolean>, what: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  };
  await waitUntil(async () => JSON.parse((await get('/clusters')).body).items.every((c: any) => c.sync.state === 'synced'), 'sync');

  // Memory: the idle backend, then the same backend once its watch caches hold 10,000 caches.
  const idle = heapMiB();
  const seeded = await host.ask({ type: 'seed' }, 'seeded');
  await waitUntil(async () => (await cachedCount()) === CACHE_COUNT, '10,000 cached ImageCaches');
  const full = heapMiB();
  const watchCacheMiB = full - idle;
  console.log(`ImageCaches seeded: ${seeded.created} on ${clusters.length} clusters`);
  console.log(`heap idle ${idle.toFixed(1)} MiB, with 10,000 cached ImageCaches ${full.toFixed(1)} MiB: watch caches ${watchCacheMiB.toFixed(1)} MiB (budget < ${BUDGET.watchCacheMiB})`);
  if (!(watchCacheMiB < BUDGET.watchCacheMiB)) failures.push('watch cache memory');

  // The entities arrive; the reconciler finds every cache in place.
  for (let index = 0; index < ENTITY_COUNT; index++) catalog.set(benchEntity(index));
  await new Promise(resolve => setTimeout(resolve, 2_500));

  // Latency: entity state vs. a trivial authenticated route, interleaved. The machine may be
  // shared, so the ratio is taken per round and the median of the rounds is judged.
  await host.ask({ type: 'reset-stats' }, 'stats-reset');
  const ratios: number[] = [];
  const firstReadMs: number[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const entityMs: number[] = [];
    const trivialMs: number[] = [];
    const warmup = round === 1 ? WARMUP : 0;
    for (let i = 0; i < warmup + SAMPLES; i++) {
      const entity = await get(`/entities/component/default/${entityName((i * 7919) % ENTITY_COUNT)}`);
      const trivial = await get('/clusters');
      if (entity.status !== 200 || trivial.status !== 200) {
        throw new Error(`unexpected status ${entity.status}/${trivial.status}`);
      }
      if (i >= warmup) {
        entityMs.push(entity.ms);
        trivialMs.push(trivial.ms);
      } else {
        firstReadMs.push(entity.ms);
      }
    }
    const ratio = percentile(entityMs, 99) / percentile(trivialMs, 99);
    ratios.push(ratio);
    console.log(
      `round ${round}: entity state p50 ${percentile(entityMs, 50).toFixed(2)} ms, p99 ${percentile(entityMs, 99).toFixed(2)} ms; ` +
        `GET /clusters p50 ${percentile(trivialMs, 50).toFixed(2)} ms, p99 ${percentile(trivialMs, 99).toFixed(2)} ms; p99 ratio ${ratio.toFixed(2)}`,
    );
  }
  console.log(
    `first read of each entity (state built, not yet cached): p50 ${percentile(firstReadMs, 50).toFixed(2)} ms, p99 ${percentile(firstReadMs, 99).toFixed(2)} ms (informational)`,
  );
  const reads = ROUNDS * SAMPLES + WARMUP;
  const { requests } = await host.ask({ type: 'stats' }, 'stats');
  const medianRatio = percentile(ratios, 50);
  console.log(`entity-state p99 ratio, median of ${ROUNDS} rounds: ${medianRatio.toFixed(2)} (budget <= ${BUDGET.p99Ratio})`);
  console.log(`Kubernetes requests during ${reads} entity reads (and the reconciler's runs meanwhile): ${requests} (budget ${BUDGET.requestsPerRead})`);
  if (!(medianRatio <= BUDGET.p99Ratio)) failures.push('entity-state p99');
  if (requests !== BUDGET.requestsPerRead) failures.push('Kubernetes requests per read');

  // Annotation change to ImageCache created.
  const changed = entityImages(0).map(image => image.replace(':2.0.0', ':3.0.0'));
  const expected = imageCacheName('component:default/svc-0000', changed);
  const started = Date.now();
  catalog.set(benchEntity(0, changed));
  await waitUntil(
    async () => (await host.ask({ type: 'count-managed', prefix: expected }, 'count')).count === 1,
    'the new ImageCache',
    10_000,
  );
  const annotationMs = Date.now() - started;
  console.log(`annotation change to ImageCache created: ${annotationMs} ms with ${ENTITY_COUNT} entities (budget < ${BUDGET.annotationToCacheMs})`);
  if (!(annotationMs < BUDGET.annotationToCacheMs)) failures.push('annotation to cache');

  await backend.stop();
  host.stop();
  if (failures.length > 0) {
    console.error(`FAILED budgets: ${failures.join(', ')}`);
    process.exit(1);
  }
  console.log('All budgets met.');
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
