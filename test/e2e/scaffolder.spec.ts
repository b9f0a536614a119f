import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { signInAsGuest } from './portal';
import {
  chooseEntity,
  createReplacingEarlierResult,
  selectOption,
} from './templateForm';

const TEMPLATE_TITLE = 'Argo workflow with ECI image cache';

test('the ECI template generates and publishes an annotated workflow', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  await signInAsGuest(page, '/create');

  // Two templates are listed: the card is the innermost block with both the title and Choose.
  const card = page
    .locator('div')
    .filter({ has: page.getByRole('heading', { name: TEMPLATE_TITLE }) })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await card.getByRole('button', { name: 'Choose' }).click();

  // Service: ml-trainer (ACR EE instance in the cluster's region), its own images.
  await chooseEntity(page, 'Service', 'ml-trainer', /ml-trainer/);
  await page.getByRole('button', { name: 'Next' }).click();

  // Workflow: automatic caching, a plain Workflow with the document's annotation names.
  await selectOption(page, /From the service's annotation/, /^Automatic/);
  await page.getByRole('button', { name: 'Next' }).click();

  // Publish: replace the result of an earlier run of this test. The output page: the generated
  // YAML, the links, the published files.
  const output = await createReplacingEarlierResult(page);
  await expect(output).toContainText('workflows/ml-trainer.yaml');
  await expect(output).toContainText(
    'k8s.aliyun.com/acr-instance-id: "cri-f34lmbk2rxqx41u8"',
  );
  await expect(output).toContainText('k8s.aliyun.com/eci-image-cache: "true"');
  await expect(
    page.getByRole('link', { name: 'Service in the catalog' }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('scaffolder-output.png'),
    fullPage: true,
  });

  await page.getByRole('button', { name: 'Published files' }).click();
  const published = page.getByTestId('text-output-box');
  await expect(published).toContainText('workflows/ml-trainer.yaml');
  const text = (await published.textContent()) ?? '';
  // Outputs name the directory relative to the publish root, never a server path.
  expect(text).not.toMatch(/Published to `?\//);
  const relative = /Published to `?(\S*?ml-trainer-workflows)/.exec(text)?.[1];
  expect(relative, `no published directory in: ${text}`).toBeTruthy();
  const directory = path.resolve(
    __dirname,
    '../../.data/scaffolder',
    relative!,
  );

  // The backend runs on this machine (npm start), so the published files can be read back.
  const workflow = parse(
    fs.readFileSync(path.join(directory!, 'workflows/ml-trainer.yaml'), 'utf8'),
  );
  expect(workflow).toMatchObject({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'ml-trainer-', namespace: 'argo' },
  });
  expect(workflow.spec.podMetadata.annotations).toEqual({
    'k8s.aliyun.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
    'k8s.aliyun.com/eci-image-cache': 'true',
  });
  const catalogInfo = parse(
    fs.readFileSync(path.join(directory!, 'catalog-info.yaml'), 'utf8'),
  );
  expect(catalogInfo.metadata.annotations).toMatchObject({
    'alibabacloud.com/eci-image-cache': 'auto',
    'alibabacloud.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
  });
});
