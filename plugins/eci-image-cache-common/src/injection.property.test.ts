import fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { HOSTILE_VALUES } from './__testUtils__/hostile';
import {
  argoSchemaErrors,
  imageCacheSchemaErrors,
  kubernetesMetadataErrors,
} from './__testUtils__/schemas';
import { tryBuildImageCache } from './imageCache';
import { hasUnsafeCharacter } from './validation/text';
import { tryGenerateWorkflow, WorkflowOptions } from './workflow';
import { renderYaml, YamlHeader } from './yaml';
import { ImageCacheOptions } from './imageCache';
import { ValidationProblem } from './validation/result';

// Every value is drawn either from valid examples, from valid examples with a hostile fragment
// spliced in, or from arbitrary strings; accepted objects must render to exactly the same structure.

const FRAGMENTS = [
  ...HOSTILE_VALUES.map(([, value]) => value).filter(
    value => value.length < 100,
  ),
  '\n',
  '\r\n',
  ': ',
  ' #',
  '---\n',
  '\n...\n',
  '{{',
  '}}',
  '"',
  "'",
  '\\',
  '|',
  '>',
  '- ',
  '? ',
  '&a',
  '*a',
  '!!str ',
  'а',
  'о',
  'ｃ',
  '\u200b',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u202e',
  '\ud800',
];

interface FieldArbitrary {
  valid: fc.Arbitrary<string>;
  hostile: fc.Arbitrary<string>;
}

function field(valid: readonly string[]): FieldArbitrary {
  const validArb = fc.constantFrom(...valid);
  const spliced = fc
    .tuple(validArb, fc.constantFrom(...FRAGMENTS), fc.nat())
    .map(([value, fragment, at]) => {
      const index = at % (value.length + 1);
      return value.slice(0, index) + fragment + value.slice(index);
    });
  return {
    valid: validArb,
    hostile: fc.oneof(
      { weight: 1, arbitrary: validArb },
      { weight: 4, arbitrary: spliced },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) },
    ),
  };
}

const FIELDS = {
  image: field([
    'nginx:1.25',
    'docker/whalesay',
    `redis@sha256:${'c'.repeat(64)}`,
    'registry.example.com:5000/team/app:v2',
    'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay',
  ]),
  serviceName: field(['checkout', 'hello-world', 'a', 'svc-1']),
  templateName: field(['build', 'run-1']),
  namespace: field(['argo', 'team-a', 'default']),
  acrInstanceId: field([
    'cri-abc123',
    'cn-hangzhou:cri-f34lmbk2rxqx41u8',
    'cn-beijing:cri-x',
  ]),
  acrConfigId: field(['cri-abc123', 'cri-zz9']),
  acrConfigName: field(['acr-en-hangzhou', 'reg']),
  acrDomain: field(['registry.example.com:5000', 'reg.example.com']),
  region: field(['cn-hangzhou', 'cn-beijing', 'ap-southeast-1']),
  clusterRegion: field(['cn-hangzhou', 'cn-beijing']),
  imageCacheId: field(['imc-abc123', 'imc-f8zf1234']),
  labelKey: field([
    'backstage.io/kubernetes-id',
    'team',
    'app.kubernetes.io/name',
  ]),
  labelValue: field(['checkout', '', 'v1.2_x']),
  schedule: field(['0 3 * * *', '@daily', '@every 1h']),
  timezone: field(['Asia/Shanghai', 'UTC']),
  // Container args legitimately hold any printable text, so their valid samples are arbitrary Unicode.
  command: {
    valid: fc.string({ unit: 'grapheme', maxLength: 30 }),
    hostile: field(['sh', 'echo "a: b" # c']).hostile,
  },
  args: {
    valid: fc.string({ unit: 'grapheme', maxLength: 30 }),
    hostile: field(['hello world', '--port=6380']).hostile,
  },
  pullSecret: field(['default:secret1', 'team:acr-pull']),
  entityRef: field([
    'component:default/checkout',
    'component:checkout',
    'resource:team/db',
  ]),
};
type FieldName = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** Draws options where one chosen field (or all, or none) is hostile and the others are valid. */
function sample(hostile: FieldName | 'all' | 'none') {
  return (name: FieldName): fc.Arbitrary<string> =>
    hostile === name || hostile === 'all'
      ? FIELDS[name].hostile
      : FIELDS[name].valid;
}

const target = fc.constantFrom<FieldName | 'all' | 'none'>(
  ...FIELD_NAMES,
  'all',
  'none',
);

const workflowOptions: fc.Arbitrary<WorkflowOptions> = fc
  .tuple(
    target,
    fc.constantFrom('Workflow', 'WorkflowTemplate', 'CronWorkflow' as const),
    fc.constantFrom('auto', 'pinned', 'off' as const),
    fc.constantFrom('legacy', 'current' as const),
    fc.constantFrom('podMetadata', 'podMetadata+templates' as const),
  )
  .chain(([hostile, kind, cacheMode, dialect, placement]) => {
    const draw = sample(hostile);
    const container = fc.record(
      {
        image: draw('image'),
        command: fc.array(draw('command'), { maxLength: 2 }),
        args: fc.array(draw('args'), { maxLength: 2 }),
      },
      { requiredKeys: ['image'] },
    );
    return fc.record(
      {
        serviceName: draw('serviceName'),
        kind: fc.constant(kind),
        namespace: draw('namespace'),
        schedule:
          kind === 'CronWorkflow'
            ? fc.oneof(
                draw('schedule'),
                fc.array(draw('schedule'), { minLength: 1, maxLength: 2 }),
              )
            : fc.constant(undefined),
        timezone:
          kind === 'CronWorkflow' ? draw('timezone') : fc.constant(undefined),
        cacheMode: fc.constant(cacheMode),
        imageCacheId:
          cacheMode === 'pinned'
            ? draw('imageCacheId')
            : fc.constant(undefined),
        dialect: fc.constant(dialect),
        placement: fc.constant(placement),
        acrInstanceIds: fc.array(draw('acrInstanceId'), {
          maxLength: dialect === 'legacy' ? 1 : 2,
        }),
        acrInstances: fc.array(
          fc.record(
            {
              id: draw('acrConfigId'),
              region: draw('region'),
              name: draw('acrConfigName'),
              domains: fc.array(draw('acrDomain'), { maxLength: 2 }),
            },
            { requiredKeys: ['id', 'region'] },
          ),
          { maxLength: dialect === 'legacy' ? 0 : 2 },
        ),
        clusterRegion: draw('clusterRegion'),
        containers: fc.oneof(
          fc.array(container, { minLength: 1, maxLength: 3 }),
          fc
            .tuple(container, draw('templateName'))
            .map(([only, templateName]) => [{ ...only, templateName }]),
        ),
        labels: fc.dictionary(draw('labelKey'), draw('labelValue'), {
          maxKeys: 2,
        }),
      },
      {
        requiredKeys: [
          'serviceName',
          'kind',
          'cacheMode',
          'dialect',
          'placement',
          'containers',
        ],
      },
    );
  });

const imageCacheOptions: fc.Arbitrary<ImageCacheOptions> = target.chain(
  hostile => {
    const draw = sample(hostile);
    return fc.record(
      {
        entityRef: draw('entityRef'),
        images: fc.uniqueArray(draw('image'), { minLength: 1, maxLength: 4 }),
        imagePullSecrets: fc.uniqueArray(draw('pullSecret'), { maxLength: 2 }),
        imageCacheSize:
          hostile === 'all'
            ? fc.oneof(fc.integer(), fc.double())
            : fc.constantFrom(20, 40, 32768),
        retentionDays:
          hostile === 'all' ? fc.integer() : fc.constantFrom(1, 7, 65536),
        enableReuse: fc.boolean(),
        acrInstanceIds: fc.array(draw('acrInstanceId'), { maxLength: 2 }),
        acrInstances: fc.array(
          fc.record({
            id: draw('acrConfigId'),
            region: draw('region'),
            name: draw('acrConfigName'),
            domains: fc.array(draw('acrDomain'), { maxLength: 2 }),
          }),
          { maxLength: 2 },
        ),
        clusterRegion: draw('clusterRegion'),
      },
      { requiredKeys: ['entityRef', 'images'] },
    );
  },
);

const headers: fc.Arbitrary<YamlHeader> = fc.record(
  {
    entity: fc.oneof(FIELDS.entityRef.hostile, fc.string({ unit: 'binary' })),
    cache: FIELDS.serviceName.hostile,
    mode: fc.string({ unit: 'binary', maxLength: 20 }),
  },
  { requiredKeys: [] },
);

/** Field names that may appear as keys outside labels and annotations. */
const STRUCTURAL_KEYS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'name',
  'generateName',
  'namespace',
  'labels',
  'annotations',
  'schedules',
  'timezone',
  'workflowSpec',
  'entrypoint',
  'podMetadata',
  'templates',
  'steps',
  'template',
  'container',
  'image',
  'imagePullPolicy',
  'command',
  'args',
  'images',
  'imagePullSecrets',
  'imageCacheSize',
  'retentionDays',
]);
const ANNOTATION_KEYS = new Set([
  'k8s.aliyun.com/eci-image-cache',
  'k8s.aliyun.com/eci-image-snapshot-id',
  'k8s.aliyun.com/acr-instance-id',
  'k8s.aliyun.com/eci-auto-imc',
  'k8s.aliyun.com/eci-imc-id',
  'k8s.aliyun.com/acr-instance-ids',
  'k8s.aliyun.com/imc-enable-reuse',
  'eci.backstage.io/entity-ref',
]);

/** Walks a parsed object and checks every key and every string value. */
function checkTree(
  node: unknown,
  parentKey: string,
  allowedLabelKeys: Set<string>,
): void {
  if (typeof node === 'string') {
    expect(hasUnsafeCharacter(node)).toBe(false);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach(item => checkTree(item, '', allowedLabelKeys));
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (parentKey === 'annotations') {
      expect(ANNOTATION_KEYS).toContain(key);
    } else if (parentKey === 'labels') {
      expect(allowedLabelKeys).toContain(key);
    } else {
      expect(STRUCTURAL_KEYS).toContain(key);
    }
    checkTree(value, key, allowedLabelKeys);
  }
}

function checkRendered(
  object: object,
  header: YamlHeader,
  labelKeys: Set<string>,
): void {
  const text = renderYaml(object, header);
  const documents = parseAllDocuments(text);
  expect(documents).toHaveLength(1);
  expect(documents[0].errors).toEqual([]);
  expect(parse(text)).toEqual(object);
  expect(parse(text, { version: '1.1' })).toEqual(object);
  // The header is the only comment block and stays one line per field.
  const commentLines = text.split('\n').filter(line => line.startsWith('#'));
  expect(commentLines).toHaveLength(
    1 + Object.values(header).filter(v => v !== undefined).length,
  );
  checkTree(parse(text), '', labelKeys);
}

function checkProblems(problems: ValidationProblem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.message).toMatch(/^[\x20-\x7e]+$/);
    expect(problem.value).toMatch(/^[\x20-\x7e]+$/);
    expect(problem.message.length).toBeLessThan(1200);
  }
}

describe('no input can inject keys, documents or line breaks', () => {
  it('through generateWorkflow and renderYaml', () => {
    let accepted = 0;
    fc.assert(
      fc.property(workflowOptions, headers, (options, header) => {
        const result = tryGenerateWorkflow(options);
        if (!result.ok) {
          checkProblems(result.problems);
          return;
        }
        accepted++;
        expect(argoSchemaErrors(result.value)).toBe('');
        expect(kubernetesMetadataErrors(result.value.metadata)).toEqual([]);
        checkRendered(
          result.value,
          header,
          new Set(Object.keys(options.labels ?? {})),
        );
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('through buildImageCache and renderYaml', () => {
    let accepted = 0;
    fc.assert(
      fc.property(imageCacheOptions, headers, (options, header) => {
        const result = tryBuildImageCache(options);
        if (!result.ok) {
          checkProblems(result.problems);
          return;
        }
        accepted++;
        expect(imageCacheSchemaErrors(result.value)).toBe('');
        expect(kubernetesMetadataErrors(result.value.metadata)).toEqual([]);
        checkRendered(
          result.value,
          header,
          new Set([
            'app.kubernetes.io/managed-by',
            'eci.backstage.io/entity-hash',
            'eci.backstage.io/image-set-hash',
          ]),
        );
      }),
      { numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('renderYaml keeps any JSON-like object intact in one document', () => {
    const tree = fc.letrec(tie => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom(...FRAGMENTS),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 10 }),
            fc.constantFrom(...FRAGMENTS),
          ),
          tie('node'),
          { maxKeys: 3 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(tree, headers, (object, header) => {
        const text = renderYaml(object, header);
        expect(parseAllDocuments(text)).toHaveLength(1);
        expect(parse(text)).toEqual(object);
        expect(parse(text, { version: '1.1' })).toEqual(object);
      }),
      { numRuns: 600 },
    );
  });
});
