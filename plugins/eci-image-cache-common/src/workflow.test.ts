import {
  argoSchemaErrors,
  kubernetesMetadataErrors,
} from './__testUtils__/schemas';
import { EciValidationError } from './validation/result';
import {
  ArgoWorkflowObject,
  ArgoWorkflowSpec,
  eciPodAnnotations,
  generateWorkflow,
  tryGenerateWorkflow,
  validateCronSchedule,
  WorkflowOptions,
} from './workflow';

function expectValid(object: ArgoWorkflowObject) {
  expect(argoSchemaErrors(object)).toBe('');
  expect(kubernetesMetadataErrors(object.metadata)).toEqual([]);
}

function workflowSpec(object: ArgoWorkflowObject): ArgoWorkflowSpec {
  return object.kind === 'CronWorkflow'
    ? object.spec.workflowSpec
    : object.spec;
}

function problemsOf(options: WorkflowOptions): Array<[string, string]> {
  const result = tryGenerateWorkflow(options);
  return result.ok ? [] : result.problems.map(p => [p.field, p.rule]);
}

const ACR_IMAGE =
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay:v1';

describe('pod annotations', () => {
  it.each([
    ['legacy', 'auto', undefined, { 'k8s.aliyun.com/eci-image-cache': 'true' }],
    [
      'legacy',
      'pinned',
      'imc-abc123',
      { 'k8s.aliyun.com/eci-image-snapshot-id': 'imc-abc123' },
    ],
    [
      'legacy',
      'off',
      undefined,
      // ECI's eci-auto-imc defaults to "true": without it, "off" would still match caches.
      {
        'k8s.aliyun.com/eci-image-cache': 'false',
        'k8s.aliyun.com/eci-auto-imc': 'false',
      },
    ],
    ['current', 'auto', undefined, { 'k8s.aliyun.com/eci-auto-imc': 'true' }],
    [
      'current',
      'pinned',
      'imc-abc123',
      { 'k8s.aliyun.com/eci-imc-id': 'imc-abc123' },
    ],
    ['current', 'off', undefined, { 'k8s.aliyun.com/eci-auto-imc': 'false' }],
  ] as const)(
    '%s dialect, %s mode',
    (dialect, cacheMode, imageCacheId, expected) => {
      expect(eciPodAnnotations({ dialect, cacheMode, imageCacheId })).toEqual(
        expected,
      );
      const workflow = generateWorkflow({
        serviceName: 'svc',
        dialect,
        cacheMode,
        imageCacheId,
      });
      expect(workflowSpec(workflow).podMetadata).toEqual(
        Object.keys(expected).length > 0
          ? { annotations: expected }
          : undefined,
      );
      expectValid(workflow);
    },
  );

  it('uses the singular legacy ACR annotation, or the plural current one with several instances', () => {
    expect(
      eciPodAnnotations({
        cacheMode: 'off',
        acrInstanceIds: ['cn-beijing:cri-a'],
        clusterRegion: 'cn-hangzhou',
      }),
    ).toEqual({
      'k8s.aliyun.com/acr-instance-id': 'cn-beijing:cri-a',
      'k8s.aliyun.com/eci-image-cache': 'false',
      'k8s.aliyun.com/eci-auto-imc': 'false',
    });
    expect(
      eciPodAnnotations({
        dialect: 'current',
        acrInstanceIds: ['cn-beijing:cri-a', 'cn-hangzhou:cri-b'],
        clusterRegion: 'cn-hangzhou',
      }),
    ).toEqual({
      'k8s.aliyun.com/acr-instance-ids': 'cn-beijing:cri-a,cri-b',
      'k8s.aliyun.com/eci-auto-imc': 'true',
    });
  });

  it('finds ACR instances from the container images', () => {
    const workflow = generateWorkflow({
      serviceName: 'svc',
      containers: [{ image: ACR_IMAGE }],
      acrInstances: [
        { id: 'cri-hz', region: 'cn-hangzhou', name: 'acr-en-hangzhou' },
      ],
      clusterRegion: 'cn-shanghai',
    });
    expect(workflowSpec(workflow).podMetadata?.annotations).toEqual({
      'k8s.aliyun.com/acr-instance-id': 'cn-hangzhou:cri-hz',
      'k8s.aliyun.com/eci-image-cache': 'true',
    });
    expect(
      eciPodAnnotations({
        images: [ACR_IMAGE],
        acrInstances: [
          { id: 'cri-hz', region: 'cn-hangzhou', name: 'acr-en-hangzhou' },
        ],
        clusterRegion: 'cn-hangzhou',
        cacheMode: 'off',
      }),
    ).toEqual({
      'k8s.aliyun.com/acr-instance-id': 'cri-hz',
      'k8s.aliyun.com/eci-image-cache': 'false',
      'k8s.aliyun.com/eci-auto-imc': 'false',
    });
  });

  it('rejects several instances with the legacy dialect, and bad ids', () => {
    expect(
      problemsOf({ serviceName: 'svc', acrInstanceIds: ['cri-a', 'cri-b'] }),
    ).toEqual([['acrInstanceIds', 'single-acr-instance']]);
    expect(() =>
      eciPodAnnotations({ images: ['Bad'], cacheMode: 'pinned' }),
    ).toThrow(EciValidationError);
  });

  it('requires a valid cache id for pinned and refuses one otherwise', () => {
    expect(problemsOf({ serviceName: 'svc', cacheMode: 'pinned' })).toEqual([
      ['imageCacheId', 'required'],
    ]);
    expect(
      problemsOf({
        serviceName: 'svc',
        cacheMode: 'pinned',
        imageCacheId: 'imc-f8zf****',
      }),
    ).toEqual([['imageCacheId', 'image-cache-id']]);
    expect(
      problemsOf({
        serviceName: 'svc',
        cacheMode: 'auto',
        imageCacheId: 'imc-abc',
      }),
    ).toEqual([['imageCacheId', 'no-effect']]);
  });
});

describe('placement', () => {
  it('puts annotations on every template too with podMetadata+templates', () => {
    const workflow = generateWorkflow({
      serviceName: 'svc',
      kind: 'WorkflowTemplate',
      placement: 'podMetadata+templates',
      containers: [{ image: 'nginx:1.25' }, { image: 'redis:7' }],
    });
    const spec = workflowSpec(workflow);
    expect(spec.podMetadata).toEqual({
      annotations: { 'k8s.aliyun.com/eci-image-cache': 'true' },
    });
    expect(spec.templates.map(t => t.metadata)).toEqual([
      { annotations: { 'k8s.aliyun.com/eci-image-cache': 'true' } },
      { annotations: { 'k8s.aliyun.com/eci-image-cache': 'true' } },
      { annotations: { 'k8s.aliyun.com/eci-image-cache': 'true' } },
    ]);
    expect(spec.templates[0].metadata!.annotations).not.toBe(
      spec.podMetadata!.annotations,
    );
    expectValid(workflow);
  });

  it('turns ECI automatic matching off explicitly in every template with "off"', () => {
    const workflow = generateWorkflow({
      serviceName: 'svc',
      cacheMode: 'off',
      placement: 'podMetadata+templates',
    });
    const off = {
      'k8s.aliyun.com/eci-image-cache': 'false',
      'k8s.aliyun.com/eci-auto-imc': 'false',
    };
    expect(workflowSpec(workflow).podMetadata?.annotations).toEqual(off);
    expect(workflowSpec(workflow).templates[0].metadata?.annotations).toEqual(
      off,
    );
    expectValid(workflow);
  });
});

describe('kinds', () => {
  it('Workflow: generateName, namespace and labels', () => {
    const workflow = generateWorkflow({
      serviceName: 'checkout',
      namespace: 'argo',
      labels: { 'backstage.io/kubernetes-id': 'checkout' },
    });
    expect(workflow.metadata).toEqual({
      generateName: 'checkout-',
      namespace: 'argo',
      labels: { 'backstage.io/kubernetes-id': 'checkout' },
    });
    expectValid(workflow);
  });

  it('WorkflowTemplate: a name instead of generateName', () => {
    const workflow = generateWorkflow({
      serviceName: 'checkout',
      kind: 'WorkflowTemplate',
      namespace: 'argo',
    });
    expect(workflow.kind).toBe('WorkflowTemplate');
    expect(workflow.metadata).toEqual({ name: 'checkout', namespace: 'argo' });
    expectValid(workflow);
  });

  it('CronWorkflow: schedules and time zone, workflow in spec.workflowSpec', () => {
    const workflow = generateWorkflow({
      serviceName: 'checkout',
      kind: 'CronWorkflow',
      schedule: '0 3 * * *',
      timezone: 'Asia/Shanghai',
    });
    expect(workflow).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'CronWorkflow',
      metadata: { name: 'checkout' },
      spec: {
        schedules: ['0 3 * * *'],
        timezone: 'Asia/Shanghai',
        workflowSpec: generateWorkflow({ serviceName: 'checkout' }).spec,
      },
    });
    expectValid(workflow);
    const several = generateWorkflow({
      serviceName: 'c',
      kind: 'CronWorkflow',
      schedule: ['@daily', '@every 1h30m'],
    });
    expect(several.kind === 'CronWorkflow' && several.spec.schedules).toEqual([
      '@daily',
      '@every 1h30m',
    ]);
    expectValid(several);
  });

  it('rejects schedules for other kinds and requires one for CronWorkflow', () => {
    expect(
      problemsOf({ serviceName: 'svc', schedule: '@daily', timezone: 'UTC' }),
    ).toEqual([
      ['schedule', 'no-effect'],
      ['timezone', 'no-effect'],
    ]);
    expect(problemsOf({ serviceName: 'svc', kind: 'CronWorkflow' })).toEqual([
      ['schedule', 'required'],
    ]);
    expect(
      problemsOf({ serviceName: 'svc', kind: 'CronWorkflow', schedule: [] }),
    ).toEqual([['schedule', 'min-items']]);
    expect(
      problemsOf({
        serviceName: 'svc',
        kind: 'CronWorkflow',
        schedule: Array(11).fill('@daily'),
      }),
    ).toEqual([['schedule', 'max-items']]);
    expect(
      problemsOf({
        serviceName: 'svc',
        kind: 'CronWorkflow',
        schedule: '@daily',
        timezone: 'Asia/Shang hai',
      }),
    ).toEqual([['timezone', 'timezone']]);
  });

  it('limits service names to what Argo accepts for every kind (52)', () => {
    expect(problemsOf({ serviceName: 'a'.repeat(52) })).toEqual([]);
    expect(problemsOf({ serviceName: 'a'.repeat(53) })).toEqual([
      ['serviceName', 'max-length'],
    ]);
    expect(
      problemsOf({
        serviceName: 'a'.repeat(53),
        kind: 'CronWorkflow',
        schedule: '@daily',
      }),
    ).toEqual([['serviceName', 'max-length']]);
    expect(problemsOf({ serviceName: 'Checkout' })).toEqual([
      ['serviceName', 'dns1123-label'],
    ]);
  });

  it('rejects unknown enum values', () => {
    expect(
      problemsOf({
        serviceName: 'svc',
        kind: 'Pod' as any,
        cacheMode: 'manual' as any,
        dialect: 'new' as any,
        placement: 'templates' as any,
      }),
    ).toEqual([
      ['kind', 'one-of'],
      ['placement', 'one-of'],
      ['cacheMode', 'one-of'],
      ['dialect', 'one-of'],
    ]);
  });
});

describe('containers', () => {
  it('defaults to the whalesay example of the source document', () => {
    expect(generateWorkflow({ serviceName: 'hello-world' }).spec).toMatchObject(
      {
        entrypoint: 'whalesay',
        templates: [
          {
            name: 'whalesay',
            container: {
              image: 'docker/whalesay',
              imagePullPolicy: 'IfNotPresent',
              command: ['cowsay'],
              args: ['hello world'],
            },
          },
        ],
      },
    );
  });

  it('writes the cached image reference exactly as given, with IfNotPresent', () => {
    const images = [
      'index.docker.io/library/nginx:1.25',
      `redis@sha256:${'b'.repeat(64)}`,
      ACR_IMAGE,
    ];
    const workflow = generateWorkflow({
      serviceName: 'svc',
      containers: images.map(image => ({ image })),
    });
    const containers = workflowSpec(workflow).templates.flatMap(t =>
      t.container ? [t.container] : [],
    );
    expect(containers).toEqual(
      images.map(image => ({ image, imagePullPolicy: 'IfNotPresent' })),
    );
    expectValid(workflow);
  });

  it('runs several containers as sequential steps of a "main" entrypoint with unique template names', () => {
    const workflow = generateWorkflow({
      serviceName: 'svc',
      containers: [
        { image: 'nginx:1.25' },
        { image: 'registry.example.com/team/nginx:2' },
        { image: 'main:1' },
        {
          image: 'redis:7',
          templateName: 'cache',
          command: ['redis-server'],
          args: ['--port', '6380'],
        },
      ],
    });
    const spec = workflowSpec(workflow);
    expect(spec.entrypoint).toBe('main');
    expect(spec.templates[0]).toEqual({
      name: 'main',
      steps: [
        [{ name: 'nginx', template: 'nginx' }],
        [{ name: 'nginx-2', template: 'nginx-2' }],
        [{ name: 'main-2', template: 'main-2' }],
        [{ name: 'cache', template: 'cache' }],
      ],
    });
    expect(spec.templates[4].container).toEqual({
      image: 'redis:7',
      imagePullPolicy: 'IfNotPresent',
      command: ['redis-server'],
      args: ['--port', '6380'],
    });
    expectValid(workflow);
  });

  it('keeps empty arguments', () => {
    const workflow = generateWorkflow({
      serviceName: 'svc',
      containers: [{ image: 'a:1', args: ['--label', ''] }],
    });
    expect(workflowSpec(workflow).templates[0].container?.args).toEqual([
      '--label',
      '',
    ]);
    expectValid(workflow);
  });

  it('derives DNS-1123 template names from awkward repository names', () => {
    const workflow = generateWorkflow({
      serviceName: 'svc',
      containers: [{ image: 'team/my_app.v2__x:1' }],
    });
    expect(workflowSpec(workflow).entrypoint).toBe('my-app-v2-x');
  });

  it('reports every bad container field', () => {
    expect(
      problemsOf({
        serviceName: 'svc',
        containers: [
          { image: 'Bad' },
          {
            image: 'nginx:1',
            command: ['sh', '-c', 'echo {{workflow.name}}'],
            args: ['a\nb'],
          },
          { image: 'redis:7', templateName: 'main' },
          { image: 'redis:8', templateName: 'x', args: 'not a list' as any },
          { image: 'redis:9', templateName: 'x' },
          'nginx' as any,
        ],
      }),
    ).toEqual([
      ['containers[0].image', 'image-path'],
      ['containers[1].command[2]', 'argo-expression'],
      ['containers[1].args[0]', 'unsafe-character'],
      ['containers[2].templateName', 'reserved-name'],
      ['containers[3].args', 'type'],
      ['containers[4].templateName', 'duplicate'],
      ['containers[5]', 'type'],
    ]);
    expect(problemsOf({ serviceName: 'svc', containers: [] })).toEqual([
      ['containers', 'min-items'],
    ]);
    expect(
      problemsOf({
        serviceName: 'svc',
        containers: Array(21).fill({ image: 'nginx:1' }),
      }),
    ).toEqual([['containers', 'max-items']]);
    expect(
      problemsOf({ serviceName: 'svc', containers: { image: 'x' } as any }),
    ).toEqual([['containers', 'type']]);
    expect(
      problemsOf({
        serviceName: 'svc',
        containers: [{ image: 'a:1', args: Array(65).fill('x') }],
      }),
    ).toEqual([['containers[0].args', 'max-items']]);
  });

  it('throws EciValidationError with every problem', () => {
    let caught: unknown;
    try {
      generateWorkflow({
        serviceName: '',
        namespace: 'Bad',
        labels: { 'a b': 'c' },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EciValidationError);
    expect((caught as EciValidationError).problems.map(p => p.field)).toEqual([
      'serviceName',
      'namespace',
      'labels key',
    ]);
  });
});

describe('untrusted options', () => {
  it.each([null, undefined, 'Workflow', [], 42])(
    'rejects %p instead of crashing',
    raw => {
      expect(problemsOf(raw as any)).toEqual([['options', 'type']]);
      expect(() => eciPodAnnotations(raw as any)).toThrow(EciValidationError);
    },
  );

  it('rejects a non-list of images for pod annotations', () => {
    expect(() => eciPodAnnotations({ images: 'nginx' as any })).toThrow(
      '`images`: "nginx" must be a list',
    );
  });
});

describe('validateCronSchedule', () => {
  it.each([
    ['0 3 * * *', true],
    ['*/5 0-6 1,15 JAN-MAR MON-FRI', true],
    ['@hourly', true],
    ['@every 90s', true],
    ['@every 1.5h', true],
    ['0 3 * *', false],
    ['0 3 * * * *', false],
    ['0  3 * * *', false],
    ['@sometimes', false],
    ['@every', false],
    ['@every 5', false],
    ['0 3 * * *\n---', false],
    ['{{x}} * * * *', false],
    ['0 3 * * $(x)', false],
    ['', false],
  ])('%p → %p', (raw, ok) => {
    expect(validateCronSchedule(raw).ok).toBe(ok);
  });
});
