import fs from 'node:fs';
import path from 'node:path';
import { expect, keepScreenshot, test } from './consoleGuard';
import {
  chooseEntity,
  createReplacingEarlierResult,
  expectFieldError,
  openTemplate,
  pick,
  refuseThenCorrect,
  selectOption,
} from './templateForm';

/**
 * Issue 16, point 2: the two templates in Chromium. Every client-side validation error shows
 * before the task is created, and the page prints no console warning (consoleGuard).
 */

const PUBLISH_ROOT = path.resolve(__dirname, '../../.data/scaffolder');

test.describe('scaffolder templates', () => {
  let published: string | undefined;

  test.afterEach(() => {
    // The component of a test run is not kept in the catalog of the next one.
    if (published) {
      fs.rmSync(path.join(PUBLISH_ROOT, published), {
        recursive: true,
        force: true,
      });
    }
  });

  test('a new service is onboarded and is in the catalog when the task ends', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const name = `e2e-svc-${Date.now().toString(36)}`;
    await openTemplate(page, 'eci-new-service');

    // Service: the owner from the catalog, a name the catalog cannot hold, then a good one.
    await chooseEntity(page, /^Owner/, 'platform', /Platform Team/);
    const nameField = page.getByRole('textbox', { name: /^Name/ });
    await refuseThenCorrect(page, nameField, {
      refused: 'Checkout_Svc',
      label: 'Name',
      error:
        '"Checkout_Svc" is not a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit).',
      corrected: name,
      button: 'Next',
      screenshot: 'new-1-name-error',
    });
    await page.getByRole('button', { name: 'Next' }).click();

    // Images and cache: a bad image, then size and retention out of range.
    const images = page.getByRole('textbox', { name: /^Images/ });
    await refuseThenCorrect(page, images, {
      refused: 'docker.io/library/nginx:1.27\nNot An Image',
      label: 'Images',
      error:
        '"Not An Image" contains spaces, control characters or characters outside ASCII (such as look-alike letters or invisible characters).',
      corrected: 'docker.io/library/nginx:1.27',
      button: 'Next',
      screenshot: 'new-2-images-error',
    });

    await selectOption(page, /^Image cache/, /^Managed by the portal/);
    const size = page.getByRole('textbox', { name: /^Cache size/ });
    await size.fill('10');
    const retention = page.getByRole('textbox', { name: /^Retention/ });
    await retention.fill('0');
    await expectFieldError(
      page,
      'Next',
      // Fields of a schema dependency: Backstage's error list names them by their key.
      'Cache Size',
      '"10" is below the minimum 20 GiB.',
    );
    await expectFieldError(
      page,
      'Next',
      'Retention Days',
      '"0" is below the minimum 1 day.',
    );
    await keepScreenshot(page, 'new-3-size-retention-errors');
    await size.fill('40');
    await retention.fill('7');

    // Clusters and ACR instances come from the backend.
    await pick(page, /ack-hangzhou-embedded/);
    await expect(
      page.getByRole('radio', { name: /ack-shanghai-embedded/ }),
    ).toBeVisible();
    await pick(page, /cri-f34lmbk2rxqx41u8/);
    await expect(page.getByTestId('acr-picker-value')).toContainText(
      'cri-f34lmbk2rxqx41u8',
    );
    await keepScreenshot(page, 'new-4-cluster-acr');
    await page.getByRole('button', { name: 'Next' }).click();

    // Workflow: a CronWorkflow with a schedule that is not cron, then a good one.
    await selectOption(page, /^Kind/, 'CronWorkflow');
    const schedule = page.getByRole('textbox', { name: /^Schedule/ });
    await refuseThenCorrect(page, schedule, {
      refused: '0 2 * *',
      label: 'Schedule',
      error:
        '"0 2 * *" is not a cron schedule (five fields separated by single spaces, "@daily"-style, or "@every 1h").',
      corrected: '0 2 * * *',
      button: 'Review',
      screenshot: 'new-5-schedule-error',
    });
    await page.getByRole('button', { name: 'Review' }).click();
    await keepScreenshot(page, 'new-6-review');
    await page.getByRole('button', { name: 'Create' }).click();

    // The task ends with the component registered: its link opens it in the catalog.
    published = name;
    const link = page.getByRole('link', { name: 'Open in the catalog' });
    await expect(link).toBeVisible({ timeout: 120_000 });
    await keepScreenshot(page, 'new-7-task-done');
    await link.click();
    await expect(page).toHaveURL(
      new RegExp(`/catalog/default/component/${name}`),
    );
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(
      page.getByText('Looks like someone dropped the mic'),
    ).toHaveCount(0);
    await expect(
      page
        .getByRole('navigation', { name: 'Content navigation' })
        .getByRole('link', { name: 'Image Cache' }),
    ).toBeVisible();
    await keepScreenshot(page, 'new-8-in-catalog');
    // Its Overview has the image cache card (below the fold): the portal already knows the service.
    const card = page.getByRole('region', { name: 'Image cache overview' });
    await card.scrollIntoViewIfNeeded();
    await expect(card.getByTestId('overview-verdict')).toBeVisible();
    await keepScreenshot(page, 'new-9-overview-card');
  });

  test('workflows for an existing service: only catalog components, validated before the task', async ({
    page,
  }) => {
    test.setTimeout(240_000);
    await openTemplate(page, 'argo-workflow-eci-image-cache');

    // Free text is not a value: the picker offers nothing for it and the step does not pass.
    const service = page.getByRole('textbox', { name: /^Service/ });
    await service.click();
    await service.fill('walk-svc-1');
    await expect(page.getByText('No options')).toBeVisible();
    await keepScreenshot(page, 'existing-1-free-text');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(service).toHaveValue('');
    await expect(page.getByRole('button', { name: 'Review' })).toHaveCount(0);
    await keepScreenshot(page, 'existing-2-free-text-refused');

    // A catalog component is accepted.
    await chooseEntity(page, /^Service/, 'ml-trainer', /ml-trainer/);
    const images = page.getByRole('textbox', { name: /^Images/ });
    await refuseThenCorrect(page, images, {
      refused: 'Not An Image',
      label: 'Images',
      error:
        '"Not An Image" contains spaces, control characters or characters outside ASCII (such as look-alike letters or invisible characters).',
      corrected: '',
      button: 'Next',
      screenshot: 'existing-3-images-error',
    });
    await page.getByRole('button', { name: 'Next' }).click();

    // The cluster is picked from the configured ones; a CronWorkflow needs a cron schedule.
    await expect(
      page.getByRole('radio', { name: /ack-hangzhou-embedded/ }),
    ).toBeVisible();
    await selectOption(page, /^Kind/, 'CronWorkflow');
    const schedule = page.getByRole('textbox', { name: /^Schedule/ });
    await refuseThenCorrect(page, schedule, {
      refused: 'every night',
      label: 'Schedule',
      error:
        '"every night" is not a cron schedule (five fields separated by single spaces, "@daily"-style, or "@every 1h").',
      corrected: '0 2 * * *',
      button: 'Next',
      screenshot: 'existing-4-schedule-error',
    });
    await page.getByRole('button', { name: 'Next' }).click();

    const output = await createReplacingEarlierResult(page);
    await expect(output).toContainText('kind: CronWorkflow');
    await keepScreenshot(page, 'existing-5-task-done');
  });
});
