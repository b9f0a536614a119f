import { HistoryEntry } from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheStore } from './EciImageCacheStore';

const MAX_ENTITIES = 5_000;

/**
 * The newest history entries per entity, kept for `maxAgeMs`. A history write of this
 * process drops the entity's copy at once; writes of other replicas (only the reconciler's,
 * as every replica records what its own watch sees) show up after at most `maxAgeMs`.
 */
export class HistoryCache {
  private readonly entries = new Map<
    string,
    { loadedAt: number; history: Promise<HistoryEntry[]> }
  >();

  constructor(
    private readonly store: EciImageCacheStore,
    private readonly limit: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    store.onHistoryWrite(entityRef => this.entries.delete(entityRef));
  }

  get(entityRef: string): Promise<HistoryEntry[]> {
    const cached = this.entries.get(entityRef);
    if (cached && this.now() - cached.loadedAt < this.maxAgeMs) {
      return cached.history;
    }
    if (this.entries.size >= MAX_ENTITIES) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    // Unchanged history keeps its array, so that responses built from it can be reused.
    const history = this.store
      .listHistory(entityRef, this.limit)
      .then(async fresh => {
        const previous = await cached?.history.catch(() => undefined);
        return previous && JSON.stringify(previous) === JSON.stringify(fresh)
          ? previous
          : fresh;
      });
    const entry = { loadedAt: this.now(), history };
    this.entries.set(entityRef, entry);
    history.catch(() => {
      if (this.entries.get(entityRef) === entry) this.entries.delete(entityRef);
    });
    return history;
  }
}
