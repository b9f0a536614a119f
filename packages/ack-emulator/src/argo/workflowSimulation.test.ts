import type { RunningEmulator } from '../emulator/options';
import { DEMO_SEED_FILE } from '../emulator/packagePaths';
import type { KubeObject } from '../store/types';
import { startTestEmulator } from '../__testUtils__/emulatorClients';
import { ACR_HANGZHOU, ACR_SHANGHAI, Sim } from '../__testUtils__/simulation';
import type { JsonObject } from '../util/json';

const WORKFLOW_LABEL = 'workflows.argoproj.io/workflow';
const DAY = 24 * 60 * 60 * 1000;

describe('Argo workflows on ECI virtual nodes', () => {
  let emulator: RunningEmulator;
  let sim: Sim;

  beforeEach(async () => {
    emulator = await startTestEmulator({ seed: DEMO_SEED_FILE });
    sim = new Sim(emulator);
  });
  afterEach(() => emulator.stop());

  const workflows = () => sim.type('argoproj.io', 'workflows');
  const pods = () => sim.type('', 'pods');

  function submit(
    name: string,
    spec: JsonObject,
    namespace = 'argo',
  ): KubeObject {
    return emulator.store.create(workflows(), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name, namespace },
      spec,
    }).stored.object;
  }

  function workflow(name: string, namespace = 'argo'): KubeObject {
    return emulator.store.get(workflows(), namespace, name)!.object;
  }

  function workflowPods(name: string, namespace = 'argo'): KubeObject[] {
    return emulator.store
      .list(pods(), { namespace })
      .items.map(s => s.object)
      .filter(p => p.metadata.labels?.[WORKFLOW_LABEL] === name);
  }

  function runToCompletion(name: string, namespace = 'argo'): JsonObject {
    sim.runUntil(() =>
      ['Succeeded', 'Failed', 'Error'].includes(
        String(
          (workflow(name, namespace).status as JsonObject | undefined)?.phase,
        ),
      ),
    );
    return workflow(name, namespace).status as JsonObject;
  }

  function eventReasons(namespace: string, pod: string): string[] {
    return sim.events(namespace, pod).map(e => String(e.reason));
  }

  function singleContainer(
    image: string,
    annotations: Record<string, string> = {},
    extra: JsonObject = {},
  ): JsonObject {
    return {
      entrypoint: 'whalesay',
      podMetadata: { annotations },
      templates: [
        {
          name: 'whalesay',
          container: { image, command: ['cowsay'], args: ['hello world'] },
        },
      ],
      ...extra,
    };
  }

  function pulledSeconds(namespace: string, pod: string): number {
    const pulled = sim.events(namespace, pod).find(e => e.reason === 'Pulled')!;
    const match = /in ([\d.]+)(ms|s) \(/.exec(String(pulled.message))!;
    return match[2] === 'ms' ? Number(match[1]) / 1000 : Number(match[1]);
  }

  function readyCache(name: string, images: string[]): string {
    sim.createCache(name, { images });
    sim.runUntilPhase(name, 'Ready');
    return String(sim.status(name).imageCacheId);
  }

  it('creates an owned pod whose metadata merges podMetadata and template metadata (template wins)', () => {
    submit('meta', {
      entrypoint: 'main',
      podMetadata: {
        labels: { team: 'ml' },
        annotations: {
          'k8s.aliyun.com/eci-auto-imc': 'false',
          shared: 'workflow',
        },
      },
      templates: [
        {
          name: 'main',
          metadata: {
            annotations: { shared: 'template' },
            labels: { step: 'main' },
          },
          container: { image: 'busybox' },
        },
      ],
    });
    const [pod] = workflowPods('meta');
    expect(pod.metadata).toMatchObject({
      name: 'meta',
      namespace: 'argo',
      labels: { team: 'ml', step: 'main', [WORKFLOW_LABEL]: 'meta' },
      annotations: {
        'k8s.aliyun.com/eci-auto-imc': 'false',
        shared: 'template',
      },
      ownerReferences: [
        {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Workflow',
          name: 'meta',
          uid: workflow('meta').metadata.uid,
          controller: true,
        },
      ],
    });
    expect((workflow('meta').status as JsonObject).phase).toBe('Running');

    const status = runToCompletion('meta');
    expect(status).toMatchObject({ phase: 'Succeeded', progress: '1/1' });
    expect(status.startedAt).toBeTruthy();
    expect(status.finishedAt).toBeTruthy();
    expect(status.nodes).toMatchObject({
      meta: { type: 'Pod', phase: 'Succeeded', templateName: 'main' },
    });
    const done = workflowPods('meta')[0];
    expect(done.spec).toMatchObject({
      nodeName: 'virtual-kubelet-cn-hangzhou-k',
    });
    expect(done.status).toMatchObject({ phase: 'Succeeded' });
    expect(eventReasons('argo', 'meta')).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
  });

  it('pulls from ACR EE password-free with the source document workflow', () => {
    submit(
      'doc',
      singleContainer(`${ACR_HANGZHOU}/workflow/whalesay`, {
        'k8s.aliyun.com/acr-instance-id': 'cn-hangzhou:cri-f34lmbk2rxqx41u8',
      }),
    );
    expect(runToCompletion('doc').phase).toBe('Succeeded');
    const pulled = sim.events('argo', 'doc').find(e => e.reason === 'Pulled')!;
    expect(pulled.message).toBe(
      `Successfully pulled image "${ACR_HANGZHOU}/workflow/whalesay" in 12.85s (12.85s including waiting). Image size: 258998272 bytes.`,
    );
    expect(pulled).toMatchObject({
      involvedObject: { kind: 'Pod', name: 'doc', namespace: 'argo' },
      source: { component: 'kubelet' },
    });
  });

  it.each([
    ['no password-free access', `${ACR_HANGZHOU}/ml/trainer:1.4.2`, {}],
    [
      'an instance in another region without the region prefix',
      `${ACR_SHANGHAI}/data/etl-runner:2.0.1`,
      { 'k8s.aliyun.com/acr-instance-ids': 'cri-shanghai7k2m9x4p' },
    ],
    [
      'an image the registry does not know',
      'docker.io/library/nosuchimage:1',
      {},
    ],
  ])(
    'keeps the pod Pending in image pull back-off for %s; the workflow stays Running',
    (_case, image, annotations) => {
      submit('denied', singleContainer(image, annotations));
      const failures = () =>
        sim
          .events('argo', 'denied')
          .filter(e => e.reason === 'Failed')
          .map(e => e.message);
      sim.runUntil(
        () =>
          failures().filter(m => m === 'Error: ImagePullBackOff').length === 2,
      );
      expect(workflow('denied').status).toMatchObject({ phase: 'Running' });
      const pod = workflowPods('denied')[0];
      expect(pod.status).toMatchObject({
        phase: 'Pending',
        containerStatuses: [
          { state: { waiting: { reason: 'ImagePullBackOff' } } },
        ],
      });
      expect(failures()).toEqual([
        expect.stringMatching(/^Failed to pull image ".*": rpc error/),
        'Error: ErrImagePull',
        'Error: ImagePullBackOff',
        expect.stringMatching(/^Failed to pull image ".*": rpc error/),
        'Error: ErrImagePull',
        'Error: ImagePullBackOff',
      ]);
      const reasons = eventReasons('argo', pod.metadata.name!);
      expect(reasons.filter(r => r === 'Pulling')).toHaveLength(2);
      expect(reasons.filter(r => r === 'BackOff')).toHaveLength(2);
      expect(failures().join('\n')).not.toContain('acr-instance-ids');
    },
  );

  it.each([
    [
      'a region-prefixed acr-instance-ids',
      `${ACR_SHANGHAI}/data/etl-runner:2.0.1`,
      { 'k8s.aliyun.com/acr-instance-ids': 'cn-shanghai:cri-shanghai7k2m9x4p' },
      {},
      'argo',
    ],
    [
      'an imagePullSecret with registry credentials',
      `${ACR_HANGZHOU}/ml/trainer:1.4.2`,
      {},
      { imagePullSecrets: [{ name: 'secret1' }] },
      'default',
    ],
  ])(
    'pulls private images with %s',
    (_case, image, annotations, extra, namespace) => {
      submit('allowed', singleContainer(image, annotations, extra), namespace);
      expect(runToCompletion('allowed', namespace).phase).toBe('Succeeded');
    },
  );

  it('reports SuccessfulHitImageCache for a pinned Ready cache (legacy eci-image-snapshot-id) and pulls fast', () => {
    const id = readyCache('imagecache-helloworld', ['docker/whalesay']);
    submit(
      'pinned',
      singleContainer('docker/whalesay', {
        'k8s.aliyun.com/eci-image-snapshot-id': id,
      }),
    );
    expect(runToCompletion('pinned').phase).toBe('Succeeded');
    const hit = sim
      .events('argo', 'pinned')
      .find(e => e.reason === 'SuccessfulHitImageCache')!;
    expect(hit).toMatchObject({
      type: 'Normal',
      message: `[eci.imagecache]Successfully hit image cache ${id}, eci will be scheduled with this image cache.`,
      source: { component: 'EciService' },
      involvedObject: { kind: 'Pod', name: 'pinned' },
    });
    expect(pulledSeconds('argo', 'pinned')).toBeLessThan(1);

    submit(
      'uncached',
      singleContainer('docker/whalesay', {
        'k8s.aliyun.com/eci-auto-imc': 'false',
      }),
    );
    runToCompletion('uncached');
    expect(pulledSeconds('argo', 'uncached')).toBeGreaterThan(10);
    expect(
      eventReasons('argo', 'uncached').filter(r => r.includes('ImageCache')),
    ).toEqual([]);
  });

  it('reports SuccessfulHitImageCache for eci-imc-id and for auto-match on an exact name:tag', () => {
    const id = readyCache('py', ['python:3.12-slim']);
    submit(
      'imc-id',
      singleContainer('docker.io/library/python:3.12-slim', {
        'k8s.aliyun.com/eci-imc-id': id,
      }),
    );
    runToCompletion('imc-id');
    expect(eventReasons('argo', 'imc-id')).toContain('SuccessfulHitImageCache');

    submit(
      'auto',
      singleContainer('nginx:1.25.3', {
        'k8s.aliyun.com/eci-image-cache': 'true',
      }),
    );
    runToCompletion('auto');
    const hit = sim
      .events('argo', 'auto')
      .find(e => e.reason === 'SuccessfulHitImageCache')!;
    expect(hit.message).toContain('imc-bp1f3xk9q2w8ngx0demo');
  });

  it('auto-matches by default: ImageCacheMissed, then an unmanaged auto-created cache that later pods hit', () => {
    submit(
      'miss',
      singleContainer('docker/whalesay', {
        'k8s.aliyun.com/eci-extra-ephemeral-storage': '20Gi',
      }),
    );
    runToCompletion('miss');
    const reasons = eventReasons('argo', 'miss');
    expect(reasons).toEqual([
      'Scheduled',
      'ImageCacheMissed',
      'Pulling',
      'Pulled',
      'ImageCacheAutoCreated',
      'Created',
      'Started',
    ]);
    const missed = sim
      .events('argo', 'miss')
      .find(e => e.reason === 'ImageCacheMissed')!;
    expect(missed).toMatchObject({
      type: 'Warning',
      message: '[eci.imagecache]Missed image cache.',
      source: { component: 'EciService' },
    });
    const created = sim
      .events('argo', 'miss')
      .find(e => e.reason === 'ImageCacheAutoCreated')!;
    const id = /Image cache (imc-[a-z0-9]{20}) is auto created$/.exec(
      String(created.message),
    )![1];
    expect(pulledSeconds('argo', 'miss')).toBeCloseTo(12.85, 2);

    const eciId =
      workflowPods('miss')[0].metadata.annotations![
        'k8s.aliyun.com/eci-instance-id'
      ];
    const autoName = `auto-create-for-${eciId}`;
    expect(sim.status(autoName).imageCacheId).toBe(id);
    sim.runUntilPhase(autoName, 'Ready');
    const auto = sim.cache(autoName)!;
    expect(auto.metadata.labels ?? {}).toEqual({});
    expect(auto.spec).toEqual({
      images: ['docker/whalesay'],
      imageCacheSize: 50,
    });
    const readyAt = sim.clock.now();
    const expiresAt = () =>
      Date.parse(String(sim.status(autoName).expireDateTime));
    // Timestamps have whole seconds.
    expect(readyAt + 7 * DAY - expiresAt()).toBeLessThan(1000);

    submit('second', singleContainer('docker/whalesay'));
    runToCompletion('second');
    expect(
      sim
        .events('argo', 'second')
        .find(e => e.reason === 'SuccessfulHitImageCache')!.message,
    ).toContain(id);
    // A use keeps an auto-created cache until 30 days after that use.
    const usedAt = Date.parse(
      String(
        sim
          .events('argo', 'second')
          .find(e => e.reason === 'SuccessfulHitImageCache')!.firstTimestamp,
      ),
    );
    expect(usedAt + 30 * DAY - expiresAt()).toBeLessThan(1000);
    sim.clock.advance(expiresAt() - 1 - sim.clock.now());
    expect(sim.cache(autoName)).toBeDefined();
    sim.clock.advance(1);
    expect(sim.cache(autoName)).toBeUndefined();
  });

  it('deletes an unused auto-created cache 7 days after it was created', () => {
    // An image no seeded cache holds, so ECI has nothing to match and creates a cache.
    submit('once', singleContainer('busybox:latest'));
    runToCompletion('once');
    const eciId =
      workflowPods('once')[0].metadata.annotations![
        'k8s.aliyun.com/eci-instance-id'
      ];
    const autoName = `auto-create-for-${eciId}`;
    sim.runUntilPhase(autoName, 'Ready');
    const expireAt = Date.parse(String(sim.status(autoName).expireDateTime));
    sim.clock.advance(expireAt - 1 - sim.clock.now());
    expect(sim.cache(autoName)).toBeDefined();
    sim.clock.advance(1);
    expect(sim.cache(autoName)).toBeUndefined();
  });

  it('honours the opt-out eci-auto-imc "false" and a pinned cache over automatic matching', () => {
    const id = readyCache('whale', ['docker/whalesay']);
    const other = readyCache('whale-newer', ['docker/whalesay']);
    submit(
      'optout',
      singleContainer('busybox', { 'k8s.aliyun.com/eci-auto-imc': 'false' }),
    );
    runToCompletion('optout');
    expect(
      eventReasons('argo', 'optout').filter(r => r.includes('ImageCache')),
    ).toEqual([]);
    submit(
      'pinned-over-auto',
      singleContainer('docker/whalesay', {
        'k8s.aliyun.com/eci-auto-imc': 'true',
        'k8s.aliyun.com/eci-imc-id': id,
      }),
    );
    runToCompletion('pinned-over-auto');
    const hit = sim
      .events('argo', 'pinned-over-auto')
      .find(e => e.reason === 'SuccessfulHitImageCache')!;
    expect(hit.message).toContain(id);
    expect(hit.message).not.toContain(other);
    expect(
      emulator.store
        .list(sim.imageCaches)
        .items.filter(c =>
          c.object.metadata.name!.startsWith('auto-create-for-'),
        )
        .map(c => c.object.metadata.name),
    ).toEqual(['auto-create-for-eci-bp1c9h2kx0nginx7demo']);
  });

  it('misses when imc-perfect-match needs every image and only some are cached', () => {
    const podWith = (name: string, annotations: Record<string, string>) =>
      emulator.store.create(pods(), {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name,
          namespace: 'default',
          annotations: {
            'k8s.aliyun.com/eci-auto-imc': 'true',
            ...annotations,
          },
        },
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1.25.3' },
            { name: 'tool', image: 'busybox' },
          ],
        },
      });
    podWith('partial', {});
    podWith('perfect', { 'k8s.aliyun.com/imc-perfect-match': 'true' });
    podWith('two-needed', { 'k8s.aliyun.com/imc-match-count-request': '2' });
    sim.clock.advance(1_000);
    expect(eventReasons('default', 'partial')).toContain(
      'SuccessfulHitImageCache',
    );
    expect(eventReasons('default', 'perfect')).toContain('ImageCacheMissed');
    expect(eventReasons('default', 'two-needed')).toContain('ImageCacheMissed');
  });

  it('fails the pod with ImageCacheNotFound for an unknown pinned cache', () => {
    submit(
      'notfound',
      singleContainer('docker/whalesay', {
        'k8s.aliyun.com/eci-imc-id': 'imc-doesnotexist0000000',
      }),
    );
    expect(runToCompletion('notfound').phase).toBe('Failed');
    const event = sim
      .events('argo', 'notfound')
      .find(e => e.reason === 'ImageCacheNotFound')!;
    expect(event).toMatchObject({
      type: 'Warning',
      message:
        'The specified image cache imc-doesnotexist0000000 does not exist.',
    });
    expect(workflowPods('notfound')[0].status).toMatchObject({
      phase: 'Failed',
      reason: 'ProviderFailed',
    });
  });

  it('fails the pod with ImageCacheNotComplete for a pinned cache that is not Ready', () => {
    sim.createCache('slow', {
      images: ['pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime'],
    });
    const id = String(sim.status('slow').imageCacheId);
    submit(
      'notready',
      singleContainer('pytorch/pytorch:2.4.0-cuda12.1-cudnn9-runtime', {
        'k8s.aliyun.com/eci-image-snapshot-id': id,
      }),
    );
    expect(runToCompletion('notready').phase).toBe('Failed');
    expect(
      sim
        .events('argo', 'notready')
        .find(e => e.reason === 'ImageCacheNotComplete')!.message,
    ).toBe(
      `The production for specified image cache ${id} is not yet complete.`,
    );
  });

  it('runs each container template referenced by steps and dags once, in order', () => {
    submit('steps', {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [
            [{ name: 'a', template: 'build' }],
            [
              { name: 'b', template: 'test' },
              { name: 'c', template: 'build' },
            ],
          ],
        },
        { name: 'build', container: { image: 'busybox' } },
        { name: 'test', container: { image: 'alpine:3.20' } },
      ],
    });
    const status = runToCompletion('steps');
    expect(status).toMatchObject({ phase: 'Succeeded', progress: '2/2' });
    const created = workflowPods('steps').sort(
      (a, b) =>
        Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
    );
    expect(
      created.map(
        p => p.metadata.annotations!['workflows.argoproj.io/node-name'],
      ),
    ).toEqual(['steps[0].a', 'steps[1].b']);
    expect(created.map(p => p.metadata.name)).toEqual([
      expect.stringMatching(/^steps-build-\d{10}$/),
      expect.stringMatching(/^steps-test-\d{10}$/),
    ]);
    expect((status.nodes as JsonObject).steps).toMatchObject({
      type: 'Steps',
      phase: 'Succeeded',
    });

    submit('dag', {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          dag: {
            tasks: [
              { name: 'z', template: 'last', dependencies: ['y'] },
              { name: 'y', template: 'first' },
            ],
          },
        },
        { name: 'last', container: { image: 'busybox' } },
        { name: 'first', container: { image: 'alpine:3.20' } },
      ],
    });
    expect(runToCompletion('dag').nodes).toMatchObject({
      dag: { type: 'DAG', phase: 'Succeeded' },
    });
    const order = workflowPods('dag')
      .sort(
        (a, b) =>
          Number(a.metadata.resourceVersion) -
          Number(b.metadata.resourceVersion),
      )
      .map(
        p =>
          (p.spec as JsonObject & { containers: JsonObject[] }).containers[0]
            .image,
      );
    expect(order).toEqual(['alpine:3.20', 'busybox']);
  });

  it('resolves workflowTemplateRef from WorkflowTemplates and ClusterWorkflowTemplates', () => {
    const templateSpec = {
      entrypoint: 'main',
      podMetadata: {
        annotations: { 'k8s.aliyun.com/eci-image-cache': 'true' },
      },
      templates: [{ name: 'main', container: { image: 'nginx:1.25.3' } }],
    };
    emulator.store.create(sim.type('argoproj.io', 'workflowtemplates'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'tpl', namespace: 'argo' },
      spec: templateSpec,
    });
    emulator.store.create(sim.type('argoproj.io', 'clusterworkflowtemplates'), {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ClusterWorkflowTemplate',
      metadata: { name: 'ctpl' },
      spec: templateSpec,
    });
    submit('from-tpl', { workflowTemplateRef: { name: 'tpl' } });
    submit('from-ctpl', {
      workflowTemplateRef: { name: 'ctpl', clusterScope: true },
      podMetadata: { labels: { extra: 'yes' } },
    });
    expect(runToCompletion('from-tpl').phase).toBe('Succeeded');
    expect(runToCompletion('from-ctpl').phase).toBe('Succeeded');
    expect(eventReasons('argo', 'from-tpl')).toContain(
      'SuccessfulHitImageCache',
    );
    expect(workflowPods('from-ctpl')[0].metadata.labels).toMatchObject({
      extra: 'yes',
    });
    expect(workflowPods('from-ctpl')[0].metadata.annotations).toMatchObject({
      'k8s.aliyun.com/eci-image-cache': 'true',
    });

    submit('missing', { workflowTemplateRef: { name: 'nope' } });
    expect(workflow('missing').status).toMatchObject({
      phase: 'Error',
      message: 'workflowtemplates.argoproj.io "nope" not found',
    });
  });

  it('deletes the pods of a deleted workflow', () => {
    submit('gc', singleContainer('busybox'));
    runToCompletion('gc');
    expect(workflowPods('gc')).toHaveLength(1);
    emulator.store.delete(workflows(), 'argo', 'gc');
    expect(workflowPods('gc')).toHaveLength(0);

    submit('orphans', singleContainer('busybox'));
    emulator.store.delete(workflows(), 'argo', 'orphans', {
      propagationPolicy: 'Orphan',
    });
    expect(workflowPods('orphans')).toHaveLength(1);
  });

  it('runs plain pods created through the API with the defaults a real apiserver adds', () => {
    emulator.store.create(pods(), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'plain', namespace: 'default' },
      spec: {
        restartPolicy: 'Never',
        containers: [{ name: 'c', image: 'busybox' }],
      },
    });
    const plain = () => emulator.store.get(pods(), 'default', 'plain')!.object;
    expect(plain().spec).toMatchObject({
      restartPolicy: 'Never',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      containers: [
        {
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
    });
    sim.runUntil(() => (plain().status as JsonObject).phase === 'Succeeded');
    expect(eventReasons('default', 'plain')).toEqual([
      'Scheduled',
      'ImageCacheMissed',
      'Pulling',
      'Pulled',
      'ImageCacheAutoCreated',
      'Created',
      'Started',
    ]);
  });

  it('restarts the containers of a restartPolicy Always pod instead of completing it', () => {
    emulator.store.create(pods(), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'server', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.25.3' }] },
    });
    const server = () =>
      emulator.store.get(pods(), 'default', 'server')!.object;
    expect(server().spec).toMatchObject({
      restartPolicy: 'Always',
      containers: [{ imagePullPolicy: 'IfNotPresent' }],
    });
    const restarts = () =>
      Number(
        ((server().status as JsonObject).containerStatuses as JsonObject[])?.[0]
          ?.restartCount ?? 0,
      );
    sim.runUntil(() => restarts() === 2, 10 * 60_000);
    expect((server().status as JsonObject).phase).toBe('Running');
    expect(eventReasons('default', 'server')).toContain('BackOff');
  });
});
