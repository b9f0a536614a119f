import { entityRefHash } from '../imageCache';
import { argoSchemaErrors } from '../__testUtils__/schemas';
import type { EffectiveEntityConfig } from '../api/types';
import { ObservedCache } from './observedCache';
import { decideAcr } from './acr';
import { pinnableCaches, pinRefusal } from './pinRule';
import { MAX_SERVICE_NAME_LENGTH, serviceNameOf } from './serviceName';
import {
  DecisionCluster,
  decideWorkflow,
  WorkflowChoices,
} from './workflowDecision';

const NOW = new Date('2026-06-01T12:00:00Z');
const IMAGES = ['registry.example.com/ml/trainer:1.4', 'redis:7'];
const ACR = [
  { id: 'cri-f34lmbk2rxqx41u8', region: 'cn-hangzhou' },
  { id: 'cri-shanghai7k2m9x4p', region: 'cn-shanghai' },
];

function cache(overrides: Partial<ObservedCache> = {}): ObservedCache {
  return {
    name: 'trainer-a',
    role: 'active',
    phase: 'Ready',
    imageCacheId: 'imc-active1',
    images: IMAGES,
    expireDateTime: '2026-06-08T12:00:00Z',
    deleting: false,
    creationTimestamp: '2026-05-30T12:00:00Z',
    ...overrides,
  };
}

function config(
  overrides: Partial<{
    cacheMode: 'manual' | 'auto' | 'off';
    acrInstance: string | null;
  }> = {},
): Pick<
  EffectiveEntityConfig,
  'images' | 'cacheMode' | 'acrInstance' | 'cluster' | 'argoNamespace'
> {
  return {
    images: { value: IMAGES, source: 'annotation' },
    cacheMode: { value: overrides.cacheMode ?? 'manual', source: 'annotation' },
    acrInstance: {
      value: overrides.acrInstance ?? null,
      source: 'annotation',
    },
    cluster: { value: 'hz', source: 'default' },
    argoNamespace: { value: 'argo', source: 'default' },
  };
}

function decide(
  caches: ObservedCache[],
  options: {
    cacheMode?: 'manual' | 'auto' | 'off';
    acrInstance?: string | null;
    choices?: WorkflowChoices;
    cluster?: Partial<DecisionCluster>;
  } = {},
) {
  return decideWorkflow({
    entityRef: 'component:default/ml-trainer',
    config: config(options),
    clusters: [
      { name: 'hz', region: 'cn-hangzhou', caches, ...options.cluster },
    ],
    acrInstances: ACR,
    choices: options.choices,
    now: NOW,
  });
}

function podAnnotations(decision: ReturnType<typeof decide>) {
  const workflow = decision.workflow!;
  return workflow.kind === 'CronWorkflow'
    ? workflow.spec.workflowSpec.podMetadata?.annotations
    : workflow.spec.podMetadata?.annotations;
}

describe('the pin rule', () => {
  it.each([
    [
      'an expired cache',
      cache({ expireDateTime: '2026-06-01T11:59:59Z' }),
      'expired',
    ],
    ['a cache being deleted', cache({ deleting: true }), 'deleting'],
    [
      'a cache of other images',
      cache({ images: ['redis:7'] }),
      'missing-images',
    ],
    ['a Creating cache', cache({ phase: 'Creating' }), 'not-ready'],
    [
      'a Ready cache without a real id',
      cache({ imageCacheId: 'imc-f8zf****' }),
      'invalid-id',
    ],
    ['an orphan', cache({ role: 'orphan' }), 'not-own'],
    ["another entity's cache", cache({ role: 'other' }), 'not-own'],
  ])('refuses %s', (_, candidate, refusal) => {
    expect(pinRefusal(candidate, IMAGES, NOW)).toBe(refusal);
    const decision = decide([candidate]);
    expect(decision.pinned).toBeNull();
    expect(decision.cacheMode).toBe('auto');
  });

  it('accepts a cache holding more images than the workflow needs', () => {
    expect(
      pinRefusal(cache({ images: [...IMAGES, 'nginx:1.25'] }), IMAGES, NOW),
    ).toBeUndefined();
  });

  it('pins a Ready previous cache while the active one is still Creating, and says why', () => {
    const active = cache({
      phase: 'Creating',
      imageCacheId: null,
      progress: '45%',
    });
    const previous = cache({
      name: 'trainer-old',
      role: 'previous',
      imageCacheId: 'imc-previous1',
      creationTimestamp: '2026-05-01T12:00:00Z',
    });
    const decision = decide([active, previous]);
    expect(decision.cacheMode).toBe('pinned');
    expect(decision.imageCacheId).toBe('imc-previous1');
    expect(decision.notes.join(' ')).toMatch(/trainer-a is Creating, 45%/);
    expect(podAnnotations(decision)).toEqual({
      'k8s.aliyun.com/eci-image-snapshot-id': 'imc-previous1',
    });
  });

  it('prefers active, then previous, then unmanaged, newest first within a role', () => {
    const caches = [
      cache({
        name: 'u',
        role: 'unmanaged',
        imageCacheId: 'imc-u',
        creationTimestamp: '2026-05-31T00:00:00Z',
      }),
      cache({
        name: 'p-old',
        role: 'previous',
        imageCacheId: 'imc-p1',
        creationTimestamp: '2026-05-01T00:00:00Z',
      }),
      cache({
        name: 'p-new',
        role: 'previous',
        imageCacheId: 'imc-p2',
        creationTimestamp: '2026-05-20T00:00:00Z',
      }),
      cache({
        name: 'a',
        role: 'active',
        imageCacheId: 'imc-a',
        creationTimestamp: '2026-04-01T00:00:00Z',
      }),
    ];
    expect(pinnableCaches(caches, IMAGES, NOW).map(c => c.name)).toEqual([
      'a',
      'p-new',
      'p-old',
      'u',
    ]);
    expect(decide(caches).imageCacheId).toBe('imc-a');
  });

  it('makes a requested pin without a pinnable cache a problem naming cacheMode', () => {
    const decision = decide([cache({ deleting: true })], {
      choices: { cacheMode: 'pinned' },
    });
    expect(decision.workflow).toBeNull();
    expect(decision.problems).toMatchObject([
      { field: 'cacheMode', rule: 'no-pinnable-cache' },
    ]);
    expect(decision.problems[0].message).toMatch(/is being deleted/);
  });
});

describe('the ACR region rule', () => {
  it('prefixes the configured region of a region-less id of an instance in another region', () => {
    const decision = decide([], { acrInstance: 'cri-shanghai7k2m9x4p' });
    expect(decision.acr?.annotationValue).toBe(
      'cn-shanghai:cri-shanghai7k2m9x4p',
    );
    expect(podAnnotations(decision)).toMatchObject({
      'k8s.aliyun.com/acr-instance-id': 'cn-shanghai:cri-shanghai7k2m9x4p',
    });
  });

  it("omits the region of an instance in the cluster's region", () => {
    const decision = decide([], {
      acrInstance: 'cn-hangzhou:cri-f34lmbk2rxqx41u8',
    });
    expect(decision.acr?.annotationValue).toBe('cri-f34lmbk2rxqx41u8');
    expect(decision.acr?.instances[0].reason).toMatch(/region is omitted/);
  });

  it('makes a region contradicting the configured instance a problem', () => {
    const decision = decide([], {
      acrInstance: 'cn-beijing:cri-f34lmbk2rxqx41u8',
    });
    expect(decision.workflow).toBeNull();
    expect(decision.problems).toMatchObject([
      { field: 'acrInstance', rule: 'acr-region-mismatch' },
    ]);
    expect(decision.problems[0].message).toMatch(
      /configured instance cri-f34lmbk2rxqx41u8 is in cn-hangzhou/,
    );
  });

  it('refuses unlisted instances only where the cluster does not allow them', () => {
    expect(decide([], { acrInstance: 'cri-unlisted1' }).problems).toEqual([]);
    expect(
      decide([], {
        acrInstance: 'cri-unlisted1',
        cluster: { allowUnlistedAcrInstances: false },
      }).problems,
    ).toMatchObject([{ field: 'acrInstance', rule: 'acr-instance-unlisted' }]);
  });

  it('gives the dialog, the dry run and the workflow the same value for a typed instance', () => {
    const typed = decideAcr({
      cluster: { name: 'hz', region: 'cn-hangzhou' },
      instance: 'cri-shanghai7k2m9x4p',
      source: 'settings',
      images: IMAGES,
      configured: ACR,
    });
    const decision = decide([], {
      choices: { acrInstance: 'cri-shanghai7k2m9x4p' },
    });
    expect(typed.annotationValue).toBe(decision.acr?.annotationValue);
  });
});

describe('cache mode off', () => {
  it.each(['legacy', 'current'] as const)(
    'disables ECI automatic matching in the %s dialect',
    dialect => {
      const decision = decide([cache()], {
        cacheMode: 'off',
        choices: { dialect },
      });
      expect(podAnnotations(decision)).toMatchObject({
        'k8s.aliyun.com/eci-auto-imc': 'false',
      });
      expect(decision.eci.verdict).toBe('cold');
      expect(argoSchemaErrors(decision.workflow!)).toBe('');
    },
  );
});

describe('the predicted ECI behaviour', () => {
  it("is warm in auto mode when another entity's Ready cache holds the images", () => {
    const decision = decide(
      [
        cache({
          role: 'other',
          entityRef: 'component:default/etl',
          imageCacheId: 'imc-other1',
        }),
      ],
      { cacheMode: 'auto' },
    );
    expect(decision.cacheMode).toBe('auto');
    expect(decision.pinned).toBeNull();
    expect(decision.eci).toMatchObject({ verdict: 'warm' });
    expect(decision.eci.reason).toMatch(
      /component:default\/etl imc-other1|imc-other1/,
    );
  });

  it('is unknown when a Ready cache holds only some of the images', () => {
    const decision = decide(
      [cache({ role: 'unmanaged', images: ['redis:7'] })],
      {
        cacheMode: 'auto',
      },
    );
    expect(decision.eci.verdict).toBe('unknown');
    expect(decision.eci.reason).toMatch(
      /lacks registry.example.com\/ml\/trainer:1.4/,
    );
  });

  it('is cold while the only cache is Creating, naming its progress', () => {
    const decision = decide([cache({ phase: 'Creating', progress: '45%' })]);
    expect(decision.eci).toMatchObject({ verdict: 'cold' });
    expect(decision.eci.reason).toMatch(/still Creating \(45%\)/);
  });

  it('does not count expired or deleting caches for automatic matching', () => {
    const decision = decide(
      [
        cache({ deleting: true }),
        cache({ name: 'x', expireDateTime: '2026-01-01T00:00:00Z' }),
      ],
      { cacheMode: 'auto' },
    );
    expect(decision.eci.verdict).toBe('cold');
  });

  it('is unknown when the cluster cannot be read', () => {
    const decision = decide([], {
      cacheMode: 'auto',
      cluster: { error: { message: 'connection refused' } },
    });
    expect(decision.eci).toMatchObject({ verdict: 'unknown' });
  });
});

describe('the service name', () => {
  it('is 52 characters at most: Argo appends "-<10-digit unix time>" to CronWorkflow names, which must stay 63-character labels', () => {
    expect(MAX_SERVICE_NAME_LENGTH).toBe(63 - '-1717243200'.length);
    const name = serviceNameOf(`component:default/A${'b'.repeat(80)}`);
    expect(name).toHaveLength(52);
    for (const kind of [
      'Workflow',
      'WorkflowTemplate',
      'CronWorkflow',
    ] as const) {
      const decision = decideWorkflow({
        entityRef: `component:default/A${'b'.repeat(62)}`,
        config: config({ cacheMode: 'auto' }),
        clusters: [{ name: 'hz', region: 'cn-hangzhou', caches: [] }],
        acrInstances: [],
        choices: {
          kind,
          schedule: kind === 'CronWorkflow' ? '@daily' : undefined,
        },
        now: NOW,
      });
      expect(decision.problems).toEqual([]);
      expect(argoSchemaErrors(decision.workflow!)).toBe('');
    }
  });

  it('makes an unknown cluster a problem naming the field', () => {
    expect(
      decide([], { choices: { cluster: 'nowhere' } }).problems,
    ).toMatchObject([{ field: 'cluster', rule: 'unknown-cluster' }]);
  });
});

describe('the run label', () => {
  it('ties every decided workflow to its entity', () => {
    const decision = decide([], { cacheMode: 'auto' });
    expect(decision.options?.entityRef).toBe('component:default/ml-trainer');
    expect(
      (decision.workflow?.spec as any).podMetadata.labels[
        'eci.backstage.io/entity-hash'
      ],
    ).toBe(entityRefHash('component:default/ml-trainer'));
  });
});
