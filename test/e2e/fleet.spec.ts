import { Locator, Page } from '@playwright/test';
import { expect, keepScreenshot, test } from './consoleGuard';
import { signInAsGuest } from './portal';

/**
 * The fleet page against `npm start`: the caches seeded on both embedded clusters
 * (packages/ack-emulator/data/demo-seed*.yaml) and those the portal manages, filtered,
 * sorted and paginated by the backend.
 */

const FLEET = '/eci-image-cache/fleet';

function cachesTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Image caches' });
}

function row(page: Page, name: string): Locator {
  return cachesTable(page).getByRole('row').filter({ hasText: name });
}

/** Switches a filter on, runs the checks, and switches it off again. */
async function withFilter(
  page: Page,
  label: string,
  checks: () => Promise<void>,
) {
  const box = page.getByRole('checkbox', { name: label });
  await box.check();
  await checks();
  await box.uncheck();
}

test.describe('Fleet page', () => {
  test.beforeEach(async ({ page }) => {
    test.setTimeout(4 * 60_000);
    await signInAsGuest(page, FLEET);
    await expect(
      page.getByRole('link', { name: 'Image Cache Fleet' }).first(),
    ).toBeVisible();
    await expect(row(page, 'team-spark-3-5')).toBeVisible({ timeout: 60_000 });
    await expect(row(page, 'team-shanghai-spark')).toBeVisible();
  });

  test('lists every cluster with origin, owner and totals', async ({
    page,
  }) => {
    await expect(
      row(page, 'auto-create-for-eci-bp1c9h2kx0nginx7demo'),
    ).toContainText('Created by ECI');
    await expect(row(page, 'team-spark-3-5')).toContainText('Unmanaged');
    const totals = page.getByRole('table', { name: 'Totals per cluster' });
    await expect(totals).toContainText('ack-hangzhou-embedded');
    await expect(totals).toContainText('ack-shanghai-embedded');
    await keepScreenshot(page, 'fleet-all');
  });

  test('filters failed, orphaned, expiring and unused caches', async ({
    page,
  }) => {
    await withFilter(page, 'Failed', async () => {
      await expect(row(page, 'team-gpu-drivers')).toContainText('Failed');
      await expect(row(page, 'team-spark-3-5')).toHaveCount(0);
      await keepScreenshot(page, 'fleet-failed');
    });

    await withFilter(page, 'Orphaned (owner gone)', async () => {
      const orphan = row(page, 'retired-service-a1b2c3d4');
      await expect(orphan).toContainText('component:default/retired-service');
      await expect(orphan).toContainText('not in the catalog any more');
      await expect(cachesTable(page).getByRole('row')).toHaveCount(2); // header + orphan
    });

    // team-busybox-tools keeps its cache one day; ECI sets the expiry once it is Ready.
    await expect(async () => {
      await withFilter(page, 'Expiring within', async () => {
        await expect(row(page, 'team-busybox-tools')).toBeVisible({
          timeout: 2_000,
        });
        await expect(row(page, 'team-spark-3-5')).toHaveCount(0);
        await keepScreenshot(page, 'fleet-expiring');
      });
    }).toPass({ timeout: 90_000 });

    await withFilter(page, 'Unused for', async () => {
      const days = page.getByRole('spinbutton', { name: 'Unused for days' });
      await days.fill('0'); // never hit
      await expect(row(page, 'team-spark-3-5')).toBeVisible();
      await days.fill('30'); // every demo cache is younger than 30 days
      await expect(
        page.getByText('No image cache matches these filters.'),
      ).toBeVisible();
    });
  });

  test('sorts and paginates on the server', async ({ page }) => {
    const status = page.getByRole('status').filter({ hasText: /Rows \d/ });
    await page
      .getByRole('combobox', { name: /Rows per page/ })
      .selectOption('10');
    await expect(status).toHaveText(/^Rows 1–10 of (1[1-9]|[2-9]\d)$/);
    const total = Number((await status.textContent())!.split(' of ')[1]);

    await cachesTable(page).getByRole('button', { name: 'Size' }).click();
    await expect(
      cachesTable(page).getByRole('columnheader', { name: /Size/ }),
    ).toHaveAttribute('aria-sort', 'ascending');
    const firstPage = await cachesTable(page)
      .getByRole('row')
      .allTextContents();

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(status).toHaveText(
      `Rows 11–${Math.min(20, total)} of ${total}`,
    );
    const secondPage = await cachesTable(page)
      .getByRole('row')
      .allTextContents();
    expect(secondPage.slice(1)).not.toContain(firstPage[1]);
    await keepScreenshot(page, 'fleet-page-2');

    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(status).toHaveText(`Rows 1–10 of ${total}`);
  });
});
