import { expect, test } from '@playwright/test';
import { openImageCacheTab, signInAsGuest } from './portal';

const TRAINER =
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2';
const CACHES_API =
  '/api/eci-image-cache/entities/component/default/ml-trainer/caches';

test.describe('cache lifecycle in the Image Cache tab', () => {
  test('auto mode offers no create button that would fail', async ({
    page,
  }) => {
    await signInAsGuest(
      page,
      '/catalog/default/component/hello-whalesay/image-cache',
    );
    await openImageCacheTab(page, 'hello-whalesay');
    const summary = page.getByRole('region', { name: 'Image cache summary' });
    await expect(page.getByTestId('warmth-verdict')).toBeVisible();
    // The annotation sets auto mode, so neither a create nor a switch is offered here.
    await expect(
      summary.getByRole('button', {
        name: /^(Create cache|Refresh cache|Switch to manual)$/,
      }),
    ).toHaveCount(0);
  });

  test('a refresh with edited values becomes current once Ready and the old cache previous', async ({
    page,
  }, testInfo) => {
    test.setTimeout(6 * 60_000);
    await signInAsGuest(
      page,
      '/catalog/default/component/ml-trainer/image-cache',
    );
    await openImageCacheTab(page, 'ml-trainer');
    const action = page
      .getByRole('region', { name: 'Image cache summary' })
      .getByRole('button', { name: /^(Create|Refresh) cache$/ });

    // A first cache (the reconciler's or this test's), Ready, to refresh.
    if ((await action.textContent())?.includes('Create')) {
      await action.click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: 'Create cache' })
        .click();
      await expect(page.getByRole('dialog')).toBeHidden();
    }
    await expect(action).toHaveText('Refresh cache');
    const current = page
      .locator('[data-testid^="cache-row-"]', { hasText: 'current' })
      .filter({ hasNotText: 'new revision' });
    await expect(current.getByText('Ready', { exact: true })).toBeVisible({
      timeout: 5 * 60_000,
    });
    const oldName = (await current.getAttribute('data-testid'))!.replace(
      'cache-row-',
      '',
    );

    await action.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Images').fill(TRAINER);
    await dialog.getByLabel('Size (GiB)').fill('30');
    const answered = page.waitForResponse(
      response =>
        response.request().method() === 'POST' &&
        response.url().endsWith(CACHES_API),
    );
    await dialog.getByRole('button', { name: 'Refresh cache' }).click();
    const response = await answered;
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      outcome: 'refreshed',
      replaces: oldName,
      cache: { images: [TRAINER], imageCacheSize: 30 },
    });
    await expect(dialog).toBeHidden();

    // While ECI builds it, the old cache serves; once Ready, the new one is current.
    const fresh = page.getByTestId(`cache-row-${body.cache.name}`);
    const old = page.getByTestId(`cache-row-${oldName}`);
    await expect(fresh).toBeVisible();
    // Both rows read in one go (ECI may finish within seconds): while the new one is pending, the old one serves.
    const [freshText, oldText] = await page.evaluate(
      names =>
        names.map(
          name =>
            document.querySelector(`[data-testid="cache-row-${name}"]`)
              ?.textContent ?? '',
        ),
      [body.cache.name as string, oldName],
    );
    if (freshText.includes('new revision, becomes current once Ready')) {
      expect(oldText).toContain('current');
      expect(oldText).not.toContain('previous');
    }
    await page.screenshot({ path: testInfo.outputPath('refresh-pending.png') });
    await expect(fresh).not.toContainText('new revision', {
      timeout: 5 * 60_000,
    });
    await expect(fresh).toContainText('current');
    await expect(fresh.getByText('Ready', { exact: true })).toBeVisible();
    await expect(old).toContainText('previous, kept after a refresh');
    await page.screenshot({ path: testInfo.outputPath('refresh-current.png') });
  });
});
