import type { Clock, TimerId } from './Clock';
import { TimerQueue } from './TimerQueue';

/** A clock that only moves when {@link ManualClock.advance} is called. Deterministic. */
export class ManualClock implements Clock {
  readonly scale = 0;
  readonly manual = true;
  private current: number;
  private readonly timers = new TimerQueue();

  constructor(startAt: number = Date.UTC(2025, 0, 1)) {
    this.current = startAt;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void): TimerId {
    return this.timers.add(this.current + Math.max(0, delayMs), callback);
  }

  setTimerAt(at: number, callback: () => void): TimerId {
    return this.timers.add(Math.max(this.current, at), callback);
  }

  clearTimer(id: TimerId): void {
    this.timers.cancel(id);
  }

  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (
      let timer = this.timers.popDue(target);
      timer;
      timer = this.timers.popDue(target)
    ) {
      this.current = Math.max(this.current, timer.due);
      timer.callback();
    }
    this.current = target;
  }

  /** Advances to the next pending timer and fires it; returns false when none is pending. */
  step(): boolean {
    const due = this.timers.peekDue();
    if (due === undefined) return false;
    this.advance(due - this.current);
    return true;
  }

  pendingTimers(): number {
    return this.timers.size();
  }

  dispose(): void {
    this.timers.clear();
  }
}
