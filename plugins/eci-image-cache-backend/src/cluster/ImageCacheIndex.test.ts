import { buildImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import { ImageCacheIndex } from './ImageCacheIndex';
import { observeImageCache } from './ObservedImageCache';

function managed(entityRef: string, images: string[], resourceVersion = '1') {
  const cache = buildImageCache({ entityRef, images });
  return observeImageCache('hz', { ...cache, metadata: { ...cache.metadata, resourceVersion } });
}

function unmanaged(name: string, images: string[], resourceVersion = '1') {
  return observeImageCache('hz', {
    apiVersion: 'eci.alibabacloud.com/v1',
    kind: 'ImageCache',
    metadata: { name, resourceVersion },
    spec: { images },
  });
}

describe('ImageCacheIndex', () => {
  it('indexes managed caches by owner and every cache by normalised image', () => {
    const index = new ImageCacheIndex();
    const mine = managed('component:default/web', ['nginx:1.25.3']);
    index.upsert(mine);
    index.upsert(unmanaged('auto-create-for-eci-1', ['docker.io/library/nginx:1.25.3', 'redis:7']));
    index.upsert(unmanaged('other', ['busybox:1.36']));
    expect(index.managedBy('component:default/web').map(c => c.name)).toEqual([mine.name]);
    expect(Array.from(index.owners())).toEqual(['component:default/web']);
    expect(
      index.othersWithAnyImage('component:default/web', ['docker.io/library/nginx:1.25.3']).map(c => c.name),
    ).toEqual(['auto-create-for-eci-1']);
    expect(
      index.othersWithAnyImage('component:default/api', ['docker.io/library/nginx:1.25.3']).map(c => c.name),
    ).toEqual([mine.name, 'auto-create-for-eci-1']);
    index.remove(mine.name);
    expect(index.managedBy('component:default/web')).toEqual([]);
    expect(Array.from(index.owners())).toEqual([]);
  });

  it('ignores stale versions and reports only real changes after a relist', () => {
    const index = new ImageCacheIndex();
    const changes: string[] = [];
    index.onChange((previous, current) =>
      changes.push(`${previous?.resourceVersion ?? '-'}>${current?.resourceVersion ?? '-'}`),
    );
    index.upsert(unmanaged('a', ['nginx:1.25.3'], '5'));
    index.upsert(unmanaged('a', ['nginx:1.25.3'], '4'));
    expect(index.get('a')?.resourceVersion).toBe('5');
    index.upsert(unmanaged('b', ['nginx:1.25.3'], '6'));
    index.replaceAll([unmanaged('a', ['nginx:1.25.3'], '5'), unmanaged('c', ['redis:7'], '9')]);
    expect(changes).toEqual(['->5', '->6', '6>-', '->9']);
    expect(index.size).toBe(2);
    expect(index.othersWithAnyImage('component:default/web', ['docker.io/library/nginx:1.25.3']).map(c => c.name)).toEqual(['a']);
  });

  it('keeps only the newest events of a cache', () => {
    const events = Array.from({ length: 30 }, (_, i) => ({ reason: `e${i}` }));
    const cache = observeImageCache('hz', {
      apiVersion: 'eci.alibabacloud.com/v1',
      kind: 'ImageCache',
      metadata: { name: 'x' },
      spec: { images: ['nginx:1.25.3'] },
      status: { phase: 'Creating', events },
    });
    expect(cache.status.events?.map(e => e.reason)).toEqual(events.slice(-10).map(e => e.reason));
  });
});
