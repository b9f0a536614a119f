import { startEmulator, RunningEmulator } from '@eci-portal/ack-emulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { argoSchemaErrors } from '../__testUtils__/argoSchema';
import {
  ML_TRAINER,
  startScaffolderTestBackend,
  waitFor,
} from '../__testUtils__/startScaffolderTestBackend';
import {
  loadTemplate,
  NEW_SERVICE_TEMPLATE,
  templateDirectoryContents,
} from '../__testUtils__/templateFiles';
import { readEntityConfig } from '@eci-portal/plugin-eci-image-cache-common';

jest.setTimeout(60_000);

/** The defaults the test backend reads entities with (its configuration). */
const BACKEND_DEFAULTS = {
  clusters: ['ack-hangzhou'],
  defaultCluster: 'ack-hangzhou',
  argoNamespace: 'argo',
  retentionDays: 30,
};

const ENTITY_API = '/api/eci-image-cache/entities/component/default/ml-trainer';

function decode(
  contents: Array<{ path: string; base64Content: string }>,
  file: string,
): string {
  const entry = contents.find(item => item.path === file);
  if (!entry) {
    throw new Error(
      `${file} is not in ${contents.map(item => item.path).join(', ')}`,
    );
  }
  return Buffer.from(entry.base64Content, 'base64').toString('utf8');
}

describe('the template through the scaffolder dry-run endpoint', () => {
  let emulator: RunningEmulator;
  let publishRoot: string;
  let portal: Awaited<ReturnType<typeof startScaffolderTestBackend>>;

  beforeAll(async () => {
    // The backend judges expiry by the real clock, so the simulated one starts now.
    emulator = await startEmulator({
      port: 0,
      manualClock: true,
      startTime: new Date(),
    });
    publishRoot = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'eci-dry-run-')),
      'published',
    );
    portal = await startScaffolderTestBackend({
      emulator,
      entities: [
        ML_TRAINER,
        // The catalog location that reads what eci:publish:local publishes (app-config.yaml).
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Location',
          metadata: { name: 'published', namespace: 'default' },
          spec: {
            type: 'file',
            target: path.join(publishRoot, '*', 'catalog-info.yaml'),
          },
        },
      ],
      publishRoot,
    });
  });

  afterAll(async () => {
    await portal?.backend.stop();
    await emulator?.stop();
  });

  const dryRun = (values: Record<string, unknown>, directory = '') =>
    portal.post('/api/scaffolder/v2/dry-run', {
      template: loadTemplate(directory),
      values,
      directoryContents: templateDirectoryContents(directory),
    });

  it('registers the actions with the scaffolder', async () => {
    const response = await portal.get('/api/scaffolder/v2/actions');
    expect(response.status).toBe(200);
    const ids = response.body.map((action: { id: string }) => action.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'eci:workflow:generate',
        'eci:imagecache:ensure',
        'eci:acr:configure',
        'eci:publish:local',
        'eci:catalog:read',
        'eci:catalog:register-local',
      ]),
    );
  });

  it('generates a schema-valid auto-mode workflow while the service has no Ready cache', async () => {
    const response = await dryRun({
      service: 'component:default/ml-trainer',
      cacheMode: 'entity',
      kind: 'Workflow',
      dialect: 'legacy',
      overwrite: false,
    });
    expect(response.status).toBe(200);
    const { directoryContents, output, log } = response.body;

    const workflow = parse(
      decode(directoryContents, 'workflows/ml-trainer.yaml'),
    );
    expect(argoSchemaErrors(workflow)).toEqual([]);
    expect(workflow.metadata).toEqual({
      generateName: 'ml-trainer-',
      namespace: 'argo',
    });
    expect(workflow.spec.podMetadata.annotations).toEqual({
      'k8s.aliyun.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
      'k8s.aliyun.com/eci-image-cache': 'true',
    });

    const catalogInfo = parse(decode(directoryContents, 'catalog-info.yaml'));
    expect(catalogInfo.metadata).toMatchObject({
      name: 'ml-trainer-workflows',
      annotations: {
        'alibabacloud.com/eci-images':
          'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2,docker.io/library/python:3.12-slim',
        'alibabacloud.com/eci-image-cache': 'auto',
        'alibabacloud.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
        'alibabacloud.com/eci-cluster': 'ack-hangzhou',
        'alibabacloud.com/argo-namespace': 'argo',
      },
    });
    expect(catalogInfo.spec).toMatchObject({
      owner: 'group:default/platform-team',
      subcomponentOf: 'component:default/ml-trainer',
    });

    // The ensure step is skipped unless the mode is pinned; publishing writes nothing in a dry run.
    const messages = log.map(
      (entry: { body: { message: string } }) => entry.body.message,
    );
    expect(messages.join('\n')).toContain('Dry run: would publish');
    expect(fs.existsSync(publishRoot)).toBe(false);
    expect(output.text[0].content).toContain('workflows/ml-trainer.yaml');
    expect(output.links[0]).toMatchObject({
      entityRef: 'component:default/ml-trainer',
    });
  });

  it('pins the Ready cache, made Ready by the emulator clock', async () => {
    const created = await portal.post(`${ENTITY_API}/caches`, {});
    expect(created.status).toBe(201);
    const cacheName = created.body.cache.name;
    const imageCacheId = await waitFor(async () => {
      emulator.advance(60_000);
      const state = await portal.get(ENTITY_API);
      const cache = state.body.clusters[0].caches.find(
        (item: { name: string }) => item.name === cacheName,
      );
      return cache?.usable ? (cache.imageCacheId as string) : undefined;
    }, 'the cache to become Ready');

    const response = await dryRun({
      service: 'component:default/ml-trainer',
      cacheMode: 'pinned',
      kind: 'CronWorkflow',
      schedule: '0 2 * * *',
      dialect: 'current',
      overwrite: false,
    });
    expect(response.status).toBe(200);
    const cron = parse(
      decode(response.body.directoryContents, 'workflows/ml-trainer.yaml'),
    );
    expect(argoSchemaErrors(cron)).toEqual([]);
    expect(cron.spec.schedules).toEqual(['0 2 * * *']);
    const readme = decode(response.body.directoryContents, 'README.md');
    expect(readme).toContain(
      `Cache mode: pinned, pinned to \`${imageCacheId}\``,
    );
    expect(readme).toContain('ACR password-free pulls: cri-f34lmbk2rxqx41u8');
    expect(cron.spec.workflowSpec.podMetadata.annotations).toEqual({
      'k8s.aliyun.com/acr-instance-ids': 'cri-f34lmbk2rxqx41u8',
      'k8s.aliyun.com/eci-imc-id': imageCacheId,
    });
    const messages = response.body.log
      .map((entry: { body: { message: string } }) => entry.body.message)
      .join('\n');
    expect(messages).toContain(`Dry run: would adopt ImageCache ${cacheName}`);
  });

  it('answers an invalid parameter with 400, naming the field', async () => {
    const response = await dryRun({
      service: 'component:default/ml-trainer',
      images: ['docker.io/library/python:3.12-slim', 'Not An Image'],
      cacheMode: 'auto',
      kind: 'Workflow',
      dialect: 'legacy',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /`services\[0\]\.images\[1\]`: "Not An Image" contains spaces/,
    );
  });

  it('refuses a service that is not a full entity ref before any task runs, naming the field', async () => {
    const response = await dryRun({
      service: 'walk-svc-1',
      cacheMode: 'auto',
      kind: 'Workflow',
      dialect: 'legacy',
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/service.*pattern/);
  });

  it('onboards a new service: a component with the catalog annotations, its workflow, registered', async () => {
    const response = await dryRun(
      {
        name: 'checkout',
        description: 'Checkout: the "buy" button',
        owner: 'group:default/platform-team',
        images: ['docker.io/library/python:3.12-slim', 'nginx:1.27'],
        cacheMode: 'manual',
        cacheSize: '40',
        retentionDays: '7',
        cluster: 'ack-hangzhou',
        acrInstanceId: 'cri-f34lmbk2rxqx41u8',
        kind: 'CronWorkflow',
        schedule: '0 2 * * *',
        dialect: 'legacy',
      },
      NEW_SERVICE_TEMPLATE,
    );
    expect(response.status).toBe(200);
    const { directoryContents, output, log } = response.body;

    const component = parse(decode(directoryContents, 'catalog-info.yaml'));
    expect(component).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout',
        description: 'Checkout: the "buy" button',
        annotations: {
          'alibabacloud.com/eci-images':
            'docker.io/library/python:3.12-slim,nginx:1.27',
          'alibabacloud.com/eci-image-cache': 'manual',
          'alibabacloud.com/eci-image-cache-size': '40',
          'alibabacloud.com/eci-image-cache-retention-days': '7',
          'alibabacloud.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
          'alibabacloud.com/eci-cluster': 'ack-hangzhou',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/platform-team',
      },
    });
    // The backend reads these annotations without a problem or a warning.
    const config = readEntityConfig(component, BACKEND_DEFAULTS);
    expect(config).toMatchObject({ ok: true, warnings: [] });

    const cron = parse(decode(directoryContents, 'workflows/checkout.yaml'));
    expect(argoSchemaErrors(cron)).toEqual([]);
    expect(cron.spec.schedules).toEqual(['0 2 * * *']);
    expect(cron.spec.workflowSpec.podMetadata.annotations).toEqual({
      'k8s.aliyun.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
      'k8s.aliyun.com/eci-image-cache': 'true',
    });

    const messages = log
      .map((entry: { body: { message: string } }) => entry.body.message)
      .join('\n');
    expect(messages).toContain('Dry run: would publish');
    expect(messages).toContain(
      'Dry run: would refresh location:default/published and wait for component:default/checkout',
    );
    expect(fs.existsSync(publishRoot)).toBe(false);
    expect(output.links[0]).toMatchObject({
      entityRef: 'component:default/checkout',
    });
  });

  it('leaves size and retention out unless the portal manages the cache', async () => {
    const response = await dryRun(
      {
        name: 'light-svc',
        owner: 'group:default/platform-team',
        images: ['nginx:1.27'],
        cacheMode: 'auto',
        kind: 'Workflow',
        dialect: 'legacy',
      },
      NEW_SERVICE_TEMPLATE,
    );
    expect(response.status).toBe(200);
    const component = parse(
      decode(response.body.directoryContents, 'catalog-info.yaml'),
    );
    expect(component.metadata.annotations).toEqual({
      'alibabacloud.com/eci-images': 'nginx:1.27',
      'alibabacloud.com/eci-image-cache': 'auto',
    });
    expect(readEntityConfig(component, BACKEND_DEFAULTS)).toMatchObject({
      ok: true,
      warnings: [],
    });
  });
});
