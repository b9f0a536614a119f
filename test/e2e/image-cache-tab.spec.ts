import { expect, Page, test } from '@playwright/test';
import { openImageCacheTab, signInAsGuest } from './portal';

/**
 * The Image Cache tab against the running portal and the embedded cluster, as the guest user
 * (member of platform-team, which owns ml-trainer and hello-whalesay).
 */

async function shot(page: Page, name: string, path: string) {
  await page.screenshot({ path, fullPage: true });
  test
    .info()
    .annotations.push({ type: 'screenshot', description: `${name}: ${path}` });
}

test.describe('Image Cache tab', () => {
  test('an owner creates a cache, watches it become Ready and copies the pinned workflow', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(6 * 60_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInAsGuest(
      page,
      '/catalog/default/component/ml-trainer/image-cache',
    );
    await openImageCacheTab(page, 'ml-trainer');
    await expect(page.getByTestId('warmth-verdict')).toBeVisible();
    await shot(
      page,
      'ml-trainer before',
      testInfo.outputPath('1-ml-trainer-before.png'),
    );

    // The reconciler may already keep a cache for this manual service: then the action refreshes it.
    const action = page
      .getByRole('region', { name: 'Image cache summary' })
      .getByRole('button', { name: /^(Create|Refresh) cache$/ });
    await expect(action).toBeEnabled();
    await action.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Images')).toHaveValue(
      /ml\/trainer:1\.4\.2\ndocker\.io\/library\/python:3\.12-slim/,
    );
    await expect(dialog.getByLabel('Size (GiB)')).toHaveValue('40');
    await shot(
      page,
      'create dialog',
      testInfo.outputPath('2-create-dialog.png'),
    );

    const created = page.waitForResponse(
      response =>
        response.request().method() === 'POST' &&
        response
          .url()
          .endsWith(
            '/api/eci-image-cache/entities/component/default/ml-trainer/caches',
          ),
    );
    await dialog
      .getByRole('button', { name: /^(Create|Refresh) cache$/ })
      .click();
    const response = await created;
    expect(response.ok()).toBe(true);
    const { cache } = await response.json();
    await expect(dialog).toBeHidden();

    // The new cache shows at once, with a progress bar while ECI builds it.
    const row = page.getByTestId(`cache-row-${cache.name}`);
    await expect(row).toBeVisible();
    const progress = row.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await shot(
      page,
      'cache building',
      testInfo.outputPath('3-cache-building.png'),
    );

    await expect(row.getByText('Ready', { exact: true })).toBeVisible({
      timeout: 5 * 60_000,
    });
    await expect(progress).toBeHidden();
    const cacheId = (await row.getByTestId('cache-id').textContent())?.trim();
    expect(cacheId).toMatch(/^imc-[a-z0-9]+$/);
    await expect(page.getByTestId('warmth-verdict')).toContainText(
      'Pods start warm',
    );
    await shot(page, 'cache ready', testInfo.outputPath('4-cache-ready.png'));

    await page
      .getByRole('radio', { name: 'Pinned to the Ready cache' })
      .check();
    const yaml = page.getByTestId('workflow-yaml');
    await expect(yaml).toContainText(cacheId!);
    await page.getByRole('button', { name: 'Copy YAML' }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('kind: Workflow');
    expect(copied).toContain(`"${cacheId}"`);
    await shot(
      page,
      'pinned workflow',
      testInfo.outputPath('5-pinned-workflow.png'),
    );
  });

  test('a non-owner sees the caches but cannot create one', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(
      page,
      '/catalog/default/component/pytorch-inference/image-cache',
    );
    await openImageCacheTab(page, 'pytorch-inference');
    const action = page
      .getByRole('region', { name: 'Image cache summary' })
      .getByRole('button', { name: /^(Create|Refresh) cache$/ });
    await expect(action).toBeDisabled();
    await action.hover();
    await expect(page.getByRole('tooltip')).toContainText(
      'Only members of group:default/data-team, the owner of pytorch-inference, and ECI admins may create or refresh its caches.',
    );
    await shot(page, 'non-owner', testInfo.outputPath('6-non-owner.png'));
  });

  test('a service without annotations shows the opt-in guide', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(
      page,
      '/catalog/default/component/docs-site/image-cache',
    );
    await openImageCacheTab(page, 'docs-site');
    await expect(
      page.getByRole('heading', {
        name: 'Start pods warm with ECI image caches',
      }),
    ).toBeVisible();
    const snippet = page.getByRole('region', {
      name: 'catalog-info.yaml example',
    });
    await expect(snippet).toContainText('name: docs-site');
    await expect(snippet).toContainText('alibabacloud.com/eci-images:');
    await shot(page, 'guide', testInfo.outputPath('7-docs-site-guide.png'));
  });
});
