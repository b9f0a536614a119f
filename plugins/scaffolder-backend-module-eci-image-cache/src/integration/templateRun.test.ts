import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
} from '@kubernetes/client-node';
import { Entity } from '@backstage/catalog-model';
import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { argoSchemaErrors } from '../__testUtils__/argoSchema';
import {
  ML_TRAINER,
  OWNER,
  startScaffolderTestBackend,
  waitFor,
} from '../__testUtils__/startScaffolderTestBackend';
import {
  EXAMPLES_DIRECTORY,
  loadTemplate,
} from '../__testUtils__/templateFiles';

jest.setTimeout(90_000);

const GUEST = 'user:default/guest';
const TEMPLATE_REF = 'template:default/argo-workflow-eci-image-cache';

/** A one-step template that saves an entity's ACR instance. */
const ACR_TEMPLATE: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'configure-acr', namespace: 'default' },
  spec: {
    type: 'service',
    parameters: [{ properties: { acrInstanceId: { type: 'string' } } }],
    steps: [
      {
        id: 'acr',
        action: 'eci:acr:configure',
        input: {
          entityRef: 'component:default/ml-trainer',
          acrInstanceId: '${{ parameters.acrInstanceId }}',
        },
      },
    ],
    output: {
      text: [
        { title: 'ACR', content: '${{ steps.acr.output.acrAnnotationValue }}' },
      ],
    },
  },
};

/** The template as the catalog holds it, located next to its skeleton. */
function templateEntity(): Entity {
  const template = loadTemplate();
  template.metadata.namespace = 'default';
  template.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${path.join(
      EXAMPLES_DIRECTORY,
      'template.yaml',
    )}`,
  };
  return template;
}

function kubeClients(emulator: RunningEmulator) {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'emulator', server: emulator.url, skipTLSVerify: true }],
    users: [{ name: 'admin', token: emulator.tokens.admin }],
    contexts: [{ name: 'emulator', cluster: 'emulator', user: 'admin' }],
    currentContext: 'emulator',
  });
  return {
    custom: kc.makeApiClient(CustomObjectsApi),
    core: kc.makeApiClient(CoreV1Api),
  };
}

describe('running the template for real', () => {
  let emulator: RunningEmulator;
  let publishRoot: string;
  let portal: Awaited<ReturnType<typeof startScaffolderTestBackend>>;
  let clock: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      manualClock: true,
      startTime: new Date(),
    });
    publishRoot = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'eci-run-')),
      'published',
    );
    portal = await startScaffolderTestBackend({
      emulator,
      entities: [ML_TRAINER, templateEntity(), ACR_TEMPLATE],
      publishRoot,
      // As in the portal: only the service's owners may change its caches.
      allow: (permission, user) =>
        !permission.startsWith('eci.') ||
        permission === 'eci.imagecache.read' ||
        user === OWNER,
    });
  });

  afterEach(() => clearInterval(clock));

  afterAll(async () => {
    await portal?.backend.stop();
    await emulator?.stop();
  });

  async function runTask(
    values: Record<string, unknown>,
    user = OWNER,
    templateRef = TEMPLATE_REF,
  ) {
    const created = await portal.post(
      '/api/scaffolder/v2/tasks',
      { templateRef, values },
      user,
    );
    expect(created.status).toBe(201);
    const task = await waitFor(
      async () => {
        const response = await portal.get(
          `/api/scaffolder/v2/tasks/${created.body.id}`,
          user,
        );
        return ['completed', 'failed'].includes(response.body.status)
          ? response.body
          : undefined;
      },
      'the task to finish',
      60_000,
    );
    const events = await portal.get(
      `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      user,
    );
    const log = events.body
      .map((event: { body: { message?: string } }) => event.body.message ?? '')
      .join('\n');
    return { task, log };
  }

  it('fails at reading the service when the catalog does not list it, naming the field, without a stack trace', async () => {
    const { task, log } = await runTask({
      service: 'component:default/walk-svc-1',
      cacheMode: 'auto',
      kind: 'Workflow',
      dialect: 'legacy',
    });
    expect(task.status).toBe('failed');
    expect(log).toContain(
      'InputError: Invalid input: `service`: component:default/walk-svc-1 is not in the catalog; choose an entity the catalog lists.',
    );
    expect(log).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(publishRoot)).toBe(false);
  });

  it('refuses to create a cache for someone who does not own the service', async () => {
    const { task, log } = await runTask(
      {
        service: 'component:default/ml-trainer',
        cacheMode: 'pinned',
        kind: 'Workflow',
        dialect: 'legacy',
      },
      GUEST,
    );
    expect(task.status).toBe('failed');
    expect(log).toContain(
      'user:default/guest may not create image caches for component:default/ml-trainer',
    );
    expect(fs.existsSync(publishRoot)).toBe(false);
  });

  it('ensures a Ready cache, pins it, publishes, and the pods hit the cache', async () => {
    // ECI builds the cache in simulated minutes; move the emulator clock along while the task waits.
    clock = setInterval(() => emulator.advance(30_000), 25);
    const { task, log } = await runTask({
      service: 'component:default/ml-trainer',
      cacheMode: 'pinned',
      kind: 'Workflow',
      dialect: 'legacy',
    });
    clearInterval(clock);
    expect(log).toMatch(
      /ImageCache ml-trainer-\w+ on cluster ack-hangzhou: Ready 100%/,
    );
    expect(task.status).toBe('completed');

    const published = path.join(publishRoot, 'ml-trainer-workflows');
    const workflow = parse(
      fs.readFileSync(
        path.join(published, 'workflows/ml-trainer.yaml'),
        'utf8',
      ),
    );
    expect(argoSchemaErrors(workflow)).toEqual([]);
    const imageCacheId =
      workflow.spec.podMetadata.annotations[
        'k8s.aliyun.com/eci-image-snapshot-id'
      ];
    expect(imageCacheId).toMatch(/^imc-/);
    expect(
      workflow.spec.podMetadata.annotations['k8s.aliyun.com/acr-instance-id'],
    ).toBe('cri-f34lmbk2rxqx41u8');
    expect(
      parse(fs.readFileSync(path.join(published, 'catalog-info.yaml'), 'utf8'))
        .metadata.name,
    ).toBe('ml-trainer-workflows');

    const { custom, core } = kubeClients(emulator);
    await core.createNamespace({ body: { metadata: { name: 'argo' } } });
    const submitted = (await custom.createNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      namespace: 'argo',
      plural: 'workflows',
      body: workflow,
    })) as { metadata: { name: string } };
    const hits = await waitFor(async () => {
      emulator.advance(5_000);
      const events = await core.listNamespacedEvent({ namespace: 'argo' });
      const found = events.items.filter(
        event =>
          event.reason === 'SuccessfulHitImageCache' &&
          event.involvedObject.name?.startsWith(submitted.metadata.name),
      );
      return found.length > 0 ? found : undefined;
    }, 'the pods to report SuccessfulHitImageCache');
    expect(hits[0].message).toContain(imageCacheId);
  });

  it('saves an ACR instance through the backend, for the owner only', async () => {
    const acrTemplate = 'template:default/configure-acr';
    const denied = await runTask(
      { acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p' },
      GUEST,
      acrTemplate,
    );
    expect(denied.task.status).toBe('failed');
    expect(denied.log).toContain(
      'may not change the ACR settings of component:default/ml-trainer',
    );

    const invalid = await runTask(
      { acrInstanceId: 'shanghai:cri-x' },
      OWNER,
      acrTemplate,
    );
    expect(invalid.task.status).toBe('failed');
    expect(invalid.log).toContain('`acrInstanceId`: "shanghai:cri-x"');

    const saved = await runTask(
      { acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p' },
      OWNER,
      acrTemplate,
    );
    expect(saved.task.status).toBe('completed');
    // The catalog annotation still wins, so the setting is saved but not in effect.
    // (The backend may write the annotation's instance with the region of the configured instance.)
    expect(saved.log).toMatch(
      /sets alibabacloud\.com\/acr-instance-id to (cn-hangzhou:)?cri-f34lmbk2rxqx41u8 in the catalog/,
    );
    const state = await portal.get(
      '/api/eci-image-cache/entities/component/default/ml-trainer',
    );
    expect(state.body.settings.settings).toEqual({
      acrInstance: 'cn-shanghai:cri-shanghai7k2m9x4p',
    });
  });
});
