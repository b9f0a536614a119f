import { Entity } from '@backstage/catalog-model';
import { EciValidationError } from './validation/result';
import {
  EntityConfigDefaults,
  hasEciAnnotations,
  readEntityConfig,
} from './entityConfig';

const DEFAULTS: EntityConfigDefaults = {
  clusters: ['hangzhou-prod', 'beijing-dev'],
  defaultCluster: 'hangzhou-prod',
  argoNamespace: 'argo',
  retentionDays: 14,
};

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default', annotations },
    spec: {},
  };
}

function problems(annotations: Record<string, string>, defaults = DEFAULTS) {
  const result = readEntityConfig(entity(annotations), defaults);
  return result.ok ? [] : result.problems.map(p => [p.field, p.rule]);
}

describe('hasEciAnnotations', () => {
  it('is true when any annotation of the contract is present, even empty', () => {
    expect(
      hasEciAnnotations(entity({ 'alibabacloud.com/eci-images': 'nginx:1' })),
    ).toBe(true);
    expect(
      hasEciAnnotations(entity({ 'alibabacloud.com/argo-namespace': '' })),
    ).toBe(true);
    expect(
      hasEciAnnotations(entity({ 'backstage.io/techdocs-ref': 'dir:.' })),
    ).toBe(false);
    expect(
      hasEciAnnotations({
        apiVersion: 'v1',
        kind: 'Component',
        metadata: { name: 'x' },
      }),
    ).toBe(false);
  });
});

describe('readEntityConfig', () => {
  it('applies the defaults', () => {
    expect(
      readEntityConfig(
        entity({ 'alibabacloud.com/eci-images': 'nginx:1.25' }),
        DEFAULTS,
      ),
    ).toEqual({
      ok: true,
      value: {
        entityRef: 'component:default/checkout',
        images: [
          expect.objectContaining({
            original: 'nginx:1.25',
            normalized: 'docker.io/library/nginx:1.25',
          }),
        ],
        cacheMode: 'auto',
        imageCacheSize: 20,
        retentionDays: 14,
        imagePullSecrets: [],
        cluster: 'hangzhou-prod',
        argoNamespace: 'argo',
      },
      warnings: [],
    });
  });

  it('reads every annotation', () => {
    const result = readEntityConfig(
      entity({
        'alibabacloud.com/eci-images':
          'nginx:1.25, registry.example.com/team/app:v2',
        'alibabacloud.com/eci-image-cache': 'manual',
        'alibabacloud.com/eci-image-cache-size': '40',
        'alibabacloud.com/eci-image-cache-retention-days': '7',
        'alibabacloud.com/eci-image-pull-secrets': 'default:secret1,team:reg',
        'alibabacloud.com/acr-instance-id': 'cn-beijing:cri-abc123',
        'alibabacloud.com/eci-cluster': 'beijing-dev',
        'alibabacloud.com/argo-namespace': 'team-argo',
      }),
      {
        ...DEFAULTS,
        allowedNamespaces: ['argo', 'team-argo', 'default', 'team'],
      },
    );
    expect(result.ok && result.value).toEqual({
      entityRef: 'component:default/checkout',
      images: [
        expect.objectContaining({ original: 'nginx:1.25' }),
        expect.objectContaining({
          original: 'registry.example.com/team/app:v2',
        }),
      ],
      cacheMode: 'manual',
      imageCacheSize: 40,
      retentionDays: 7,
      imagePullSecrets: [
        { namespace: 'default', name: 'secret1' },
        { namespace: 'team', name: 'reg' },
      ],
      acrInstance: { id: 'cri-abc123', region: 'cn-beijing' },
      cluster: 'beijing-dev',
      argoNamespace: 'team-argo',
    });
    expect(result.warnings).toEqual([]);
  });

  it('reports each bad annotation with its name, value and rule', () => {
    const result = readEntityConfig(
      entity({
        'alibabacloud.com/eci-images': 'nginx,docker.io/library/nginx',
        'alibabacloud.com/eci-image-cache': 'Manual',
        'alibabacloud.com/eci-image-cache-size': '10',
        'alibabacloud.com/eci-image-cache-retention-days': '1e3',
        'alibabacloud.com/eci-image-pull-secrets': 'secret1',
        'alibabacloud.com/acr-instance-id': 'ｃri-abc',
        'alibabacloud.com/eci-cluster': 'prod\n',
        'alibabacloud.com/argo-namespace': 'Argo',
      }),
      DEFAULTS,
    );
    expect(!result.ok && result.problems.map(p => p.message)).toEqual([
      '`alibabacloud.com/eci-images`: "docker.io/library/nginx" is the same image as "nginx" (both are docker.io/library/nginx:latest)',
      '`alibabacloud.com/eci-image-cache`: "Manual" must be one of "manual", "auto", "off"',
      '`alibabacloud.com/eci-image-cache-size`: "10" is below the minimum 20 GiB',
      '`alibabacloud.com/eci-image-cache-retention-days`: "1e3" is not a whole number written in plain decimal digits (no sign, spaces, exponent or leading zeros)',
      '`alibabacloud.com/eci-image-pull-secrets`: "secret1" is not "namespace:name" (a DNS-1123 label, ":", then a DNS-1123 subdomain)',
      '`alibabacloud.com/acr-instance-id`: "\\u{FF43}ri-abc" is not "[RegionID:]InstanceID" (like "cn-hangzhou:cri-abc123" or "cri-abc123")',
      '`alibabacloud.com/eci-cluster`: "prod\\n" is not a configured cluster',
      '`alibabacloud.com/argo-namespace`: "Argo" is not a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
    ]);
    expect(!result.ok && result.problems.map(p => p.rule)).toEqual([
      'duplicate',
      'one-of',
      'minimum',
      'integer',
      'pull-secret',
      'acr-instance-ref',
      'unknown-cluster',
      'dns1123-label',
    ]);
  });

  it('requires the images annotation and rejects empty values instead of defaulting', () => {
    expect(problems({ 'alibabacloud.com/eci-image-cache': 'auto' })).toEqual([
      ['alibabacloud.com/eci-images', 'required'],
    ]);
    expect(
      problems({
        'alibabacloud.com/eci-images': 'nginx:1',
        'alibabacloud.com/eci-image-cache': '',
        'alibabacloud.com/eci-image-cache-size': '',
        'alibabacloud.com/eci-cluster': '',
      }),
    ).toEqual([
      ['alibabacloud.com/eci-image-cache', 'one-of'],
      ['alibabacloud.com/eci-image-cache-size', 'required'],
      ['alibabacloud.com/eci-cluster', 'unknown-cluster'],
    ]);
  });

  it('enforces configured namespaces', () => {
    const defaults = { ...DEFAULTS, allowedNamespaces: ['argo', 'team-a'] };
    expect(
      problems(
        {
          'alibabacloud.com/eci-images': 'nginx:1',
          'alibabacloud.com/argo-namespace': 'team-a',
        },
        defaults,
      ),
    ).toEqual([]);
    expect(
      problems(
        {
          'alibabacloud.com/eci-images': 'nginx:1',
          'alibabacloud.com/argo-namespace': 'kube-system',
        },
        defaults,
      ),
    ).toEqual([['alibabacloud.com/argo-namespace', 'namespace-not-allowed']]);
  });

  it('returns warnings separately from problems', () => {
    const floating = readEntityConfig(
      entity({ 'alibabacloud.com/eci-images': 'nginx,redis:7' }),
      DEFAULTS,
    );
    expect(floating.ok).toBe(true);
    expect(floating.warnings.map(w => [w.field, w.rule, w.value])).toEqual([
      ['alibabacloud.com/eci-images', 'floating-tag', '"nginx"'],
    ]);

    const invalid = readEntityConfig(
      entity({ 'alibabacloud.com/eci-images': 'nginx:latest,Bad' }),
      DEFAULTS,
    );
    expect(invalid.ok).toBe(false);
    expect(invalid.warnings.map(w => w.rule)).toEqual(['floating-tag']);

    const ignored = readEntityConfig(
      entity({
        'alibabacloud.com/eci-images': 'nginx:1',
        'alibabacloud.com/eci-image-cache': 'off',
        'alibabacloud.com/eci-image-cache-size': '40',
        'alibabacloud.com/eci-image-pull-secrets': 'default:a',
      }),
      DEFAULTS,
    );
    expect(ignored.warnings.map(w => [w.field, w.rule])).toEqual([
      ['alibabacloud.com/eci-image-cache-size', 'no-effect'],
      ['alibabacloud.com/eci-image-pull-secrets', 'no-effect'],
    ]);

    const forever = readEntityConfig(
      entity({
        'alibabacloud.com/eci-images': 'nginx:1',
        'alibabacloud.com/eci-image-cache': 'manual',
      }),
      { ...DEFAULTS, retentionDays: undefined },
    );
    expect(forever.ok && forever.value.retentionDays).toBeUndefined();
    expect(forever.warnings.map(w => [w.field, w.rule])).toEqual([
      ['alibabacloud.com/eci-image-cache-retention-days', 'no-expiry'],
    ]);
  });

  it("accepts pull secrets only in the cluster's namespaces (its default one when none are configured)", () => {
    const secrets = (value: string, defaults: EntityConfigDefaults) =>
      readEntityConfig(
        entity({
          'alibabacloud.com/eci-images': 'nginx:1.25',
          'alibabacloud.com/eci-image-cache': 'manual',
          'alibabacloud.com/eci-image-pull-secrets': value,
        }),
        defaults,
      );
    expect(secrets('argo:reg', DEFAULTS).ok).toBe(true);
    const refused = secrets('kube-system:registry-cred,argo:reg', DEFAULTS);
    expect(!refused.ok && refused.problems).toEqual([
      {
        field: 'alibabacloud.com/eci-image-pull-secrets',
        value: '"kube-system:registry-cred"',
        rule: 'pull-secret-unusable',
        message:
          '`alibabacloud.com/eci-image-pull-secrets`: "kube-system:registry-cred" is not a pull secret of cluster "hangzhou-prod" (a Secret that exists in namespace argo)',
      },
    ]);
    const allowed = { ...DEFAULTS, allowedNamespaces: ['argo', 'batch'] };
    expect(secrets('batch:reg', allowed).ok).toBe(true);
    const other = secrets('default:secret1', allowed);
    expect(!other.ok && other.problems.map(p => p.message)).toEqual([
      '`alibabacloud.com/eci-image-pull-secrets`: "default:secret1" is not a pull secret of cluster "hangzhou-prod" (a Secret that exists in namespace argo or batch)',
    ]);
  });

  it('treats non-string annotation values as problems, not crashes', () => {
    const odd = entity({});
    odd.metadata.annotations = {
      'alibabacloud.com/eci-images': 42,
      'alibabacloud.com/eci-cluster': ['x'],
    } as any;
    const result = readEntityConfig(odd, DEFAULTS);
    expect(!result.ok && result.problems.map(p => p.rule)).toEqual([
      'type',
      'unknown-cluster',
    ]);
  });

  it('throws on invalid defaults (a configuration error)', () => {
    expect(() =>
      readEntityConfig(entity({}), { ...DEFAULTS, defaultCluster: 'nowhere' }),
    ).toThrow(EciValidationError);
    expect(() =>
      readEntityConfig(entity({}), { ...DEFAULTS, argoNamespace: 'Argo' }),
    ).toThrow('defaults.argoNamespace');
    expect(() =>
      readEntityConfig(entity({}), { ...DEFAULTS, retentionDays: 0 }),
    ).toThrow('defaults.retentionDays');
    expect(() =>
      readEntityConfig(entity({}), {
        ...DEFAULTS,
        allowedNamespaces: ['team'],
      }),
    ).toThrow('is not in defaults.allowedNamespaces');
  });
});
