import { ObservedImageCache } from './ObservedImageCache';

export type ImageCacheChangeListener = (
  previous: ObservedImageCache | undefined,
  current: ObservedImageCache | undefined,
) => void;

function addTo(map: Map<string, Set<string>>, key: string, name: string) {
  let names = map.get(key);
  if (!names) {
    names = new Set();
    map.set(key, names);
  }
  names.add(name);
}

function removeFrom(map: Map<string, Set<string>>, key: string, name: string) {
  const names = map.get(key);
  if (names) {
    names.delete(name);
    if (names.size === 0) map.delete(key);
  }
}

function isNewer(candidate: ObservedImageCache, existing: ObservedImageCache) {
  const a = candidate.resourceVersion;
  const b = existing.resourceVersion;
  if (!a || !b || !/^\d+$/.test(a) || !/^\d+$/.test(b)) return true;
  return BigInt(a) >= BigInt(b);
}

/**
 * The ImageCaches of one cluster as last seen, indexed by owning entity (managed caches)
 * and by normalised image (unmanaged caches), so reads never touch the cluster.
 */
export class ImageCacheIndex {
  private readonly byName = new Map<string, ObservedImageCache>();
  private readonly managedByEntity = new Map<string, Set<string>>();
  private readonly byImage = new Map<string, Set<string>>();
  private readonly listeners: ImageCacheChangeListener[] = [];
  /** Change stamps per owner (`e:`) and per image (`i:`), for response caching. */
  private readonly stamps = new Map<string, number>();
  private clock = 0;

  onChange(listener: ImageCacheChangeListener): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.byName.size;
  }

  get(name: string): ObservedImageCache | undefined {
    return this.byName.get(name);
  }

  all(): IterableIterator<ObservedImageCache> {
    return this.byName.values();
  }

  /** Managed caches whose ownership names the entity. */
  managedBy(entityRef: string): ObservedImageCache[] {
    return Array.from(
      this.managedByEntity.get(entityRef) ?? [],
      name => this.byName.get(name)!,
    );
  }

  /** Entity refs that own at least one managed cache here. */
  owners(): IterableIterator<string> {
    return this.managedByEntity.keys();
  }

  /**
   * Caches not managed for `entityRef` that hold at least one of the images (normalised keys):
   * unmanaged ones and other entities' managed ones, which ECI's automatic matching may use.
   */
  othersWithAnyImage(
    entityRef: string,
    imageKeys: readonly string[],
  ): ObservedImageCache[] {
    const names = new Set<string>();
    for (const key of imageKeys) {
      for (const name of this.byImage.get(key) ?? []) names.add(name);
    }
    return Array.from(names, name => this.byName.get(name)!).filter(
      cache =>
        !cache.ownership.managed || cache.ownership.entityRef !== entityRef,
    );
  }

  /**
   * A value that changes whenever a cache shown for this entity changes: its managed
   * caches, or any cache holding one of its images.
   */
  stampFor(entityRef: string, imageKeys: readonly string[]): string {
    let stamp = `${this.stamps.get(`e:${entityRef}`) ?? 0}`;
    for (const key of imageKeys) stamp += `.${this.stamps.get(`i:${key}`) ?? 0}`;
    return stamp;
  }

  /** Adds or replaces one cache; an older resourceVersion than the one held is ignored. */
  upsert(cache: ObservedImageCache): void {
    const previous = this.byName.get(cache.name);
    if (previous && !isNewer(cache, previous)) return;
    if (previous) this.unindex(previous);
    this.byName.set(cache.name, cache);
    this.index(cache);
    this.notify(previous, cache);
  }

  remove(name: string): void {
    const previous = this.byName.get(name);
    if (!previous) return;
    this.unindex(previous);
    this.byName.delete(name);
    this.notify(previous, undefined);
  }

  /** Replaces the whole content after a (re)list, notifying only real changes. */
  replaceAll(caches: ObservedImageCache[]): void {
    const incoming = new Set(caches.map(cache => cache.name));
    for (const name of Array.from(this.byName.keys())) {
      if (!incoming.has(name)) this.remove(name);
    }
    for (const cache of caches) {
      const previous = this.byName.get(cache.name);
      if (previous && previous.resourceVersion === cache.resourceVersion) continue;
      if (previous) this.unindex(previous);
      this.byName.set(cache.name, cache);
      this.index(cache);
      this.notify(previous, cache);
    }
  }

  private stamp(cache: ObservedImageCache) {
    this.clock += 1;
    if (cache.ownership.managed && cache.ownership.entityRef) {
      this.stamps.set(`e:${cache.ownership.entityRef}`, this.clock);
    }
    for (const key of cache.imageKeys) this.stamps.set(`i:${key}`, this.clock);
  }

  private index(cache: ObservedImageCache) {
    this.stamp(cache);
    if (cache.ownership.managed && cache.ownership.entityRef) {
      addTo(this.managedByEntity, cache.ownership.entityRef, cache.name);
    }
    for (const key of cache.imageKeys) addTo(this.byImage, key, cache.name);
  }

  private unindex(cache: ObservedImageCache) {
    this.stamp(cache);
    if (cache.ownership.managed && cache.ownership.entityRef) {
      removeFrom(this.managedByEntity, cache.ownership.entityRef, cache.name);
    }
    for (const key of cache.imageKeys) removeFrom(this.byImage, key, cache.name);
  }

  private notify(
    previous: ObservedImageCache | undefined,
    current: ObservedImageCache | undefined,
  ) {
    for (const listener of this.listeners) {
      try {
        listener(previous, current);
      } catch {
        // a listener's failure must not break the cache
      }
    }
  }
}
