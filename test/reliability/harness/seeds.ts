import {
  buildImageCache,
  LABEL_ENTITY_HASH,
  LABEL_MANAGED_BY,
} from '@eci-portal/plugin-eci-image-cache-common';
import { TestCluster } from './clusters';
import { imageCaches, putImageCache, StoredImageCache } from './clusterObjects';
import { FleetEntity, REGISTRY_IMAGES } from './fleet';

/** What must still be exactly as it was: an ImageCache the plugin does not own. */
export interface UntouchedCache {
  cluster: string;
  name: string;
  uid: string;
  fingerprint: string;
}

function fingerprint(cache: StoredImageCache): string {
  return JSON.stringify([
    cache.metadata.generation,
    cache.metadata.labels ?? {},
    cache.metadata.annotations ?? {},
    cache.spec,
  ]);
}

function remember(cluster: string, cache: StoredImageCache): UntouchedCache {
  return {
    cluster,
    name: cache.metadata.name,
    uid: cache.metadata.uid,
    fingerprint: fingerprint(cache),
  };
}

/**
 * Caches on every cluster that the plugin must never change or delete: ECI's own
 * auto-create-for-… caches and caches of other tools holding the fleet's images, and forged
 * ones that carry the managed-by label and a fleet entity's ref but not its ownership hash.
 */
export function seedForeignCaches(
  clusters: TestCluster[],
  fleet: FleetEntity[],
): UntouchedCache[] {
  const untouched: UntouchedCache[] = [];
  clusters.forEach((cluster, position) => {
    const ready = { phase: 'Ready', progress: '100%' };
    for (let index = 0; index < 3; index++) {
      const name = `auto-create-for-eci-${position}x${index}abcdefghij`;
      const cache = putImageCache(
        cluster.emulator,
        {
          metadata: { name },
          spec: { images: [REGISTRY_IMAGES[index]], imageCacheSize: 20 },
        },
        { ...ready, imageCacheId: `imc-auto${position}${index}abcdefghijklm` },
      );
      untouched.push(remember(cluster.name, cache));
    }
    const other = putImageCache(cluster.emulator, {
      metadata: {
        name: `team-cache-${position}`,
        labels: { [LABEL_MANAGED_BY]: 'helm' },
      },
      spec: {
        images: [REGISTRY_IMAGES[1], REGISTRY_IMAGES[2]],
        imageCacheSize: 40,
      },
    });
    untouched.push(remember(cluster.name, other));

    const victim = fleet.find(item => item.cluster === cluster.name);
    if (victim) {
      const genuine = buildImageCache({
        entityRef: victim.entityRef,
        images: ['alpine:3.20', 'busybox:1.36', 'ubuntu:22.04'],
      });
      const forged = putImageCache(cluster.emulator, {
        metadata: {
          ...genuine.metadata,
          name: `forged-${position}-${genuine.metadata.name}`,
          labels: {
            ...genuine.metadata.labels,
            [LABEL_ENTITY_HASH]: '0'.repeat(32),
          },
        },
        spec: genuine.spec,
      });
      untouched.push(remember(cluster.name, forged));
    }
  });
  return untouched;
}

/**
 * Managed caches the plugin must delete: the caches of `auto` entities (from an earlier manual
 * life) and of entities that left the catalog.
 */
export function seedObsoleteCaches(
  clusters: TestCluster[],
  fleet: FleetEntity[],
  ghosts: number,
): string[] {
  const names: string[] = [];
  const put = (clusterName: string, entityRef: string, images: string[]) => {
    const cluster = clusters.find(c => c.name === clusterName)!;
    const cache = buildImageCache({ entityRef, images, retentionDays: 30 });
    putImageCache(
      cluster.emulator,
      cache as unknown as Record<string, unknown>,
    );
    names.push(`${clusterName}/${cache.metadata.name}`);
  };
  for (const item of fleet.filter(entity => entity.role === 'auto')) {
    put(item.cluster, item.entityRef, item.images);
  }
  for (let index = 0; index < ghosts; index++) {
    put(
      clusters[index % clusters.length].name,
      `component:default/ghost-${index}`,
      [REGISTRY_IMAGES[index % REGISTRY_IMAGES.length]],
    );
  }
  return names;
}

/** The seeded foreign caches that are gone or differ from when they were seeded. */
export function touchedForeignCaches(
  clusters: TestCluster[],
  untouched: UntouchedCache[],
): string[] {
  const current = new Map<string, StoredImageCache>();
  for (const cluster of clusters) {
    for (const cache of imageCaches(cluster.emulator)) {
      current.set(`${cluster.name}/${cache.metadata.name}`, cache);
    }
  }
  return untouched
    .filter(seed => {
      const now = current.get(`${seed.cluster}/${seed.name}`);
      return (
        !now ||
        now.metadata.uid !== seed.uid ||
        fingerprint(now) !== seed.fingerprint
      );
    })
    .map(seed => `${seed.cluster}/${seed.name}`);
}
