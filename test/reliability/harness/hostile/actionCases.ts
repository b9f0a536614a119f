import { JsonObject } from '@backstage/types';
import fc from 'fast-check';
import {
  hostileFreeText,
  hostileList as anyHostileList,
  hostileNumber,
  hostileString as anyHostileString,
  hostileText,
  TRAVERSALS,
  wrongType,
} from './values';

// Actions read `null` as "not set" (a template can only leave a field out by rendering none).
const hostileString = (base: string) =>
  anyHostileString(base).filter(value => value !== null);
const hostileList = (base: string) =>
  anyHostileList(base).filter(value => value !== null);
const hostileFreeTextList = (base: string) =>
  fc.oneof(
    { weight: 3, arbitrary: hostileFreeText(base).map(value => [value]) },
    {
      weight: 1,
      arbitrary: wrongType('string')
        .filter(value => value !== null)
        .map(value => [value]),
    },
    {
      weight: 1,
      arbitrary: wrongType('array').filter(value => value !== null),
    },
  );

/** One hostile action input and the words its error message must contain (one of them). */
export interface HostileInput {
  input: JsonObject;
  field: string;
  names: string[];
}

export const OWNED_REF = 'component:default/hostile-target';
/** A directory symlink every workspace holds, pointing outside it. */
export const ESCAPE_LINK = 'link-outside';

const ABSENT_OR_FOREIGN_REFS = [
  'component:kube-system/hostile-target',
  'component:other-ns/hostile-target',
  'api:default/hostile-target',
  'system:default/hostile-target',
  'group:default/platform-team',
  'user:default/guest',
  'component:other-ns/foreign',
];

function withField(
  base: JsonObject,
  name: string,
  value: unknown,
  names = [name],
): HostileInput {
  return {
    input: { ...base, [name]: value } as JsonObject,
    field: name,
    names,
  };
}

/** An entity ref field: corrupted text, a wrong type, or a ref of another namespace or kind. */
function hostileEntityRef(base: JsonObject, name: string) {
  return fc.oneof(
    hostileString(OWNED_REF).map(value => withField(base, name, value)),
    fc
      .constantFrom(...ABSENT_OR_FOREIGN_REFS)
      .map(ref => withField(base, name, ref, [name, ref])),
  );
}

const unknownKey = (base: JsonObject) =>
  fc
    .constantFrom(
      'url',
      'serviceAccountToken',
      'namespace',
      'workspacePath',
      'constructor',
    )
    .map(key => withField(base, key, 'x'));

/**
 * Paths that must never be written: traversal, absolute paths, the escaping symlink, and names
 * with line breaks, control, invisible or bidi characters (spoofed file names), surrounding
 * spaces or more than 1,024 characters. Plain non-ASCII names are legitimate and not generated.
 */
export function hostilePath(file: string, sandbox: string) {
  return fc.oneof(
    fc.constantFrom(
      ...TRAVERSALS.map(path => `${path}/${file}`),
      `../${file}`,
      `${sandbox}/outside/${file}`,
      `${ESCAPE_LINK}/${file}`,
      `workflows/../../${file}`,
      ` ${file}`,
      '',
    ),
    hostileFreeText(file).filter(path => !path.includes('{{')),
  );
}

function generateCases(sandbox: string): fc.Arbitrary<HostileInput> {
  const base: JsonObject = { services: [OWNED_REF] };
  const inline = (key: string, value: unknown): HostileInput => ({
    input: {
      services: [{ name: 'svc', images: ['nginx:1.25.3'], [key]: value }],
    } as JsonObject,
    field: key,
    names: [key, 'services'],
  });
  return fc.oneof(
    fc
      .oneof(
        wrongType('array').filter(value => typeof value !== 'string'),
        fc.constant([]),
      )
      .map(value => withField(base, 'services', value)),
    hostileString(OWNED_REF).map(value => withField(base, 'services', [value])),
    // Generating reads only, so another team's valid service is not hostile here.
    fc
      .constantFrom(
        ...ABSENT_OR_FOREIGN_REFS.filter(
          ref => ref !== 'component:other-ns/foreign',
        ),
      )
      .map(ref => withField(base, 'services', [ref], ['services', ref])),
    hostileString('svc').map(value => inline('name', value)),
    hostileList('nginx:1.25.3').map(value => inline('images', value)),
    hostileFreeTextList('echo').map(value => inline('command', value)),
    hostileFreeTextList('--flag').map(value => inline('args', value)),
    hostileString('argo').map(value => inline('namespace', value)),
    hostileString('imc-abcdefghij').map(value => inline('imageCacheId', value)),
    hostileString('cri-f34lmbk2rxqx41u8').map(value =>
      inline('acrInstanceId', value),
    ),
    hostileString('cn-hangzhou').map(value => inline('clusterRegion', value)),
    hostilePath('escape.yaml', sandbox).map(value =>
      withField(base, 'targetPath', value),
    ),
    hostileString('Workflow').map(value => withField(base, 'kind', value)),
    hostileString('0 3 * * *').map(value => ({
      ...withField(base, 'schedule', value),
      input: { ...base, kind: 'CronWorkflow', schedule: value } as JsonObject,
    })),
    hostileString('Asia/Shanghai').map(value => ({
      ...withField(base, 'timezone', value),
      input: {
        ...base,
        kind: 'CronWorkflow',
        schedule: '0 3 * * *',
        timezone: value,
      } as JsonObject,
    })),
    hostileString('auto').map(value => withField(base, 'cacheMode', value)),
    hostileString('legacy').map(value => withField(base, 'dialect', value)),
    hostileString('podMetadata').map(value =>
      withField(base, 'placement', value),
    ),
    hostileString('ack-hangzhou').map(value =>
      withField(base, 'cluster', value),
    ),
    unknownKey(base),
  );
}

function ensureCases(): fc.Arbitrary<HostileInput> {
  const base: JsonObject = { entityRef: OWNED_REF };
  return fc.oneof(
    hostileEntityRef(base, 'entityRef'),
    hostileList('nginx:1.25.3').map(value => withField(base, 'images', value)),
    hostileString('ack-hangzhou').map(value =>
      withField(base, 'cluster', value),
    ),
    wrongType('boolean')
      .filter(value => value !== null)
      .map(value => withField(base, 'waitForReady', value)),
    hostileNumber(1, 3600)
      .filter(value => value !== null)
      .map(value =>
        withField({ ...base, waitForReady: true }, 'timeoutSeconds', value),
      ),
    unknownKey(base),
  );
}

function configureCases(): fc.Arbitrary<HostileInput> {
  const base: JsonObject = {
    entityRef: OWNED_REF,
    acrInstanceId: 'cri-f34lmbk2rxqx41u8',
  };
  return fc.oneof(
    hostileEntityRef(base, 'entityRef'),
    hostileString('cn-hangzhou:cri-f34lmbk2rxqx41u8')
      .filter(value => value !== null)
      .map(value => withField(base, 'acrInstanceId', value)),
    unknownKey(base),
  );
}

function publishCases(sandbox: string): fc.Arbitrary<HostileInput> {
  const base: JsonObject = {
    name: 'hostile-publish',
    entityRef: 'component:default/hostile-target',
  };
  return fc.oneof(
    hostileString('hostile-publish').map(value =>
      withField(base, 'name', value),
    ),
    fc.constantFrom(...TRAVERSALS).map(value => withField(base, 'name', value)),
    fc
      .oneof(
        fc.constantFrom(
          ...TRAVERSALS,
          `${sandbox}/outside`,
          ESCAPE_LINK,
          `${ESCAPE_LINK}/..`,
        ),
        hostileText('workflows'),
        wrongType('string').filter(value => value !== null),
      )
      .map(value => withField(base, 'sourcePath', value)),
    wrongType('boolean')
      .filter(value => value !== null)
      .map(value => withField(base, 'overwrite', value)),
    unknownKey(base),
  );
}

/** Hostile inputs per scaffolder action of the module. */
export function hostileActionInputs(
  sandbox: string,
): Record<string, fc.Arbitrary<HostileInput>> {
  return {
    'eci:workflow:generate': generateCases(sandbox),
    'eci:imagecache:ensure': ensureCases(),
    'eci:acr:configure': configureCases(),
    'eci:publish:local': publishCases(sandbox),
  };
}
