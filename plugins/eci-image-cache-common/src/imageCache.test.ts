import { parse } from 'yaml';
import { IMAGECACHE_YAML } from './__fixtures__/sourceDocument';
import {
  imageCacheSchemaErrors,
  kubernetesMetadataErrors,
} from './__testUtils__/schemas';
import { EciValidationError } from './validation/result';
import {
  buildImageCache,
  entityRefHash,
  imageCacheName,
  imageSetHash,
  ImageCacheOptions,
  tryBuildImageCache,
} from './imageCache';
import { ImageCache } from './imageCacheTypes';

const BASE: ImageCacheOptions = {
  entityRef: 'component:default/checkout',
  images: ['nginx:1.25', 'docker/whalesay'],
};

function expectValid(cache: ImageCache) {
  expect(imageCacheSchemaErrors(cache)).toBe('');
  expect(kubernetesMetadataErrors(cache.metadata)).toEqual([]);
}

describe('buildImageCache', () => {
  it('reproduces the spec and reuse annotation of the source document ImageCache', () => {
    const documentCache = parse(IMAGECACHE_YAML);
    const cache = buildImageCache({
      entityRef: 'component:default/helloworld',
      images: ['docker/whalesay'],
      imagePullSecrets: ['default:secret1'],
      imageCacheSize: 20,
      retentionDays: 7,
    });
    expect(cache.apiVersion).toBe(documentCache.apiVersion);
    expect(cache.kind).toBe(documentCache.kind);
    expect(cache.spec).toEqual(documentCache.spec);
    expect(cache.metadata.annotations).toMatchObject(
      documentCache.metadata.annotations,
    );
    expectValid(cache);
    expectValid(documentCache);
  });

  it('builds the whole object with ownership labels and annotations', () => {
    const cache = buildImageCache({ ...BASE, retentionDays: 30 });
    expect(cache).toEqual({
      apiVersion: 'eci.alibabacloud.com/v1',
      kind: 'ImageCache',
      metadata: {
        name: imageCacheName(BASE.entityRef, BASE.images),
        labels: {
          'app.kubernetes.io/managed-by': 'backstage-eci-image-cache',
          'eci.backstage.io/entity-hash': entityRefHash(BASE.entityRef),
          'eci.backstage.io/image-set-hash': imageSetHash(BASE.images),
        },
        annotations: {
          'eci.backstage.io/entity-ref': 'component:default/checkout',
          'k8s.aliyun.com/imc-enable-reuse': 'true',
        },
      },
      spec: {
        images: ['nginx:1.25', 'docker/whalesay'],
        imageCacheSize: 20,
        retentionDays: 30,
      },
    });
    expect(cache.metadata.name).toMatch(/^checkout-[0-9a-f]{10}$/);
    expectValid(cache);
  });

  it('omits retention (never expires), pull secrets and reuse when asked', () => {
    const cache = buildImageCache({
      ...BASE,
      enableReuse: false,
      imagePullSecrets: [],
    });
    expect(cache.spec).toEqual({ images: BASE.images, imageCacheSize: 20 });
    expect(cache.metadata.annotations).not.toHaveProperty([
      'k8s.aliyun.com/imc-enable-reuse',
    ]);
    expectValid(cache);
  });

  it('adds acr-instance-ids for private ACR images with the region rule', () => {
    const cache = buildImageCache({
      ...BASE,
      images: [
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay:v1',
        'reg.example.com/a/b:1',
      ],
      acrInstanceIds: ['cn-shanghai:cri-explicit'],
      acrInstances: [
        { id: 'cri-hz', region: 'cn-hangzhou', name: 'acr-en-hangzhou' },
        { id: 'cri-bj', region: 'cn-beijing', domains: ['reg.example.com'] },
      ],
      clusterRegion: 'cn-hangzhou',
    });
    expect(
      cache.metadata.annotations?.['k8s.aliyun.com/acr-instance-ids'],
    ).toBe('cn-shanghai:cri-explicit,cri-hz,cn-beijing:cri-bj');
    expectValid(cache);
  });

  it('names caches deterministically from the entity and the normalised image set', () => {
    const a = buildImageCache({ ...BASE, images: ['nginx:1.25', 'redis:7'] });
    const b = buildImageCache({
      ...BASE,
      entityRef: 'Component:Default/Checkout',
      images: [
        'docker.io/library/redis:7',
        'index.docker.io/library/nginx:1.25',
      ],
      imageCacheSize: 40,
      retentionDays: 3,
    });
    const otherImages = buildImageCache({
      ...BASE,
      images: ['nginx:1.26', 'redis:7'],
    });
    const otherEntity = buildImageCache({
      ...BASE,
      entityRef: 'component:team-b/checkout',
      images: ['nginx:1.25', 'redis:7'],
    });
    expect(b.metadata.name).toBe(a.metadata.name);
    expect(b.metadata.labels).toEqual(a.metadata.labels);
    expect(otherImages.metadata.name).not.toBe(a.metadata.name);
    expect(otherImages.metadata.labels?.['eci.backstage.io/entity-hash']).toBe(
      a.metadata.labels?.['eci.backstage.io/entity-hash'],
    );
    expect(otherEntity.metadata.name).not.toBe(a.metadata.name);
    expect(otherEntity.metadata.name.startsWith('checkout-')).toBe(true);
  });

  it('gives a refresh revision its own name and keeps revision 0 unchanged', () => {
    const original = buildImageCache(BASE);
    const explicitZero = buildImageCache({ ...BASE, revision: 0 });
    const first = buildImageCache({ ...BASE, revision: 1 });
    const second = buildImageCache({ ...BASE, revision: 2 });
    expect(explicitZero.metadata.name).toBe(original.metadata.name);
    expect(imageCacheName(BASE.entityRef, BASE.images, 0)).toBe(
      original.metadata.name,
    );
    expect(first.metadata.name).toBe(
      imageCacheName(BASE.entityRef, BASE.images, 1),
    );
    expect(
      new Set([original, first, second].map(cache => cache.metadata.name)).size,
    ).toBe(3);
    expect(first.metadata.name).toMatch(/^checkout-[0-9a-f]{10}$/);
    expect(first.metadata.labels).toEqual(original.metadata.labels);
    expectValid(first);
  });

  it.each([-1, 1.5, Number.NaN, 2_000_000])(
    'rejects the revision %p',
    revision => {
      const result = tryBuildImageCache({ ...BASE, revision });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems.map(p => [p.field, p.rule])).toEqual(
        [['revision', 'integer']],
      );
    },
  );

  it('keeps names within 63 characters and DNS-1123 for any entity name', () => {
    for (const name of ['a'.repeat(63), 'Mixed_Case.Name', 'a__b..c', 'x']) {
      const cache = buildImageCache({
        ...BASE,
        entityRef: `component:default/${name}`,
      });
      expect(cache.metadata.name.length).toBeLessThanOrEqual(63);
      expectValid(cache);
    }
    expect(imageCacheName('component:default/_.-', BASE.images)).toMatch(
      /^imagecache-[0-9a-f]{10}$/,
    );
  });

  it('reports every invalid option at once, naming field and rule', () => {
    const result = tryBuildImageCache({
      entityRef: 'not a ref',
      images: ['nginx', 'docker.io/library/nginx'],
      imagePullSecrets: ['default'],
      imageCacheSize: 10,
      retentionDays: 7.5,
      acrInstanceIds: ['ｃri-x'],
      acrInstances: [{ id: 'cri-ok', region: 'nowhere' }],
      clusterRegion: 'cn hangzhou',
    });
    expect(!result.ok && result.problems.map(p => [p.field, p.rule])).toEqual([
      ['entityRef', 'entity-ref'],
      ['images', 'duplicate'],
      ['imagePullSecrets', 'pull-secret'],
      ['imageCacheSize', 'minimum'],
      ['retentionDays', 'integer'],
      ['acrInstanceIds', 'acr-instance-ref'],
      ['acrInstances[0].region', 'region-id'],
      ['clusterRegion', 'region-id'],
    ]);
    expect(() => buildImageCache({ ...BASE, images: [] })).toThrow(
      EciValidationError,
    );
    expect(() => buildImageCache({ ...BASE, images: [] })).toThrow(
      '`images`: (a list) must name at least 1 image',
    );
  });

  it('rejects non-list options and non-boolean reuse', () => {
    const result = tryBuildImageCache({
      ...BASE,
      imagePullSecrets: 'default:a' as unknown as string[],
      acrInstanceIds: 'cri-x' as unknown as string[],
      acrInstances: {} as unknown as [],
      enableReuse: 'yes' as unknown as boolean,
    });
    expect(!result.ok && result.problems.map(p => [p.field, p.rule])).toEqual([
      ['enableReuse', 'type'],
      ['acrInstanceIds', 'type'],
      ['acrInstances', 'type'],
    ]);
  });

  it.each([null, undefined, 'x', []])(
    'rejects %p options instead of crashing',
    raw => {
      const result = tryBuildImageCache(raw as any);
      expect(!result.ok && result.problems.map(p => [p.field, p.rule])).toEqual(
        [['options', 'type']],
      );
    },
  );

  it('passes warnings through', () => {
    const result = tryBuildImageCache(BASE);
    expect(result.warnings.map(w => [w.value, w.rule])).toEqual([
      ['"docker/whalesay"', 'floating-tag'],
    ]);
  });
});
