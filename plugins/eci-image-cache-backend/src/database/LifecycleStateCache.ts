import { SavedEntitySettings } from '@eci-portal/plugin-eci-image-cache-common';
import {
  CacheIntent,
  EciImageCacheStore,
  OrphanMark,
  RetryState,
} from './EciImageCacheStore';

/** Everything small the plugin keeps per entity: read in full, a few rows per entity. */
export interface LifecycleState {
  settings: Map<string, SavedEntitySettings>;
  /** By `${cluster}\n${entityRef}`. */
  revisions: Map<string, number>;
  /** The last cache command per `${cluster}\n${entityRef}`. */
  intents: Map<string, CacheIntent>;
  retries: RetryState[];
  orphanMarks: OrphanMark[];
  retriesByEntity: Map<string, RetryState[]>;
  orphanMarksByEntity: Map<string, OrphanMark[]>;
}

function byEntity<T extends { entityRef: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.entityRef);
    if (list) list.push(row);
    else grouped.set(row.entityRef, [row]);
  }
  return grouped;
}

/**
 * A short-lived copy of the settings, revisions and intents, retry plans and orphan marks, so entity
 * reads cost no database round trip. Writes of this process invalidate it at once; writes
 * of other replicas are seen after at most `maxAgeMs` and one re-read.
 */
export class LifecycleStateCache {
  private state: LifecycleState | undefined;
  private loadedAt = 0;
  private loading: { generation: number; promise: Promise<LifecycleState> } | undefined;
  private generation = 0;

  constructor(
    private readonly store: EciImageCacheStore,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    store.onWrite(() => this.invalidate());
  }

  /**
   * The copy at hand. Once older than `maxAgeMs` it is still served while a re-read runs in
   * the background, so that no entity read waits for the database; after a write of this
   * process there is no copy and the read waits.
   */
  async get(): Promise<LifecycleState> {
    if (!this.state) return this.load();
    if (this.now() - this.loadedAt >= this.maxAgeMs) {
      this.load().catch(() => undefined);
    }
    return this.state;
  }

  /** Reads everything now (the reconciler wants current data) and keeps it. */
  async load(): Promise<LifecycleState> {
    if (this.loading?.generation === this.generation) {
      return this.loading.promise;
    }
    const entry = {
      generation: this.generation,
      promise: Promise.resolve() as unknown as Promise<LifecycleState>,
    };
    entry.promise = this.read(entry.generation, this.now()).finally(() => {
      if (this.loading === entry) this.loading = undefined;
    });
    this.loading = entry;
    return entry.promise;
  }

  /** Reads everything with a query started now, never joining an earlier read (for the lease holder). */
  async readNow(): Promise<LifecycleState> {
    return this.read(this.generation, this.now());
  }

  private async read(generation: number, startedAt: number): Promise<LifecycleState> {
    const [settings, revisions, intents, retries, orphanMarks] = await Promise.all([
      this.store.listSettings(),
      this.store.listRevisions(),
      this.store.listIntents(),
      this.store.listRetries(),
      this.store.listOrphanMarks(),
    ]);
    const state: LifecycleState = {
      settings,
      revisions,
      intents,
      retries,
      orphanMarks,
      retriesByEntity: byEntity(retries),
      orphanMarksByEntity: byEntity(orphanMarks),
    };
    // A write during the read may be missing from it: keep it only if none happened.
    if (generation === this.generation) {
      this.state = state;
      this.loadedAt = startedAt;
    }
    return state;
  }

  /** Forgets the copy; the store calls it after every write of this process. */
  invalidate(): void {
    this.generation += 1;
    this.state = undefined;
  }
}
