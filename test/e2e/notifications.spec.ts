import { expect, test } from '@playwright/test';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { buildImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import path from 'path';
import { signInAsGuest } from './portal';

/**
 * Owner notifications end to end: a managed cache of shanghai-sync (owned by platform-team, whose
 * member is the signed-in guest) goes Failed on the embedded cluster, and the notification reaches
 * the guest's notifications page in the portal.
 */

const KUBECONFIG = path.resolve(
  __dirname,
  '../../.data/ack-emulator-shanghai/kubeconfig.yaml',
);

/**
 * Creates, as the cluster admin, a managed ImageCache of the entity whose image the registry does
 * not know: ECI fails it at the end of Preparing. The image is new on every run, and so is the
 * cache name, so a rerun against the same `.data` is a new failure.
 */
async function createFailingManagedCache(entityRef: string) {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(KUBECONFIG);
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  const cache = buildImageCache({
    entityRef,
    images: [`docker.io/library/does-not-exist:e2e-${Date.now()}`],
    retentionDays: 1,
  });
  await api.createClusterCustomObject({
    group: 'eci.alibabacloud.com',
    version: 'v1',
    plural: 'imagecaches',
    body: cache,
  });
  return cache.metadata.name!;
}

test.describe('Owner notifications', () => {
  test('a managed cache that goes Failed is notified to its owner group in the portal', async ({
    page,
  }, testInfo) => {
    test.setTimeout(5 * 60_000);
    await signInAsGuest(page, '/notifications');
    const cacheName = await createFailingManagedCache(
      'component:default/shanghai-sync',
    );

    // Earlier runs left notifications with the same title: this run's is the row naming its cache.
    const notification = page.getByRole('row').filter({ hasText: cacheName });
    // The open page is pushed new notifications (signals); a fresh load covers a missed push.
    // Loads are slow on a busy machine: each attempt waits long for the table to render.
    await expect(async () => {
      await page.goto('/notifications');
      await expect(notification).toBeVisible({ timeout: 45_000 });
    }).toPass({ timeout: 150_000, intervals: [1_000] });
    await expect(notification).toContainText(
      'Image cache of shanghai-sync failed on ack-shanghai-embedded',
    );
    // The description names the cache (its row matched above) and ECI's reason, cut after a line.
    await expect(notification).toContainText('ECI could not build');

    const where = testInfo.outputPath('notification-failed-cache.png');
    await page.screenshot({ path: where, fullPage: true });
    testInfo.annotations.push({
      type: 'screenshot',
      description: `notifications page: ${where}`,
    });

    // It links to the entity's Image Cache tab.
    await notification
      .getByRole('link', { name: /Image cache of shanghai-sync failed/ })
      .click();
    await expect(page).toHaveURL(
      /\/catalog\/default\/component\/shanghai-sync\/image-cache/,
    );
  });
});
