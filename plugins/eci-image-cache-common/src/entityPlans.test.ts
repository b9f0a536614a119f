import { Entity } from '@backstage/catalog-model';
import { imageCacheSchemaErrors } from './__testUtils__/schemas';
import { readEntityConfig } from './entityConfig';
import {
  formatAcrInstanceRef,
  imageCacheOptionsForEntity,
} from './entityPlans';
import { buildImageCache } from './imageCache';

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
