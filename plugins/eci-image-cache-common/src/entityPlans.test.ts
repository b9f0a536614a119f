import { Entity } from '@backstage/catalog-model';
import {
  argoSchemaErrors,
  imageCacheSchemaErrors,
} from './__testUtils__/schemas';
import { readEntityConfig } from './entityConfig';
import {
  formatAcrInstanceRef,
  imageCacheOptionsForEntity,
  workflowOptionsForEntity,
} from './entityPlans';
import { buildImageCache } from './imageCache';
import { generateWorkflow } from './workflow';

const DEFAULTS = {
  clusters: ['prod'],
  defaultCluster: 'prod',
  argoNamespace: 'argo',
  allowedNamespaces: ['argo', 'default'],
  retentionDays: 7,
};

function configOf(
  annotations: Record<string, string>,
  name = 'Checkout_Service',
) {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
  };
  const result = readEntityConfig(entity, DEFAULTS);
  if (!result.ok) {
    throw new Error(result.problems.map(p => p.message).join('; '));
  }
  return result.value;
}

const MANUAL = configOf({
  'alibabacloud.com/eci-images':
    'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/shop/checkout:1.4.2,redis:7',
  'alibabacloud.com/eci-image-cache': 'manual',
  'alibabacloud.com/eci-image-cache-size': '40',
  'alibabacloud.com/eci-image-pull-secrets': 'default:secret1',
  'alibabacloud.com/acr-instance-id': 'cn-hangzhou:cri-abc123',
});

describe('formatAcrInstanceRef', () => {
  it('writes the annotation format', () => {
    expect(formatAcrInstanceRef({ id: 'cri-a' })).toBe('cri-a');
    expect(formatAcrInstanceRef({ id: 'cri-a', region: 'cn-beijing' })).toBe(
      'cn-beijing:cri-a',
    );
  });
});

describe('imageCacheOptionsForEntity', () => {
  it('turns an entity configuration into a valid ImageCache', () => {
    const options = imageCacheOptionsForEntity(MANUAL, {
      clusterRegion: 'cn-hangzhou',
    });
    expect(options).toEqual({
      entityRef: 'component:default/checkout_service',
      images: [
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/shop/checkout:1.4.2',
        'redis:7',
      ],
      imagePullSecrets: ['default:secret1'],
      imageCacheSize: 40,
      retentionDays: 7,
      acrInstanceIds: ['cn-hangzhou:cri-abc123'],
      clusterRegion: 'cn-hangzhou',
    });
    const cache = buildImageCache(options);
    expect(
      cache.metadata.annotations?.['k8s.aliyun.com/acr-instance-ids'],
    ).toBe('cri-abc123');
    expect(cache.metadata.name).toMatch(/^checkout-service-[0-9a-f]{10}$/);
    expect(imageCacheSchemaErrors(cache)).toBe('');
  });
});

describe('workflowOptionsForEntity', () => {
  it('pins a manual cache when its id is known, else falls back to auto', () => {
    const pinned = generateWorkflow(
      workflowOptionsForEntity(MANUAL, {
        imageCacheId: 'imc-abc',
        clusterRegion: 'cn-beijing',
      }),
    );
    expect(pinned.metadata).toEqual({
      generateName: 'checkout-service-',
      namespace: 'argo',
    });
    expect(
      pinned.kind !== 'CronWorkflow' && pinned.spec.podMetadata?.annotations,
    ).toEqual({
      'k8s.aliyun.com/acr-instance-id': 'cn-hangzhou:cri-abc123',
      'k8s.aliyun.com/eci-image-snapshot-id': 'imc-abc',
    });
    expect(argoSchemaErrors(pinned)).toBe('');

    const fallback = workflowOptionsForEntity(MANUAL);
    expect(fallback.cacheMode).toBe('auto');
    expect(fallback.imageCacheId).toBeUndefined();
  });

  it('maps auto and off, ignores a cache id for them, and applies overrides', () => {
    const auto = configOf({ 'alibabacloud.com/eci-images': 'nginx:1.25' });
    const off = configOf({
      'alibabacloud.com/eci-images': 'nginx:1.25',
      'alibabacloud.com/eci-image-cache': 'off',
    });
    expect(
      workflowOptionsForEntity(auto, { imageCacheId: 'imc-x' }).cacheMode,
    ).toBe('auto');
    expect(
      workflowOptionsForEntity(off, { imageCacheId: 'imc-x' }).cacheMode,
    ).toBe('off');
    const cron = generateWorkflow(
      workflowOptionsForEntity(auto, {
        overrides: {
          kind: 'CronWorkflow',
          schedule: '@daily',
          dialect: 'current',
        },
      }),
    );
    expect(cron).toMatchObject({
      kind: 'CronWorkflow',
      metadata: { name: 'checkout-service', namespace: 'argo' },
      spec: {
        schedules: ['@daily'],
        workflowSpec: {
          podMetadata: {
            annotations: { 'k8s.aliyun.com/eci-auto-imc': 'true' },
          },
        },
      },
    });
    expect(argoSchemaErrors(cron)).toBe('');
  });

  it('keeps service names valid for every kind, even for long entity names', () => {
    const long = configOf(
      { 'alibabacloud.com/eci-images': 'nginx:1.25' },
      `A${'b'.repeat(62)}`,
    );
    const options = workflowOptionsForEntity(long, {
      overrides: { kind: 'CronWorkflow', schedule: '@daily' },
    });
    expect(options.serviceName).toHaveLength(52);
    expect(() => generateWorkflow(options)).not.toThrow();
  });
});
