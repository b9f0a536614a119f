import { mockCredentials } from '@backstage/backend-test-utils';
import { JsonObject, JsonValue } from '@backstage/types';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createMockActionContext } from '../../__testUtils__/createMockActionContext';
import {
  cacheView,
  FakeEciImageCache,
  FakeEntity,
} from '../../__testUtils__/fakeEciImageCache';
import { createGenerateWorkflowsAction } from './createGenerateWorkflowsAction';

const TRAINER_IMAGES = [
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
  'docker.io/library/python:3.12-slim',
];

function trainer(overrides: Partial<FakeEntity> = {}): FakeEntity {
  return {
    entityRef: 'component:default/ml-trainer',
    images: TRAINER_IMAGES,
    cacheMode: 'manual',
    acrInstance: 'cri-f34lmbk2rxqx41u8',
    caches: [
      cacheView({ images: TRAINER_IMAGES, imageCacheId: 'imc-trainer01' }),
    ],
    ...overrides,
  };
}

function setup(entities: FakeEntity[] = [trainer()]) {
  const backend = new FakeEciImageCache(entities);
  const action = createGenerateWorkflowsAction({ eciImageCache: backend });
  const run = async (
    input: JsonObject,
    options: Parameters<typeof createMockActionContext>[0] extends infer O
      ? Omit<O, 'input'>
      : never = {},
  ) => {
    const ctx = createMockActionContext({ input, ...options });
    await action.handler(ctx);
    return ctx;
  };
  return { backend, action, run };
}

function readYaml(ctx: { workspacePath: string }, file: string) {
  return parse(fs.readFileSync(path.join(ctx.workspacePath, file), 'utf8'));
}

function filesIn(directory: string): string[] {
  if (!fs.existsSync(directory)) {
    return [];
  }
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry =>
      path.relative(directory, path.join(entry.parentPath, entry.name)),
    );
}

/** Checks that the run fails with the message and returns the files it left in the workspace. */
async function filesAfterFailure(
  promise: Promise<unknown>,
  message: RegExp,
  workspacePath: string,
): Promise<string[]> {
  await expect(promise).rejects.toThrow(message);
  return filesIn(workspacePath);
}

describe('eci:workflow:generate', () => {
  it('declares dry-run support and JSON schemas with descriptions', () => {
    const { action } = setup();
    expect(action.id).toBe('eci:workflow:generate');
    expect(action.supportsDryRun).toBe(true);
    const input = action.schema?.input as any;
    expect(input.properties.services.description).toMatch(/entity refs/);
    expect(
      input.properties.cacheMode.enum ?? input.properties.cacheMode.anyOf,
    ).toBeDefined();
    expect(action.examples?.length).toBeGreaterThan(0);
  });

  describe('inline services', () => {
    it("writes an auto-mode workflow with the document's legacy annotation", async () => {
      const { run, backend } = setup();
      const ctx = await run({
        services: {
          name: 'hello-world',
          images: ['docker/whalesay:1.0'],
          command: ['cowsay'],
          args: ['hello world'],
        },
      });
      const workflow = readYaml(ctx, 'workflows/hello-world.yaml');
      expect(workflow).toMatchObject({
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: { generateName: 'hello-world-' },
        spec: {
          podMetadata: {
            annotations: { 'k8s.aliyun.com/eci-image-cache': 'true' },
          },
          templates: [
            {
              container: {
                image: 'docker/whalesay:1.0',
                command: ['cowsay'],
                args: ['hello world'],
              },
            },
          ],
        },
      });
      expect(ctx.outputs.files).toEqual(['workflows/hello-world.yaml']);
      expect(ctx.outputs.imageCacheIds).toEqual([]);
      expect(ctx.outputs.workflows).toEqual([
        expect.objectContaining({ service: 'hello-world', cacheMode: 'auto' }),
      ]);
      expect(ctx.outputs.markdown).toContain('workflows/hello-world.yaml');
      // Inline services without a cluster never ask the backend.
      expect(backend.calls).toEqual([]);
    });

    it('pins an explicit cache id and writes the ACR region rule', async () => {
      const { run } = setup();
      const ctx = await run({
        services: [
          {
            name: 'report',
            images: [
              'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/report:1.2.0',
            ],
            imageCacheId: 'imc-report001',
            acrInstanceId: 'cn-shanghai:cri-shanghai7k2m9x4p',
            clusterRegion: 'cn-hangzhou',
            namespace: 'batch',
          },
          {
            name: 'local',
            images: [
              'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2',
            ],
            acrInstanceId: 'cn-hangzhou:cri-f34lmbk2rxqx41u8',
            clusterRegion: 'cn-hangzhou',
          },
        ],
        cacheMode: 'entity',
      });
      expect(readYaml(ctx, 'workflows/report.yaml')).toMatchObject({
        metadata: { namespace: 'batch' },
        spec: {
          podMetadata: {
            annotations: {
              'k8s.aliyun.com/eci-image-snapshot-id': 'imc-report001',
              'k8s.aliyun.com/acr-instance-id':
                'cn-shanghai:cri-shanghai7k2m9x4p',
            },
          },
        },
      });
      expect(
        readYaml(ctx, 'workflows/local.yaml').spec.podMetadata.annotations,
      ).toEqual({
        'k8s.aliyun.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
        'k8s.aliyun.com/eci-image-cache': 'true',
      });
      expect(ctx.outputs.imageCacheIds).toEqual(['imc-report001']);
      expect(ctx.outputs.acrAnnotationValues).toEqual([
        'cn-shanghai:cri-shanghai7k2m9x4p',
        'cri-f34lmbk2rxqx41u8',
      ]);
    });

    it('takes the region and the ACR instances of a named cluster from the backend', async () => {
      const { run, backend } = setup();
      const ctx = await run({
        services: {
          name: 'etl',
          images: [
            'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com/data/etl-runner:2.0.1',
          ],
        },
        cluster: 'ack-hangzhou',
        cacheMode: 'off',
        dialect: 'current',
      });
      expect(
        readYaml(ctx, 'workflows/etl.yaml').spec.podMetadata.annotations,
      ).toEqual({
        'k8s.aliyun.com/acr-instance-ids': 'cn-shanghai:cri-shanghai7k2m9x4p',
        'k8s.aliyun.com/eci-auto-imc': 'false',
      });
      expect(backend.callsOf('listClusters')).toHaveLength(1);
      expect(backend.callsOf('listAcrInstances')).toHaveLength(1);
    });

    it('needs an explicit cache id to pin', async () => {
      const { run } = setup();
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      expect(
        await filesAfterFailure(
          run(
            {
              services: { name: 'x', images: ['nginx:1.27'] },
              cacheMode: 'pinned',
            },
            { workspacePath },
          ),
          /`services\.imageCacheId` is required with cacheMode "pinned"/,
          workspacePath,
        ),
      ).toEqual([]);
    });
  });

  describe('catalog entities', () => {
    it("pins the entity's Ready cache in entity mode and passes the initiator's credentials", async () => {
      const { run, backend } = setup();
      const ctx = await run(
        { services: 'component:default/ml-trainer' },
        { credentials: mockCredentials.user('user:default/alice') },
      );
      const workflow = readYaml(ctx, 'workflows/ml-trainer.yaml');
      expect(workflow.metadata).toEqual({
        generateName: 'ml-trainer-',
        namespace: 'argo',
      });
      expect(workflow.spec.podMetadata.annotations).toEqual({
        'k8s.aliyun.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
        'k8s.aliyun.com/eci-image-snapshot-id': 'imc-trainer01',
      });
      expect(
        workflow.spec.templates
          .map((t: any) => t.container?.image)
          .filter(Boolean),
      ).toEqual(TRAINER_IMAGES);
      expect(
        fs.readFileSync(
          path.join(ctx.workspacePath, 'workflows/ml-trainer.yaml'),
          'utf8',
        ),
      ).toMatch(
        /^# Generated by the Backstage ECI image cache plugin\.\n# entity: component:default\/ml-trainer\n/,
      );
      expect(ctx.outputs.workflows).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/ml-trainer',
          cluster: 'ack-hangzhou',
          cacheMode: 'pinned',
          imageCacheId: 'imc-trainer01',
        }),
      ]);
      expect(backend.callsOf('getEntityState')).toEqual([
        expect.objectContaining({ user: 'user:default/alice' }),
      ]);
    });

    it('falls back to auto with a warning when a manual entity has no Ready cache', async () => {
      const { run } = setup([
        trainer({
          caches: [
            cacheView({
              images: TRAINER_IMAGES,
              phase: 'Creating',
              progress: '45%',
            }),
          ],
        }),
      ]);
      const ctx = await run({ services: ['component:default/ml-trainer'] });
      expect(
        readYaml(ctx, 'workflows/ml-trainer.yaml').spec.podMetadata.annotations,
      ).toMatchObject({ 'k8s.aliyun.com/eci-image-cache': 'true' });
      expect(ctx.logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('no pinnable cache on cluster "ack-hangzhou"'),
      );
    });

    it('fails clearly in pinned mode when no Ready cache holds the images', async () => {
      const { run } = setup([
        trainer({
          caches: [
            cacheView({
              images: TRAINER_IMAGES,
              phase: 'Creating',
              progress: '45%',
              name: 'ml-trainer-new',
            }),
            cacheView({
              images: ['docker.io/library/python:3.11-slim'],
              name: 'ml-trainer-old',
            }),
          ],
        }),
      ]);
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      expect(
        await filesAfterFailure(
          run(
            { services: 'component:default/ml-trainer', cacheMode: 'pinned' },
            { workspacePath },
          ),
          /cannot pin component:default\/ml-trainer .*no cache is Ready, unexpired and holding all of .*ml-trainer-new is Creating, 45%.*ml-trainer-old \(imc-ready001\) lacks/,
          workspacePath,
        ),
      ).toEqual([]);
    });

    it('pins in pinned mode and honours the kind, schedule, dialect, placement and target path', async () => {
      const { run } = setup();
      const ctx = await run({
        services: [
          {
            entityRef: 'component:default/ml-trainer',
            command: ['python', 'train.py'],
          },
        ],
        cacheMode: 'pinned',
        kind: 'CronWorkflow',
        schedule: '0 2 * * *',
        timezone: 'Asia/Shanghai',
        dialect: 'current',
        placement: 'podMetadata+templates',
        targetPath: 'argo/{service}-cron.yml',
      });
      const cron = readYaml(ctx, 'argo/ml-trainer-cron.yml');
      expect(cron).toMatchObject({
        kind: 'CronWorkflow',
        metadata: { name: 'ml-trainer', namespace: 'argo' },
        spec: { schedules: ['0 2 * * *'], timezone: 'Asia/Shanghai' },
      });
      const annotations = {
        'k8s.aliyun.com/acr-instance-ids': 'cri-f34lmbk2rxqx41u8',
        'k8s.aliyun.com/eci-imc-id': 'imc-trainer01',
      };
      expect(cron.spec.workflowSpec.podMetadata.annotations).toEqual(
        annotations,
      );
      for (const template of cron.spec.workflowSpec.templates) {
        expect(template.metadata.annotations).toEqual(annotations);
      }
      const containers = cron.spec.workflowSpec.templates.filter(
        (t: any) => t.container,
      );
      expect(containers.map((t: any) => t.container.command)).toEqual([
        ['python', 'train.py'],
        ['python', 'train.py'],
      ]);
    });

    it('uses the cluster given in the input, and fails on an unknown one', async () => {
      const { run } = setup([
        trainer({
          acrInstance: 'cn-hangzhou:cri-f34lmbk2rxqx41u8',
          caches: [
            cacheView({
              images: TRAINER_IMAGES,
              cluster: 'ack-beijing',
              imageCacheId: 'imc-beijing1',
            }),
          ],
        }),
      ]);
      const ctx = await run({
        services: 'component:default/ml-trainer',
        cluster: 'ack-beijing',
      });
      expect(ctx.outputs.imageCacheIds).toEqual(['imc-beijing1']);
      // ACR instance in Hangzhou, cluster in Beijing: the region is written.
      expect(ctx.outputs.acrAnnotationValues).toEqual([
        'cn-hangzhou:cri-f34lmbk2rxqx41u8',
      ]);
      const home = await run({ services: 'component:default/ml-trainer' });
      expect(home.outputs.acrAnnotationValues).toEqual([
        'cri-f34lmbk2rxqx41u8',
      ]);
      await expect(
        run({ services: 'component:default/ml-trainer', cluster: 'ack-mars' }),
      ).rejects.toThrow(
        /`cluster`: "ack-mars" is not a configured cluster \(configured: ack-hangzhou, ack-beijing\)/,
      );
    });

    it('names the entry of an unknown entity', async () => {
      const { run } = setup();
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      expect(
        await filesAfterFailure(
          run(
            {
              services: [
                'component:default/ml-trainer',
                'component:default/nope',
              ],
            },
            { workspacePath },
          ),
          /`services\[1\]`: component:default\/nope was not found in the catalog/,
          workspacePath,
        ),
      ).toEqual([]);
    });
  });

  it('reads null optional fields as not set (templates render `none` as null)', async () => {
    const { run } = setup();
    const ctx = await run({
      services: [
        {
          entityRef: 'component:default/ml-trainer',
          images: null,
          command: null,
        },
      ],
      cluster: null,
      kind: null,
      schedule: null,
      cacheMode: null,
      targetPath: null,
    });
    expect(ctx.outputs.files).toEqual(['workflows/ml-trainer.yaml']);
    expect(ctx.outputs.imageCacheIds).toEqual(['imc-trainer01']);
  });

  describe('dry run and recovery', () => {
    it('writes the same files in a dry run (the dry-run endpoint returns them)', async () => {
      const { run } = setup();
      const real = await run({ services: 'component:default/ml-trainer' });
      const dry = await run(
        { services: 'component:default/ml-trainer' },
        { isDryRun: true },
      );
      expect(dry.outputs).toEqual(real.outputs);
      expect(readYaml(dry, 'workflows/ml-trainer.yaml')).toEqual(
        readYaml(real, 'workflows/ml-trainer.yaml'),
      );
      expect(dry.logger.info).toHaveBeenCalledWith(
        expect.stringContaining('(dry run)'),
      );
    });

    it('is idempotent: a re-run gives identical files, and a recovered task replays its plans', async () => {
      const { run, backend } = setup();
      const checkpointState = new Map<string, JsonValue>();
      const first = await run(
        { services: 'component:default/ml-trainer' },
        { checkpointState },
      );
      const file = path.join(first.workspacePath, 'workflows/ml-trainer.yaml');
      const before = fs.readFileSync(file, 'utf8');

      // The cache is rotated meanwhile; the recovered step must still write the first result.
      backend.entities.get('component:default/ml-trainer')!.caches = [
        cacheView({ images: TRAINER_IMAGES, imageCacheId: 'imc-rotated02' }),
      ];
      const lookups = backend.callsOf('getEntityState').length;
      const second = await run(
        { services: 'component:default/ml-trainer' },
        { checkpointState, workspacePath: first.workspacePath },
      );
      expect(fs.readFileSync(file, 'utf8')).toBe(before);
      expect(second.outputs).toEqual(first.outputs);
      expect(second.checkpointsRun).toEqual([]);
      expect(backend.callsOf('getEntityState')).toHaveLength(lookups);
      expect(filesIn(first.workspacePath)).toEqual([
        'workflows/ml-trainer.yaml',
      ]);
    });
  });

  describe('paths stay inside the workspace', () => {
    const services = { name: 'svc', images: ['nginx:1.27'] };

    it.each([
      ['../outside/{service}.yaml', /must not contain "\.\." segments/],
      ['workflows/../../{service}.yaml', /must not contain "\.\." segments/],
      ['/tmp/{service}.yaml', /must be relative to the workspace/],
      ['C:\\tmp\\{service}.yaml', /backslash/],
      ['workflows/{service}.json', /must name a \.yaml or \.yml file/],
      ['workflows/{name}.yaml', /may only use the placeholder \{service\}/],
    ])('refuses targetPath %s', async (targetPath, message) => {
      const { run } = setup();
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      expect(
        await filesAfterFailure(
          run({ services, targetPath }, { workspacePath }),
          new RegExp(`\`targetPath\`.*${message.source}`),
          workspacePath,
        ),
      ).toEqual([]);
    });

    it('refuses a symlinked directory that leads outside', async () => {
      const { run } = setup();
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-outside-'));
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      fs.symlinkSync(outside, path.join(workspacePath, 'workflows'));
      await expect(run({ services }, { workspacePath })).rejects.toThrow(
        /`targetPath`: "workflows\/svc\.yaml" leads outside the allowed directory/,
      );
      expect(fs.readdirSync(outside)).toEqual([]);
    });

    it('refuses a symlinked file that leads outside', async () => {
      const { run } = setup();
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-outside-'));
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      fs.mkdirSync(path.join(workspacePath, 'workflows'));
      fs.symlinkSync(
        path.join(outside, 'stolen.yaml'),
        path.join(workspacePath, 'workflows/svc.yaml'),
      );
      await expect(run({ services }, { workspacePath })).rejects.toThrow(
        /leads outside/,
      );
      expect(fs.readdirSync(outside)).toEqual([]);
    });

    it('needs {service} when several services share the pattern, and distinct names', async () => {
      const { run } = setup();
      await expect(
        run({
          services: [services, { ...services, name: 'other' }],
          targetPath: 'all.yaml',
        }),
      ).rejects.toThrow(
        /`targetPath`: "all.yaml" must contain \{service\} when 2 services/,
      );
      await expect(run({ services: [services, services] })).rejects.toThrow(
        /`services\[1\]` and `services\[0\]` would both be written to workflows\/svc\.yaml/,
      );
    });
  });

  describe('invalid input names the field and writes nothing', () => {
    it.each<[string, JsonObject, RegExp]>([
      [
        'a bad image',
        { services: [{ name: 'svc', images: ['nginx:1.27', 'Not An Image'] }] },
        /`services\[0\]\.images\[1\]`: "Not An Image"/,
      ],
      [
        'a bad service name',
        { services: { name: 'Bad_Name', images: ['nginx:1.27'] } },
        /`services\.name`: "Bad_Name"/,
      ],
      [
        'a bad ACR instance',
        {
          services: {
            name: 'svc',
            images: ['nginx:1.27'],
            acrInstanceId: 'acr-123',
          },
        },
        /`services\.acrInstanceId`: "acr-123"/,
      ],
      [
        'a cache id without pinning',
        {
          services: {
            name: 'svc',
            images: ['nginx:1.27'],
            imageCacheId: 'imc-x1',
          },
          cacheMode: 'auto',
        },
        /`services\.imageCacheId`: "imc-x1" is only used when cacheMode is "pinned"/,
      ],
      [
        'an unknown kind',
        { services: { name: 'svc', images: ['nginx:1.27'] }, kind: 'Job' },
        /`kind`: Invalid enum value/,
      ],
      [
        'a schedule without CronWorkflow',
        {
          services: { name: 'svc', images: ['nginx:1.27'] },
          schedule: '0 2 * * *',
        },
        /`schedule`: "0 2 \* \* \*" is only used when kind is "CronWorkflow"/,
      ],
      [
        'a bad cron schedule',
        {
          services: { name: 'svc', images: ['nginx:1.27'] },
          kind: 'CronWorkflow',
          schedule: 'daily',
        },
        /`schedule`: "daily" is not a cron schedule/,
      ],
      [
        'an unknown field',
        { services: { name: 'svc', image: 'nginx:1.27' } },
        /Unrecognized key\(s\) in object: 'image'/,
      ],
      [
        'entityRef and name together',
        {
          services: {
            entityRef: 'component:default/x',
            name: 'x',
            images: ['nginx:1.27'],
          },
        },
        /`services` names both "entityRef" and "name"/,
      ],
      [
        'an inline service without images',
        { services: [{ name: 'svc' }] },
        /`services\[0\]\.images` is required for the inline service "svc"/,
      ],
      [
        'an inline-only field on an entity',
        {
          services: {
            entityRef: 'component:default/ml-trainer',
            namespace: 'kube-system',
          },
        },
        /`services\.namespace` is only for inline services/,
      ],
      [
        'a malformed entity ref',
        { services: 'not a ref' },
        /`services\.entityRef`: "not a ref" is not a full entity reference/,
      ],
      ['no services', { services: [] }, /`services`/],
    ])('%s', async (_, input, message) => {
      const { run } = setup();
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      expect(
        await filesAfterFailure(
          run(input, { workspacePath }),
          message,
          workspacePath,
        ),
      ).toEqual([]);
    });

    it('writes nothing when only the last of many services is invalid', async () => {
      const { run } = setup();
      const workspacePath = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-ws-'));
      const services: JsonObject[] = Array.from({ length: 5 }, (_, i) => ({
        name: `svc-${i}`,
        images: ['nginx:1.27'],
      }));
      services.push({ name: 'broken', images: ['nginx:latest@sha256:nope'] });
      expect(
        await filesAfterFailure(
          run({ services }, { workspacePath }),
          /`services\[5\]\.images\[0\]`/,
          workspacePath,
        ),
      ).toEqual([]);
    });
  });
});
