import type { TimerId } from './Clock';

interface Timer {
  id: TimerId;
  due: number;
  seq: number;
  callback: () => void;
}

/** A binary min-heap of timers ordered by due time, then by scheduling order. */
export class TimerQueue {
  private heap: Timer[] = [];
  private cancelled = new Set<TimerId>();
  private live = new Set<TimerId>();
  private nextId = 1;
  private seq = 0;

  add(due: number, callback: () => void): TimerId {
    const id = this.nextId++;
    this.live.add(id);
    this.heap.push({ id, due, seq: this.seq++, callback });
    this.siftUp(this.heap.length - 1);
    return id;
  }

  cancel(id: TimerId): void {
    if (this.live.delete(id)) this.cancelled.add(id);
  }

  /** Due time of the earliest live timer. */
  peekDue(): number | undefined {
    this.dropCancelledHead();
    return this.heap[0]?.due;
  }

  /** Removes and returns the earliest live timer if it is due at or before `time`. */
  popDue(time: number): Timer | undefined {
    this.dropCancelledHead();
    const head = this.heap[0];
    if (!head || head.due > time) return undefined;
    this.removeHead();
    this.live.delete(head.id);
    return head;
  }

  size(): number {
    return this.live.size;
  }

  clear(): void {
    this.heap = [];
    this.cancelled.clear();
    this.live.clear();
  }

  private dropCancelledHead(): void {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.removeHead();
    }
  }

  private removeHead(): void {
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.siftDown(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i], this.heap[parent])) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (
        left < this.heap.length &&
        this.less(this.heap[left], this.heap[smallest])
      )
        smallest = left;
      if (
        right < this.heap.length &&
        this.less(this.heap[right], this.heap[smallest])
      )
        smallest = right;
      if (smallest === i) return;
      [this.heap[i], this.heap[smallest]] = [this.heap[smallest], this.heap[i]];
      i = smallest;
    }
  }
}
