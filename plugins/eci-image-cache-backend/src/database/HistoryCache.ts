import { HistoryEntry } from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheStore } from './EciImageCacheStore';

const MAX_ENTITIES = 5_000;

interface Entry {
  loadedAt: number;
  history: Promise<HistoryEntry[]>;
  refreshing: boolean;
}

/**
 * The newest history entries per entity, kept for `maxAgeMs`. A history write of this
 * process drops the entity's copy at once; writes of other replicas (only the reconciler's,
 * as every replica records what its own watch sees) show up after at most `maxAgeMs` and one re-read.
 */
export class HistoryCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: EciImageCacheStore,
    private readonly limit: number,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    store.onHistoryWrite(entityRef => this.entries.delete(entityRef));
  }

  /**
   * The entity's copy; once older than `maxAgeMs` it is still served while a re-read runs in
   * the background, so that no entity read waits for the database.
   */
  get(entityRef: string): Promise<HistoryEntry[]> {
    const cached = this.entries.get(entityRef);
    if (!cached) return this.load(entityRef);
    if (!cached.refreshing && this.now() - cached.loadedAt >= this.maxAgeMs) {
      this.refresh(entityRef, cached);
    }
    return cached.history;
  }

  private load(entityRef: string): Promise<HistoryEntry[]> {
    if (this.entries.size >= MAX_ENTITIES) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    const entry: Entry = {
      loadedAt: this.now(),
      history: this.store.listHistory(entityRef, this.limit),
      refreshing: false,
    };
    this.entries.set(entityRef, entry);
    entry.history.catch(() => {
      if (this.entries.get(entityRef) === entry) this.entries.delete(entityRef);
    });
    return entry.history;
  }

  private refresh(entityRef: string, cached: Entry): void {
    cached.refreshing = true;
    const loadedAt = this.now();
    this.store.listHistory(entityRef, this.limit).then(
      async fresh => {
        // Dropped by a write meanwhile: the next read loads what that write left.
        if (this.entries.get(entityRef) !== cached) return;
        const previous = await cached.history;
        // Unchanged history keeps its array, so that responses built from it can be reused.
        const history =
          JSON.stringify(previous) === JSON.stringify(fresh) ? previous : fresh;
        this.entries.set(entityRef, {
          loadedAt,
          history: Promise.resolve(history),
          refreshing: false,
        });
      },
      () => {
        cached.refreshing = false;
      },
    );
  }
}
