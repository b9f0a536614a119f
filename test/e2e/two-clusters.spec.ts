import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Page } from '@playwright/test';
import { expect, keepScreenshot, test } from './consoleGuard';
import {
  acceptsConnections,
  demoCluster,
  restartDemoCluster,
  runningEmulatorPid,
  stopDemoCluster,
} from './demoCluster';
import { openImageCacheTab, signInAsGuest } from './portal';

/**
 * `npm start` runs two emulated clusters. ml-trainer targets cn-hangzhou, and the cn-shanghai
 * seed holds an image cache ECI created for its python image, so its tab shows both clusters.
 * The Shanghai emulator is stopped for real (SIGTERM, port closed) and started again with the
 * same npm script, state file and CA.
 */
const HANGZHOU = 'ack-hangzhou-embedded';
const SHANGHAI = 'ack-shanghai-embedded';
const SHANGHAI_CACHE = 'auto-create-for-eci-uf6a2k7shanghai0demo';
const SHANGHAI_CACHE_ID = 'imc-uf6d8s1q0shanghai0demo';
const HANGZHOU_KUBECONFIG = path.resolve(
  __dirname,
  '../../.data/ack-emulator/kubeconfig.yaml',
);
/** The tab polls every 30 s; the backend retries a lost cluster with a backoff of up to 30 s. */
const LIVE_UPDATE_MS = 90_000;

function clusterSection(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

function cannotBeRead(page: Page, name: string) {
  return page.getByText(`Cluster ${name} cannot be read`, { exact: true });
}

function kubectlHangzhou(args: string[], input?: string) {
  return execFileSync(
    '/usr/bin/kubectl',
    ['--kubeconfig', HANGZHOU_KUBECONFIG, ...args],
    { input, encoding: 'utf8', timeout: 30_000 },
  );
}

test.describe('two clusters', () => {
  test('a stopped cluster shows its error alone while the other stays live, and recovers when it returns', async ({
    page,
  }, testInfo) => {
    test.setTimeout(6 * 60_000);
    const shanghai = demoCluster('cluster:demo-shanghai');
    expect(runningEmulatorPid(shanghai), 'the Shanghai emulator').toBeDefined();
    const liveCache = `e2e-two-clusters-${Date.now().toString(36)}`;

    await signInAsGuest(
      page,
      '/catalog/default/component/ml-trainer/image-cache',
    );
    await openImageCacheTab(page, 'ml-trainer');
    const hangzhouSection = clusterSection(page, HANGZHOU);
    const shanghaiSection = clusterSection(page, SHANGHAI);
    const shanghaiRow = shanghaiSection.getByTestId(
      `cache-row-${SHANGHAI_CACHE}`,
    );
    // Right after `npm start` a cluster may still be loading: the next poll shows it live.
    for (const section of [hangzhouSection, shanghaiSection]) {
      await expect(section.getByTestId('sync-state')).toHaveText('live', {
        timeout: LIVE_UPDATE_MS,
      });
    }
    await expect(shanghaiRow).toContainText(SHANGHAI_CACHE_ID);
    await expect(page.getByText(/^Cluster .* cannot be read$/)).toHaveCount(0);
    await keepScreenshot(page, '1-both-clusters-live');

    try {
      await stopDemoCluster(shanghai);
      expect(await acceptsConnections(shanghai.port)).toBe(false);

      // While Shanghai is down, Hangzhou changes: the tab must show that change.
      kubectlHangzhou(
        ['apply', '-f', '-'],
        JSON.stringify({
          apiVersion: 'eci.alibabacloud.com/v1',
          kind: 'ImageCache',
          metadata: { name: liveCache },
          spec: {
            images: ['docker.io/library/python:3.12-slim'],
            imageCacheSize: 20,
          },
        }),
      );

      await expect(cannotBeRead(page, SHANGHAI)).toBeVisible({
        timeout: LIVE_UPDATE_MS,
      });
      await expect(shanghaiSection).toContainText('unreachable');
      await expect(shanghaiSection.getByTestId('sync-state')).toHaveText(
        'may be stale',
      );
      // The last known Shanghai data stays, marked stale rather than dropped.
      await expect(shanghaiRow).toContainText(SHANGHAI_CACHE_ID);

      const liveRow = hangzhouSection.getByTestId(`cache-row-${liveCache}`);
      await expect(liveRow).toBeVisible({ timeout: LIVE_UPDATE_MS });
      // ECI builds it on Hangzhou meanwhile, and the tab follows it to Ready.
      await expect(liveRow.getByText('Ready', { exact: true })).toBeVisible({
        timeout: LIVE_UPDATE_MS,
      });
      await expect(hangzhouSection.getByTestId('sync-state')).toHaveText(
        'live',
      );
      await expect(cannotBeRead(page, HANGZHOU)).toHaveCount(0);
      await expect(page.getByText(/^Cluster .* cannot be read$/)).toHaveCount(
        1,
      );
      await keepScreenshot(page, '2-shanghai-stopped');

      await restartDemoCluster(
        shanghai,
        testInfo.outputPath('shanghai-restart.log'),
      );
      await expect(cannotBeRead(page, SHANGHAI)).toBeHidden({
        timeout: LIVE_UPDATE_MS,
      });
      await expect(shanghaiSection.getByTestId('sync-state')).toHaveText(
        'live',
      );
      await expect(shanghaiRow).toContainText(SHANGHAI_CACHE_ID);
      await expect(hangzhouSection.getByTestId('sync-state')).toHaveText(
        'live',
      );
      await expect(liveRow).toBeVisible();
      await keepScreenshot(page, '3-shanghai-recovered');
    } finally {
      // Later tests need both clusters and no extra cache.
      if (runningEmulatorPid(shanghai) === undefined) {
        await restartDemoCluster(
          shanghai,
          testInfo.outputPath('shanghai-restart.log'),
        );
      }
      kubectlHangzhou([
        'delete',
        'imagecache',
        liveCache,
        '--ignore-not-found',
      ]);
    }
  });
});
