// The backend the backend benchmarks measure: our plugin in a test backend, on the forked cluster
// host's 3 emulated clusters, with an in-memory catalog, until its watches are synced.
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import eciImageCachePlugin from '@eci-portal/plugin-eci-image-cache-backend';
/* eslint-disable @backstage/no-forbidden-package-imports */
import { IndexedCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/IndexedCatalog';
import {
  allowAllPermissions,
  schedulerServiceFactory,
} from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/benchmarkServices';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { CACHE_COUNT } from './backendBenchData';
import type { BenchReport } from './benchReport';
import { backendClient, BenchCluster, eciImageCacheConfig, startClusterHost, waitUntil } from './benchSupport';

/** Starts the cluster host and the backend (plugin config: the clusters plus `extraConfig`). */
export async function startBenchBackend(extraConfig: Record<string, unknown> = {}) {
  const host = startClusterHost();
  const clusters: BenchCluster[] = (await host.ready).clusters;
  const catalog = new IndexedCatalog();
  const backend = await startTestBackend({
    features: [
      eciImageCachePlugin,
      mockServices.rootConfig.factory({
        data: { eciImageCache: { ...eciImageCacheConfig(clusters), ...extraConfig } },
      }),
      catalog.factory(),
      schedulerServiceFactory,
      allowAllPermissions(),
    ],
  });
  const request = backendClient(backend.server.port(), mockCredentials.user.header('user:default/guest'));
  const get = (route: string) => request('GET', `/api/eci-image-cache${route}`);
  const clusterItems = async () => JSON.parse((await get('/clusters')).body).items as any[];
  await waitUntil(async () => (await clusterItems()).every(c => c.sync.state === 'synced'), 'sync');

  return {
    host,
    clusters,
    catalog,
    get,
    /** Seeds the clusters with 10,000 ImageCaches and waits until the backend's watches hold them. */
    async seedCaches() {
      const seeded = await host.ask({ type: 'seed' }, 'seeded');
      await waitUntil(
        async () => (await clusterItems()).reduce((sum, c) => sum + c.imageCacheCount, 0) === CACHE_COUNT,
        '10,000 cached ImageCaches',
      );
      return seeded;
    },
    /** Stops everything, writes the bench's figures and exits: non-zero when a budget was missed. */
    async finish(report: BenchReport): Promise<never> {
      await backend.stop();
      host.stop();
      report.write();
      const missed = report.missed();
      if (missed.length > 0) {
        console.error(`FAILED budgets: ${missed.join(', ')}`);
        process.exit(1);
      }
      console.log('All budgets met.');
      process.exit(0);
    },
  };
}
