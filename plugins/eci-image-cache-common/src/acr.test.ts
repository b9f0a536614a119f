import {
  acrAnnotationValue,
  acrAnnotationValues,
  AcrInstanceConfig,
  parseAcrRegistryDomain,
  resolveAcrInstance,
  validateAcrInstanceConfig,
} from './acr';
import { parseImageReference } from './images';

const HANGZHOU: AcrInstanceConfig = {
  id: 'cri-f34lmbk2rxqx41u8',
  region: 'cn-hangzhou',
  name: 'acr-en-hangzhou',
};
const BEIJING_CUSTOM: AcrInstanceConfig = {
  id: 'cri-beijing1',
  region: 'cn-beijing',
  domains: ['Registry.Example.com', 'registry.example.com:5000'],
};
const UNMATCHABLE: AcrInstanceConfig = {
  id: 'cri-nodomains',
  region: 'cn-shanghai',
};

describe('parseAcrRegistryDomain', () => {
  it.each([
    [
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
      { instanceName: 'acr-en-hangzhou', region: 'cn-hangzhou', vpc: false },
    ],
    [
      'test-registry-vpc.cn-beijing.cr.aliyuncs.com',
      { instanceName: 'test', region: 'cn-beijing', vpc: true },
    ],
    [
      'My-Registry.AP-SOUTHEAST-1.CR.ALIYUNCS.COM',
      { instanceName: 'my', region: 'ap-southeast-1', vpc: false },
    ],
    [
      'a-registry-registry.cn-shanghai-finance-1.cr.aliyuncs.com',
      {
        instanceName: 'a-registry',
        region: 'cn-shanghai-finance-1',
        vpc: false,
      },
    ],
  ])('recognises %p', (domain, expected) => {
    expect(parseAcrRegistryDomain(domain)).toEqual(expected);
  });

  it.each([
    'registry.cn-hangzhou.aliyuncs.com',
    'crpi-abc.cn-hangzhou.personal.cr.aliyuncs.com',
    'x-registry.cn-hangzhou.cr.aliyuncs.com.evil.com',
    'x-registry.cn-hangzhou.cr.aliyuncs.com:443',
    '-registry.cn-hangzhou.cr.aliyuncs.com',
    'x-registry.hangzhou.cr.aliyuncs.com',
    'x-registry.cn-hangzhou.cr.aliyuncs.cоm',
    'x-registry.cn-hangzhou.cr.aliyuncs.com\n',
    'docker.io',
  ])('does not recognise %p', domain => {
    expect(parseAcrRegistryDomain(domain)).toBeUndefined();
  });
});

describe('resolveAcrInstance', () => {
  const instances = [UNMATCHABLE, HANGZHOU, BEIJING_CUSTOM];

  it('matches a default domain through the configured instance name and region', () => {
    expect(
      resolveAcrInstance(
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay',
        instances,
      ),
    ).toEqual({
      instance: HANGZHOU,
      domain: 'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
      matchedBy: 'default-domain',
    });
    expect(
      resolveAcrInstance(
        'acr-en-hangzhou-registry-vpc.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay:v1',
        instances,
      )?.instance,
    ).toBe(HANGZHOU);
  });

  it('does not match a default domain of another region or name', () => {
    expect(
      resolveAcrInstance(
        'acr-en-hangzhou-registry.cn-beijing.cr.aliyuncs.com/a/b',
        instances,
      ),
    ).toBeUndefined();
    expect(
      resolveAcrInstance(
        'other-registry.cn-hangzhou.cr.aliyuncs.com/a/b',
        instances,
      ),
    ).toBeUndefined();
  });

  it('matches configured custom domains case-insensitively, including the port', () => {
    expect(
      resolveAcrInstance('registry.example.com/team/app:v1', instances),
    ).toEqual({
      instance: BEIJING_CUSTOM,
      domain: 'registry.example.com',
      matchedBy: 'configured-domain',
    });
    expect(
      resolveAcrInstance('REGISTRY.example.com:5000/team/app:v1', instances)
        ?.instance,
    ).toBe(BEIJING_CUSTOM);
    expect(
      resolveAcrInstance('registry.example.com:5001/team/app:v1', instances),
    ).toBeUndefined();
  });

  it('never matches an instance without domains or name, nor public or invalid images', () => {
    expect(resolveAcrInstance('nginx:1.25', instances)).toBeUndefined();
    expect(
      resolveAcrInstance('x-registry.cn-shanghai.cr.aliyuncs.com/a/b', [
        UNMATCHABLE,
      ]),
    ).toBeUndefined();
    expect(resolveAcrInstance('Not Valid', instances)).toBeUndefined();
  });

  it('accepts a parsed reference', () => {
    const parsed = parseImageReference('registry.example.com/a:1');
    expect(
      parsed.ok && resolveAcrInstance(parsed.value, instances)?.instance,
    ).toBe(BEIJING_CUSTOM);
  });
});

describe('acrAnnotationValue', () => {
  it.each([
    [{ id: 'cri-x', region: 'cn-hangzhou' }, 'cn-hangzhou', 'cri-x'],
    [{ id: 'cri-x', region: 'cn-hangzhou' }, 'cn-beijing', 'cn-hangzhou:cri-x'],
    [{ id: 'cri-x', region: 'cn-hangzhou' }, undefined, 'cn-hangzhou:cri-x'],
    [{ id: 'cri-x' }, 'cn-beijing', 'cri-x'],
    [{ id: 'cri-x' }, undefined, 'cri-x'],
  ])('%p in %p → %p', (instance, clusterRegion, expected) => {
    expect(acrAnnotationValue(instance, clusterRegion)).toBe(expected);
  });
});

describe('acrAnnotationValues', () => {
  it('joins explicit and resolved instances without duplicates, applying the region rule', () => {
    const images = [
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/a/b:1',
      'registry.example.com/c:1',
      'nginx:1',
    ]
      .map(raw => parseImageReference(raw))
      .map(result => (result.ok ? result.value : undefined)!);
    expect(
      acrAnnotationValues(
        images,
        [{ id: 'cri-f34lmbk2rxqx41u8' }],
        [HANGZHOU, BEIJING_CUSTOM],
        'cn-hangzhou',
      ),
    ).toEqual(['cri-f34lmbk2rxqx41u8', 'cn-beijing:cri-beijing1']);
    expect(acrAnnotationValues(images, [], [], 'cn-hangzhou')).toEqual([]);
  });
});

describe('validateAcrInstanceConfig', () => {
  it('accepts and normalises a valid configuration', () => {
    expect(
      validateAcrInstanceConfig({ ...BEIJING_CUSTOM, name: 'beijing' }),
    ).toEqual({
      ok: true,
      value: {
        id: 'cri-beijing1',
        region: 'cn-beijing',
        name: 'beijing',
        domains: ['registry.example.com', 'registry.example.com:5000'],
      },
      warnings: [],
    });
  });

  it('reports every bad field', () => {
    const result = validateAcrInstanceConfig(
      {
        id: 'cri-X',
        region: 'hangzhou',
        name: 'Bad Name',
        domains: ['ok.example.com', 'bad domain', 7],
      },
      'acr.instances[0]',
    );
    expect(!result.ok && result.problems.map(p => [p.field, p.rule])).toEqual([
      ['acr.instances[0].id', 'acr-instance-id'],
      ['acr.instances[0].region', 'region-id'],
      ['acr.instances[0].name', 'dns1123-label'],
      ['acr.instances[0].domains', 'image-registry'],
      ['acr.instances[0].domains', 'type'],
    ]);
  });

  it('rejects non-objects and non-list domains', () => {
    expect(validateAcrInstanceConfig('cri-x').ok).toBe(false);
    expect(
      validateAcrInstanceConfig({
        id: 'cri-x',
        region: 'cn-hangzhou',
        domains: 'a.com',
      }).ok,
    ).toBe(false);
  });
});
