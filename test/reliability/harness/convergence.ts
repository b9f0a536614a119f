import { readImageCacheOwnership } from '@eci-portal/plugin-eci-image-cache-common';
import { TestCluster } from './clusters';
import { imageCaches, isManaged, StoredImageCache } from './clusterObjects';
import { DesiredCache } from './fleet';

/** How far the clusters are from the desired managed caches. */
export interface ConvergenceReport {
  /** Desired caches that are not on their cluster (or have another spec). */
  missing: string[];
  /** Entities with more than one managed cache. */
  duplicates: string[];
  /** Managed caches that nothing wants (obsolete, or of the wrong entity or cluster). */
  unwanted: string[];
  managedCount: number;
}

function sameSpec(cache: StoredImageCache, desired: DesiredCache): boolean {
  return (
    JSON.stringify([...cache.spec.images].sort()) ===
      JSON.stringify([...desired.images].sort()) &&
    cache.spec.imageCacheSize === desired.imageCacheSize &&
    cache.spec.retentionDays === desired.retentionDays
  );
}

/**
 * Compares the managed caches of every cluster with the desired ones. Caches whose ownership
 * cannot be verified (forged labels) are not the plugin's and are left out.
 */
export function checkConvergence(
  clusters: TestCluster[],
  desired: Map<string, DesiredCache>,
): ConvergenceReport {
  const byOwner = new Map<
    string,
    Array<{ cluster: string; cache: StoredImageCache }>
  >();
  for (const cluster of clusters) {
    for (const cache of imageCaches(cluster.emulator)) {
      if (!isManaged(cache)) continue;
      const ownership = readImageCacheOwnership(cache);
      const owner = ownership.managed ? ownership.entityRef : undefined;
      if (!owner) continue;
      const list = byOwner.get(owner) ?? [];
      list.push({ cluster: cluster.name, cache });
      byOwner.set(owner, list);
    }
  }
  const report: ConvergenceReport = {
    missing: [],
    duplicates: [],
    unwanted: [],
    managedCount: 0,
  };
  for (const [owner, caches] of byOwner) {
    report.managedCount += caches.length;
    if (caches.length > 1) report.duplicates.push(owner);
    const wanted = desired.get(owner);
    for (const { cluster, cache } of caches) {
      if (
        !wanted ||
        wanted.cluster !== cluster ||
        wanted.name !== cache.metadata.name
      ) {
        report.unwanted.push(`${cluster}/${cache.metadata.name}`);
      }
    }
  }
  for (const wanted of desired.values()) {
    const found = (byOwner.get(wanted.entityRef) ?? []).find(
      ({ cluster, cache }) =>
        cluster === wanted.cluster && cache.metadata.name === wanted.name,
    );
    if (!found || !sameSpec(found.cache, wanted)) {
      report.missing.push(`${wanted.cluster}/${wanted.name}`);
    }
  }
  return report;
}

export function isConverged(report: ConvergenceReport): boolean {
  return (
    report.missing.length === 0 &&
    report.duplicates.length === 0 &&
    report.unwanted.length === 0
  );
}
