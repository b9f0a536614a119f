import { buildImageCache, entityRefHash } from './imageCache';
import {
  imageCacheOrigin,
  imageCacheSelectorForEntity,
  isImageCacheOwnedBy,
  MANAGED_IMAGE_CACHE_SELECTOR,
  readImageCacheOwnership,
} from './imageCacheOwnership';

const cache = buildImageCache({
  entityRef: 'component:default/checkout',
  images: ['nginx:1.25'],
});

describe('selectors', () => {
  it('selects all managed caches, or those of one entity', () => {
    expect(MANAGED_IMAGE_CACHE_SELECTOR).toBe(
      'app.kubernetes.io/managed-by=backstage-eci-image-cache',
    );
    expect(imageCacheSelectorForEntity('Component:default/Checkout')).toBe(
      `app.kubernetes.io/managed-by=backstage-eci-image-cache,eci.backstage.io/entity-hash=${entityRefHash(
        'component:default/checkout',
      )}`,
    );
  });

  it('matches the labels the builder writes', () => {
    const labels = cache.metadata.labels!;
    for (const requirement of imageCacheSelectorForEntity(
      'component:default/checkout',
    ).split(',')) {
      const [key, value] = requirement.split('=');
      expect(labels[key]).toBe(value);
    }
  });
});

describe('readImageCacheOwnership', () => {
  it('reads back what the builder wrote', () => {
    expect(readImageCacheOwnership(cache)).toEqual({
      managed: true,
      entityRef: 'component:default/checkout',
      entityHash: cache.metadata.labels!['eci.backstage.io/entity-hash'],
      imageSetHash: cache.metadata.labels!['eci.backstage.io/image-set-hash'],
    });
    expect(isImageCacheOwnedBy(cache, 'component:default/checkout')).toBe(true);
    expect(isImageCacheOwnedBy(cache, 'Component:Default/Checkout')).toBe(true);
    expect(isImageCacheOwnedBy(cache, 'component:default/payments')).toBe(
      false,
    );
    expect(isImageCacheOwnedBy(cache, 'not a ref')).toBe(false);
  });

  it('treats caches without the managed-by label as unmanaged', () => {
    expect(
      readImageCacheOwnership({ metadata: { name: 'imagecache-helloworld' } }),
    ).toEqual({ managed: false });
    expect(
      readImageCacheOwnership({
        metadata: {
          labels: { 'app.kubernetes.io/managed-by': 'someone-else' },
        },
      }),
    ).toEqual({ managed: false });
  });

  it('does not trust an entity-ref annotation that disagrees with the hash label', () => {
    const tampered = {
      ...cache,
      metadata: {
        ...cache.metadata,
        annotations: {
          ...cache.metadata.annotations,
          'eci.backstage.io/entity-ref': 'component:default/payments',
        },
      },
    };
    const ownership = readImageCacheOwnership(tampered);
    expect(ownership.managed).toBe(true);
    expect(ownership.managed && ownership.entityRef).toBeUndefined();
    expect(isImageCacheOwnedBy(tampered, 'component:default/payments')).toBe(
      false,
    );
    expect(isImageCacheOwnedBy(tampered, 'component:default/checkout')).toBe(
      false,
    );
  });

  it('never throws on malformed objects', () => {
    for (const object of [
      undefined,
      null,
      42,
      'x',
      [],
      { metadata: 'x' },
      { metadata: { labels: [] } },
      {
        metadata: {
          labels: {
            'app.kubernetes.io/managed-by': 'backstage-eci-image-cache',
          },
          annotations: { 'eci.backstage.io/entity-ref': 7 },
        },
      },
    ]) {
      expect(() => readImageCacheOwnership(object)).not.toThrow();
      expect(isImageCacheOwnedBy(object, 'component:default/checkout')).toBe(
        false,
      );
    }
  });
});

describe('imageCacheOrigin', () => {
  it('tells managed, ECI auto-created and other caches apart', () => {
    expect(imageCacheOrigin(cache)).toBe('managed');
    expect(
      imageCacheOrigin({ metadata: { name: 'auto-create-for-eci-2ze5abc' } }),
    ).toBe('eci-auto');
    expect(imageCacheOrigin({ metadata: { name: 'team-cache' } })).toBe(
      'unmanaged',
    );
    expect(imageCacheOrigin(undefined)).toBe('unmanaged');
  });

  it('trusts the managed-by label over the name', () => {
    const named = {
      ...cache,
      metadata: { ...cache.metadata, name: 'auto-create-for-eci-1' },
    };
    expect(imageCacheOrigin(named)).toBe('managed');
  });
});
