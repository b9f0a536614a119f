import fc from 'fast-check';
import {
  hostileList,
  hostileNumber,
  hostileString,
  hostileText,
  wrongType,
} from './values';

/** One hostile HTTP request and the words its error message must contain (one of them). */
export interface HostileRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Array<[string, unknown]>;
  body?: unknown;
  /** What was made hostile, for the report. */
  field: string;
  names: string[];
}

export const TARGET = {
  kind: 'component',
  namespace: 'default',
  name: 'hostile-target',
};
export const TARGET_CLUSTER = 'ack-hangzhou';
export const VALID_CACHE_NAME = 'hostile-target-0123456789';

/** Encodes a path segment so that it reaches the route parameter unchanged (dots included). */
export function segment(value: string): string {
  // A URL carries UTF-8 only: a lone surrogate arrives as U+FFFD (JSON bodies carry it as is).
  return encodeURIComponent(value.toWellFormed()).replace(/\./g, '%2E');
}

function entityPath(ref = TARGET): string {
  return `/entities/${segment(ref.kind)}/${segment(ref.namespace)}/${segment(
    ref.name,
  )}`;
}

/** Refs of other namespaces and kinds that are not in the catalog. */
const ABSENT_REFS = [
  { kind: 'component', namespace: 'kube-system', name: 'hostile-target' },
  { kind: 'api', namespace: 'default', name: 'hostile-target' },
  { kind: 'system', namespace: 'default', name: 'hostile-target' },
  { kind: 'location', namespace: 'default', name: 'generated-abc' },
  { kind: 'component', namespace: 'other-ns', name: 'hostile-target' },
];
/** Entities of other kinds and namespaces that are in the catalog but not the caller's. */
export const FOREIGN_REFS = [
  { kind: 'group', namespace: 'default', name: 'platform-team' },
  { kind: 'user', namespace: 'default', name: 'guest' },
  { kind: 'component', namespace: 'other-ns', name: 'foreign' },
];

/**
 * A hostile entity in the path: a corrupted kind, namespace or name, or a well-formed ref of
 * another namespace or kind (absent from the catalog; for changes also present but foreign).
 */
function hostileEntity(options: { foreign: boolean }) {
  const corrupted = fc
    .constantFrom<Array<keyof typeof TARGET>>('kind', 'namespace', 'name')
    .chain(part =>
      hostileText(TARGET[part], true).map(value => ({
        ...TARGET,
        [part]: value,
      })),
    )
    .filter(ref => ref.kind !== '' && ref.namespace !== '' && ref.name !== '');
  const refs = options.foreign
    ? [...ABSENT_REFS, ...FOREIGN_REFS]
    : ABSENT_REFS;
  return fc.oneof(corrupted, fc.constantFrom(...refs)).map(ref => ({
    path: entityPath(ref),
    names: ['entity', `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase()],
  }));
}

function field<T>(name: string, value: fc.Arbitrary<T>) {
  return value.map(v => ({ name, value: v as unknown }));
}

/** Keys no body or query of the plugin has, including ones that would pick a cluster or secret. */
const UNKNOWN_KEYS = fc.constantFrom(
  'url',
  'server',
  'serviceAccountToken',
  'token',
  'caData',
  'namespace',
  'argoNamespace',
  'entityRef',
  'constructor',
);

const CACHE_BODY = fc.oneof(
  field(
    'cluster',
    fc.oneof(
      hostileString(TARGET_CLUSTER),
      fc.constantFrom(
        'https://evil.example:6443',
        'http://127.0.0.1:1',
        'kubernetes.default.svc',
      ),
    ),
  ),
  field('images', hostileList('nginx:1.25.3')),
  field('imageCacheSize', hostileNumber(20, 32768)),
  field('retentionDays', hostileNumber(1, 65536)),
  field('imagePullSecrets', hostileList('default:regcred')),
  field('enableReuse', wrongType('boolean')),
  UNKNOWN_KEYS.chain(key => field(key, fc.string({ maxLength: 20 }))),
);

const SETTINGS_BODY = fc.oneof(
  field('acrInstance', hostileString('cri-f34lmbk2rxqx41u8')),
  field('cacheMode', hostileString('manual')),
  field('imageCacheSize', hostileNumber(20, 32768)),
  field('retentionDays', hostileNumber(1, 65536)),
  field('imagePullSecrets', hostileList('default:regcred')),
  UNKNOWN_KEYS.chain(key => field(key, fc.string({ maxLength: 20 }))),
  field('cluster', hostileString(TARGET_CLUSTER)),
);

/** A query value: a hostile string (no empty string: an empty filter means none), or a list or map. */
function hostileQueryValue(base: string) {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: hostileText(base, true).filter(value => value !== ''),
    },
    { weight: 1, arbitrary: fc.constant([base, base]) },
    { weight: 1, arbitrary: fc.constant({ x: base }) },
  );
}

const WORKFLOW_QUERY = fc.oneof(
  field('kind', hostileQueryValue('Workflow')),
  field('cacheMode', hostileQueryValue('auto')),
  field('dialect', hostileQueryValue('legacy')),
  field('placement', hostileQueryValue('podMetadata')),
  field('cluster', hostileQueryValue(TARGET_CLUSTER)),
  field('schedule', hostileQueryValue('0 3 * * *')),
  UNKNOWN_KEYS.chain(key => field(key, fc.constant('x'))),
);

const CACHES_QUERY = fc.oneof(
  field('cluster', hostileQueryValue(TARGET_CLUSTER)),
  field('phase', hostileQueryValue('Ready')),
  field('owner', hostileQueryValue('component:default/hostile-target')),
  UNKNOWN_KEYS.chain(key => field(key, fc.constant('x'))),
);

/** Hostile requests per route of the plugin that takes input. */
export const HOSTILE_ROUTES: Record<string, fc.Arbitrary<HostileRequest>> = {
  'GET /entities/:kind/:namespace/:name': hostileEntity({ foreign: false }).map(
    entity => ({
      method: 'GET',
      path: entity.path,
      field: 'entity',
      names: entity.names,
    }),
  ),
  'GET /entities/…/workflow': fc.oneof(
    hostileEntity({ foreign: false }).map(entity => ({
      method: 'GET' as const,
      path: `${entity.path}/workflow`,
      field: 'entity',
      names: entity.names,
    })),
    WORKFLOW_QUERY.map(({ name, value }) => ({
      method: 'GET' as const,
      path: `${entityPath()}/workflow`,
      // A schedule is only read for CronWorkflows.
      query:
        name === 'schedule'
          ? [
              ['kind', 'CronWorkflow'],
              [name, value],
            ]
          : [[name, value]],
      field: name,
      names: [name],
    })),
  ) as fc.Arbitrary<HostileRequest>,
  'POST /entities/…/caches': fc.oneof(
    hostileEntity({ foreign: true }).map(entity => ({
      method: 'POST' as const,
      path: `${entity.path}/caches`,
      body: {},
      field: 'entity',
      names: entity.names,
    })),
    CACHE_BODY.map(({ name, value }) => ({
      method: 'POST' as const,
      path: `${entityPath()}/caches`,
      body: { [name]: value },
      field: name,
      names: [name],
    })),
    fc.constantFrom<unknown>([], ['nginx'], [{}]).map(body => ({
      method: 'POST' as const,
      path: `${entityPath()}/caches`,
      body,
      field: 'body',
      names: ['body'],
    })),
  ),
  'DELETE /entities/…/caches/:cluster/:cacheName': fc.oneof(
    hostileEntity({ foreign: true }).map(entity => ({
      method: 'DELETE' as const,
      path: `${entity.path}/caches/${TARGET_CLUSTER}/${VALID_CACHE_NAME}`,
      field: 'entity',
      names: entity.names,
    })),
    hostileText(TARGET_CLUSTER, true)
      .filter(value => value !== '')
      .map(value => ({
        method: 'DELETE' as const,
        path: `${entityPath()}/caches/${segment(value)}/${VALID_CACHE_NAME}`,
        field: 'cluster',
        names: ['cluster'],
      })),
    hostileText(VALID_CACHE_NAME, true)
      .filter(value => value !== '')
      .map(value => ({
        method: 'DELETE' as const,
        path: `${entityPath()}/caches/${TARGET_CLUSTER}/${segment(value)}`,
        field: 'cacheName',
        names: ['cacheName'],
      })),
  ),
  'PUT /entities/…/settings': fc.oneof(
    hostileEntity({ foreign: true }).map(entity => ({
      method: 'PUT' as const,
      path: `${entity.path}/settings`,
      body: { cacheMode: 'manual' },
      field: 'entity',
      names: entity.names,
    })),
    SETTINGS_BODY.map(({ name, value }) => ({
      method: 'PUT' as const,
      path: `${entityPath()}/settings`,
      body: { [name]: value },
      field: name,
      names: [name],
    })),
  ),
  'DELETE /entities/…/settings': hostileEntity({ foreign: true }).map(
    entity => ({
      method: 'DELETE',
      path: `${entity.path}/settings`,
      field: 'entity',
      names: entity.names,
    }),
  ),
  'GET /caches': CACHES_QUERY.map(({ name, value }) => ({
    method: 'GET',
    path: '/caches',
    query: [[name, value]],
    field: name,
    names: [name],
  })),
};

/** Routes without input: hostile query parameters must change nothing about the answer. */
export const INPUTLESS_ROUTES = ['/health', '/clusters', '/acr/instances'];

export const IGNORED_QUERY = fc.tuple(
  UNKNOWN_KEYS,
  hostileText('x', true).filter(value => value !== ''),
);

/** `?a=1&b=2`, with lists as repeated keys and maps as `key[sub]=…` (Express' qs syntax). */
export function queryString(query: Array<[string, unknown]> = []): string {
  const params = new URLSearchParams();
  for (const [key, value] of query) {
    if (Array.isArray(value)) {
      for (const item of value) params.append(key, String(item));
    } else if (value !== null && typeof value === 'object') {
      for (const [sub, item] of Object.entries(value)) {
        params.append(`${key}[${sub}]`, String(item));
      }
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
