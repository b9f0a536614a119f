import type { StoreEvent } from './types';

/**
 * The retained window of recent changes across all resources, like etcd's
 * history before compaction. Watches and paged lists older than the window get 410.
 */
export class EventLog {
  private buffer: (StoreEvent | undefined)[];
  private head = 0;
  private count = 0;
  private compactedRv: number;

  constructor(capacity: number, startRv: number) {
    this.buffer = new Array(Math.max(1, capacity));
    this.compactedRv = startRv;
  }

  append(event: StoreEvent): void {
    if (this.count === this.buffer.length) {
      const evicted = this.buffer[this.head]!;
      this.compactedRv = evicted.rv;
      this.buffer[this.head] = event;
      this.head = (this.head + 1) % this.buffer.length;
    } else {
      this.buffer[(this.head + this.count) % this.buffer.length] = event;
      this.count++;
    }
  }

  /** Every resourceVersion at or above this one can still be watched from. */
  oldestWatchableRv(): number {
    return this.compactedRv;
  }

  /** Drops all retained history, as if etcd had just compacted. */
  compact(currentRv: number): void {
    this.buffer = new Array(this.buffer.length);
    this.head = 0;
    this.count = 0;
    this.compactedRv = currentRv;
  }

  /** Events newer than `rv`, oldest first; the caller checks `rv >= oldestWatchableRv()`. */
  since(rv: number, typeKey?: string): StoreEvent[] {
    const result: StoreEvent[] = [];
    // Binary search the first event with rv > given; the log is ordered by rv.
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.count; i++) {
      const event = this.at(i);
      if (typeKey === undefined || event.typeKey === typeKey)
        result.push(event);
    }
    return result;
  }

  size(): number {
    return this.count;
  }

  setCapacity(capacity: number): void {
    const retained = this.since(-1);
    const keep = retained.slice(Math.max(0, retained.length - capacity));
    if (keep.length < retained.length)
      this.compactedRv = retained[retained.length - keep.length - 1].rv;
    this.buffer = new Array(Math.max(1, capacity));
    this.head = 0;
    this.count = 0;
    for (const event of keep) this.append(event);
  }

  private at(index: number): StoreEvent {
    return this.buffer[(this.head + index) % this.buffer.length]!;
  }
}
