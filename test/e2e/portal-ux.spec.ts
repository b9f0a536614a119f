import { Locator, Page } from '@playwright/test';
import { readFile } from 'fs/promises';
import { expect, keepScreenshot, test } from './consoleGuard';
import { openImageCacheTab, signInAsGuest } from './portal';

/**
 * The service owner's view (issue 16): each test is named after the numbered points of the issue
 * it checks ("What to build"), and keeps its screenshots under the e2e output folder.
 */

const ENTITY_API = '/api/eci-image-cache/entities/component/default';

async function openTab(page: Page, name: string) {
  await signInAsGuest(page, `/catalog/default/component/${name}/image-cache`);
  await openImageCacheTab(page, name);
}

test('1. signing in lands on the catalog', async ({ page }) => {
  await signInAsGuest(page, '/');
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole('link', { name: 'ml-trainer' })).toBeVisible();
  await expect(
    page.getByText('Looks like someone dropped the mic'),
  ).toHaveCount(0);
  await expect(page.locator('a[href$="/catalog-import"]')).toHaveCount(0);
  await keepScreenshot(page, '1-landing-catalog');
});

test('3+4. a saved ACR instance reaches every panel, a wrong one cannot be saved, saved settings reset', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openTab(page, 'hello-whalesay');
  // Start without saved settings (an earlier run may have left some).
  const reset = page.getByRole('button', { name: 'Reset saved settings' });
  if (await reset.isVisible()) {
    await reset.click();
    await expect(reset).toBeHidden();
  }
  const yaml = page.getByTestId('workflow-yaml');
  await expect(yaml).toContainText('kind: Workflow');
  await expect(yaml).not.toContainText('acr-instance-id');

  await page.getByRole('button', { name: 'Edit ACR instance' }).click();
  const dialog = page.getByRole('dialog');
  const field = dialog.getByRole('textbox', {
    name: 'ACR Enterprise Edition instance',
  });
  await field.fill('cn-nowhere:cri-f34lmbk2rxqx41u8');
  await expect(
    dialog.getByText(
      'The configured instance cri-f34lmbk2rxqx41u8 is in cn-hangzhou',
    ),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await keepScreenshot(page, '4-acr-wrong-region-blocked');

  await field.fill('cri-unknown0000000001');
  await expect(
    dialog.getByText(/is not one of the portal's configured instances/),
  ).toBeVisible();

  await field.fill('cn-shanghai:cri-shanghai7k2m9x4p');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // No reload: the YAML panel follows the saved setting like the ACR card does.
  await expect(yaml).toContainText(
    'k8s.aliyun.com/acr-instance-id: "cn-shanghai:cri-shanghai7k2m9x4p"',
  );
  await expect(
    page.getByTestId('acr-annotation-ack-hangzhou-embedded'),
  ).toHaveText('cn-shanghai:cri-shanghai7k2m9x4p');
  const saved = page.getByRole('region', { name: 'Saved settings' });
  await expect(saved).toContainText('cn-shanghai:cri-shanghai7k2m9x4p');
  // Download and Copy YAML serve the same, current YAML.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const downloaded = await readFile(await (await downloading).path(), 'utf8');
  expect(downloaded).toContain(
    'k8s.aliyun.com/acr-instance-id: "cn-shanghai:cri-shanghai7k2m9x4p"',
  );
  await page.getByRole('button', { name: 'Copy YAML' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    downloaded,
  );
  await keepScreenshot(page, '3-yaml-follows-acr');

  await saved.getByRole('button', { name: 'Reset saved settings' }).click();
  await expect(saved).toBeHidden();
  await expect(yaml).not.toContainText('acr-instance-id');
});

test('4. an annotation that wins over saved settings blocks Save', async ({
  page,
}) => {
  await openTab(page, 'ml-trainer');
  await page.getByRole('button', { name: 'Edit ACR instance' }).click();
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByText(/takes precedence over saved settings/),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await keepScreenshot(page, '4-acr-shadowed');
});

test('5. messages read as sentences, once each; public images and pull secrets are told apart', async ({
  page,
}) => {
  await openTab(page, 'hello-whalesay');
  const tab = page.locator('.eci-tab');
  await expect(tab.getByText(/uses a floating tag/)).toHaveCount(1);
  expect(await tab.innerText()).not.toContain('`');
  await expect(page.getByTestId('image-pull-docker/whalesay')).toContainText(
    'Public registry: pulled anonymously',
  );
  await expect(tab.getByText('needs a pull secret')).toHaveCount(0);
  await keepScreenshot(page, '5-hello-whalesay-messages');

  await page.goto('/catalog/default/component/pytorch-inference/image-cache');
  await openImageCacheTab(page, 'pytorch-inference');
  await expect(page.getByTestId('pull-secrets')).toContainText(
    'default:secret1',
  );
  await expect(
    page.getByTestId(
      'image-pull-docker.io/pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime',
    ),
  ).toContainText('With pull secret default:secret1');
  // Every relative time carries its absolute date on hover.
  const times = page.locator('.eci-tab time');
  const count = await times.count();
  for (let i = 0; i < count; i++) {
    await expect(times.nth(i)).toHaveAttribute('title', /\d{4}/);
  }
  await keepScreenshot(page, '5-pytorch-pull-secret');
});

test('5. expiry rounds to whole days from the exact date', async ({ page }) => {
  await openTab(page, 'ml-trainer');
  const expiry = page.getByTestId('cache-expiry').first();
  const iso = await expiry.getAttribute('datetime');
  test.skip(!iso, 'no cache of ml-trainer has an expiry date yet');
  const days = Math.round((Date.parse(iso!) - Date.now()) / 86_400_000);
  await expect(expiry).toHaveText(
    days === 0
      ? 'expires today'
      : `expires in ${days} day${days === 1 ? '' : 's'}`,
  );
});

test('6. loading is visible, failing polls say stale since, disabled looks disabled', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await signInAsGuest(page, '/catalog');
  let release: () => void = () => undefined;
  const held = new Promise<void>(resolve => {
    release = resolve;
  });
  await page.route(`**${ENTITY_API}/pytorch-inference`, async route => {
    await held;
    await route.continue();
  });
  await page.goto('/catalog/default/component/pytorch-inference/image-cache');
  await expect(
    page.getByText('Loading the image caches of this service…'),
  ).toBeVisible();
  await keepScreenshot(page, '6-loading');
  release();
  await openImageCacheTab(page, 'pytorch-inference');

  // The guest does not own pytorch-inference: its primary button is disabled, and looks it.
  const create = page
    .getByRole('region', { name: 'Image cache summary' })
    .locator('button:disabled')
    .first();
  const opacity = await create.evaluate(
    element => getComputedStyle(element).opacity,
  );
  expect(Number(opacity)).toBeLessThan(0.6);

  await expect(page.getByTestId('sync-state').first()).toHaveText('live');
  await page.route(`**${ENTITY_API}/pytorch-inference`, route => route.abort());
  // The next poll (every 30 s) fails.
  await expect(page.getByTestId('sync-state').first()).toContainText(
    'stale since',
    { timeout: 45_000 },
  );
  await keepScreenshot(page, '6-stale');
});

/** Fails unless the element lies entirely inside the window. */
async function expectInViewport(page: Page, element: Locator, what: string) {
  await element.scrollIntoViewIfNeeded();
  const box = await element.boundingBox();
  const { width } = page.viewportSize()!;
  expect(box, `${what} is rendered`).not.toBeNull();
  expect(box!.x, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(
    box!.x + box!.width,
    `${what} ends inside the window`,
  ).toBeLessThanOrEqual(width);
}

/** The first managed cache of ml-trainer with an id, created when the service has none yet. */
async function managedCacheRow(page: Page) {
  await openTab(page, 'ml-trainer');
  await expect(page.getByTestId('warmth-verdict')).toBeVisible();
  const rows = page
    .locator('[data-testid^="cache-row-"]')
    .filter({ has: page.getByRole('button', { name: /^Delete cache / }) });
  if ((await rows.count()) === 0) {
    const create = /^(Create|Refresh) cache$/;
    await page
      .getByRole('region', { name: 'Image cache summary' })
      .getByRole('button', { name: create })
      .click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: create })
      .click();
  }
  const row = rows.first();
  await expect(row.getByTestId('cache-id')).toBeVisible({ timeout: 180_000 });
  return row;
}

test('6. at 900 px and phone width the caches show Cache ID, Size and Delete, without page scroll', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const row = await managedCacheRow(page);
  for (const width of [900, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `page wider than ${width} px`).toBeLessThanOrEqual(0);
    await expectInViewport(page, row.getByTestId('cache-id'), 'Cache ID');
    await expectInViewport(
      page,
      row.getByRole('button', { name: /^Delete cache / }),
      'Delete',
    );
    await expectInViewport(page, row.getByText(/ GiB · /), 'Size');
    await expectInViewport(
      page,
      page.getByRole('button', { name: 'Copy YAML' }),
      'Copy YAML',
    );
    await keepScreenshot(page, `6-width-${width}`);
  }
});

test('7. the entity Overview card tells warm or cold, the cache id and expiry, and links to the tab', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await managedCacheRow(page);
  const tabVerdict = page.getByTestId('warmth-verdict');
  await expect(tabVerdict).toContainText('Pods start warm');
  const reason = await tabVerdict.locator('p').first().innerText();
  const cacheId = /imc-[a-z0-9]+/.exec(reason)?.[0];
  expect(cacheId, `a cache id in "${reason}"`).toBeDefined();

  await page.goto('/catalog/default/component/ml-trainer');
  const card = page.getByRole('region', { name: 'Image cache overview' });
  await expect(card.getByTestId('overview-verdict')).toContainText(
    'Pods start warm',
  );
  await expect(card.getByTestId('overview-verdict')).toContainText(reason);
  await expect(card.getByTestId('overview-cache-id')).toHaveText(cacheId!);
  await expect(card.getByTestId('overview-expiry')).toHaveText(
    /^expires (today|in \d+ days?)$/,
  );
  await expect(card.getByTestId('overview-expiry')).toHaveAttribute(
    'title',
    /\d{4}/,
  );
  await keepScreenshot(page, '7-overview-card');
  await card.getByRole('link', { name: 'Open the Image Cache tab' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/ml-trainer\/image-cache$/,
  );
  await expect(tabVerdict).toContainText(reason);

  // Services without the annotations get no card.
  await page.goto('/catalog/default/component/docs-site');
  await expect(page.getByText('About').first()).toBeVisible();
  await expect(card).toHaveCount(0);
});
