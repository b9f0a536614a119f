import { expect, Page, test } from '@playwright/test';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import {
  generateWorkflow,
  WorkflowOptions,
} from '@eci-portal/plugin-eci-image-cache-common';
import path from 'path';
import { openImageCacheTab, signInAsGuest } from './portal';

/**
 * Run evidence end to end: a workflow from the plugin's generator runs on the embedded cluster
 * (`npm start`), and the entity's Image Cache tab shows what ECI did with its pods.
 */

const KUBECONFIG = path.resolve(
  __dirname,
  '../../.data/ack-emulator/kubeconfig.yaml',
);

/** Submits a generated Workflow to the embedded cluster as its admin (the kubeconfig's first context). */
async function submitWorkflow(options: WorkflowOptions): Promise<string> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(KUBECONFIG);
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  const workflow = generateWorkflow({ namespace: 'argo', ...options });
  const created = (await api.createNamespacedCustomObject({
    group: 'argoproj.io',
    version: 'v1alpha1',
    namespace: 'argo',
    plural: 'workflows',
    body: workflow,
  })) as { metadata: { name: string } };
  return created.metadata.name;
}

async function shot(page: Page, name: string, file: string) {
  const where = test.info().outputPath(file);
  await page.screenshot({ path: where, fullPage: true });
  test
    .info()
    .annotations.push({ type: 'screenshot', description: `${name}: ${where}` });
}

function runsCard(page: Page) {
  return page.getByRole('table', { name: 'Recent runs' });
}

test.describe('Run evidence', () => {
  test('a generated workflow hits the Ready cache, and the tab shows the hit within seconds', async ({
    page,
  }) => {
    test.setTimeout(5 * 60_000);
    await signInAsGuest(
      page,
      '/catalog/default/component/ml-trainer/image-cache',
    );
    await openImageCacheTab(page, 'ml-trainer');
    // The reconciler keeps ml-trainer's managed cache; ECI matches Ready caches automatically.
    await expect(page.getByTestId('warmth-verdict')).toContainText(
      'Pods start warm',
      {
        timeout: 180_000,
      },
    );

    const name = await submitWorkflow({
      serviceName: 'ml-trainer',
      entityRef: 'component:default/ml-trainer',
      cacheMode: 'auto',
      containers: [
        {
          image:
            'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
        },
      ],
      acrInstanceIds: ['cri-f34lmbk2rxqx41u8'],
    });
    const submittedAt = Date.now();
    const row = runsCard(page).getByTestId('run-row').filter({ hasText: name });
    await expect(row).toContainText(/Hit imc-/, { timeout: 20_000 });
    const seconds = (Date.now() - submittedAt) / 1000;
    test.info().annotations.push({
      type: 'hit shown after',
      description: `${seconds.toFixed(1)} s`,
    });
    await expect(
      page.getByText(/of the last \d+ runs\s+hit a cache/),
    ).toBeVisible();
    await shot(page, 'ml-trainer runs', 'run-evidence-hit.png');
  });

  test('a run whose workflow lacks the ACR annotation shows the diagnosis and the fix', async ({
    page,
  }) => {
    test.setTimeout(3 * 60_000);
    // No ACR options: the generator adds no k8s.aliyun.com/acr-instance-ids for the Shanghai image.
    const name = await submitWorkflow({
      serviceName: 'etl-runner',
      entityRef: 'component:default/etl-runner',
      cacheMode: 'off',
      containers: [
        {
          image:
            'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/etl-runner:2.0.1',
        },
      ],
    });
    await signInAsGuest(
      page,
      '/catalog/default/component/etl-runner/image-cache',
    );
    await openImageCacheTab(page, 'etl-runner');
    await expect(
      runsCard(page).getByTestId('run-row').filter({ hasText: name }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByText(
        'Password-free pull is not configured for ACR instance cri-shanghai7k2m9x4p (cn-shanghai)',
        { exact: false },
      ),
    ).toBeVisible({ timeout: 30_000 });
    await expect(
      page
        .getByText(
          /Fix: Add k8s\.aliyun\.com\/acr-instance-ids: "cn-shanghai:cri-shanghai7k2m9x4p"/,
        )
        .first(),
    ).toBeVisible();
    await shot(page, 'etl-runner diagnosis', 'run-evidence-diagnosis.png');
  });
});
