// Deterministic data of the backend benchmark: 1,000 entities on 3 clusters and 10,000
// ImageCaches (2,000 managed: an active and a previous cache per entity; 8,000 unmanaged
// `auto-create-for-…` caches, each holding the image of one entity).
import type { Entity } from '@backstage/catalog-model';
import {
  buildImageCache,
  ImageCache,
} from '@eci-portal/plugin-eci-image-cache-common';

export const CLUSTERS = ['bench-a', 'bench-b', 'bench-c'];
export const ENTITY_COUNT = 1_000;
export const CACHE_COUNT = 10_000;
const UNMANAGED_PER_ENTITY = 8;

export function entityName(index: number): string {
  return `svc-${String(index).padStart(4, '0')}`;
}

function image(index: number, version: string): string {
  return `acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/team-${index % 40}/${entityName(index)}:${version}`;
}

export function entityImages(index: number): string[] {
  return [image(index, '2.0.0'), `docker.io/library/python:3.12-slim`];
}

export function benchEntity(index: number, images = entityImages(index)): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: entityName(index),
      namespace: 'default',
      annotations: {
        'alibabacloud.com/eci-images': images.join(','),
        'alibabacloud.com/eci-image-cache': 'manual',
        'alibabacloud.com/eci-cluster': CLUSTERS[index % CLUSTERS.length],
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: `group:default/team-${index % 40}` },
  };
}

function events(name: string, images: string[], at: string) {
  return images.map((reference, i) => ({
    metadata: { name: `${name}.${i}`, namespace: 'default', creationTimestamp: at },
    involvedObject: { kind: 'ImageCache', name, apiVersion: 'eci.alibabacloud.com/v1' },
    reason: 'Pulled',
    message: `Success pull image ${reference}`,
    source: { component: 'kubelet', host: 'eci' },
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
    type: 'Normal',
  }));
}

function ready(cache: ImageCache, id: number, createdAt: number): ImageCache {
  const at = new Date(createdAt).toISOString();
  return {
    ...cache,
    status: {
      phase: 'Ready',
      progress: '100%',
      imageCacheId: `imc-bench${String(id).padStart(12, '0')}`,
      startTime: at,
      lastUpdatedTime: at,
      expireDateTime: new Date(createdAt + 30 * 86_400_000).toISOString(),
      events: events(cache.metadata.name, cache.spec.images, at),
    },
  };
}

/** Caches per entity: its active and previous managed cache and the unmanaged ones. */
export const CACHES_PER_ENTITY = 2 + UNMANAGED_PER_ENTITY;

/**
 * The caches of one cluster for the entities `from` to `to` (exclusive), in creation order
 * (previous before active).
 */
export function benchCaches(cluster: string, from = 0, to = ENTITY_COUNT): ImageCache[] {
  const caches: ImageCache[] = [];
  const now = Date.now();
  let id = CLUSTERS.indexOf(cluster) * 1_000_000 + from * CACHES_PER_ENTITY;
  for (let index = from; index < to; index++) {
    if (CLUSTERS[index % CLUSTERS.length] !== cluster) continue;
    const entityRef = `component:default/${entityName(index)}`;
    const previous = buildImageCache({ entityRef, images: [image(index, '1.9.0'), 'docker.io/library/python:3.12-slim'], retentionDays: 30 });
    const active = buildImageCache({ entityRef, images: entityImages(index), retentionDays: 30 });
    caches.push(ready(previous, id++, now - 2 * 86_400_000), ready(active, id++, now - 86_400_000));
  }
  for (let index = from; index < to; index++) {
    if (CLUSTERS[index % CLUSTERS.length] !== cluster) continue;
    for (let copy = 0; copy < UNMANAGED_PER_ENTITY; copy++) {
      const name = `auto-create-for-eci-${cluster}-${String(index).padStart(4, '0')}-${copy}`;
      caches.push(
        ready(
          {
            apiVersion: 'eci.alibabacloud.com/v1',
            kind: 'ImageCache',
            metadata: { name },
            spec: { images: [image(index, `2.0.${copy}`)], imageCacheSize: 30 },
          },
          id++,
          now - 3_600_000,
        ),
      );
    }
  }
  return caches;
}
