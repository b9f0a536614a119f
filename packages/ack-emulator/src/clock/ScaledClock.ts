import type { Clock, TimerId } from './Clock';
import { TimerQueue } from './TimerQueue';

// Node timers overflow above 2^31-1 ms; long simulated delays are re-armed in chunks.
const MAX_REAL_DELAY_MS = 60 * 60 * 1000;

/**
 * The wall clock, with simulated delays compressed `scale` times: a 60 s image
 * pull at scale 20 completes after 3 s of real time. Timestamps stay on the
 * wall clock (offset by `startAt` and by `advance()`), so clients that compare
 * them with their own clock (the portal's "updated 5 s ago", "expires in 7
 * days") see sensible values, also across restarts with a state file.
 */
export class ScaledClock implements Clock {
  readonly manual = false;
  private readonly realStart = performance.now();
  private offset = 0;
  private readonly timers = new TimerQueue();
  private handle: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    readonly scale: number = 1,
    private readonly startAt: number = Date.now(),
  ) {
    if (!(scale > 0)) throw new Error('time scale must be a positive number');
  }

  now(): number {
    return Math.floor(
      this.startAt + (performance.now() - this.realStart) + this.offset,
    );
  }

  setTimer(delayMs: number, callback: () => void): TimerId {
    const id = this.timers.add(
      this.now() + Math.max(0, delayMs) / this.scale,
      callback,
    );
    this.arm();
    return id;
  }

  setTimerAt(at: number, callback: () => void): TimerId {
    const id = this.timers.add(at, callback);
    this.arm();
    return id;
  }

  clearTimer(id: TimerId): void {
    this.timers.cancel(id);
  }

  advance(ms: number): void {
    this.offset += Math.max(0, ms);
    this.fireDue();
  }

  pendingTimers(): number {
    return this.timers.size();
  }

  dispose(): void {
    this.disposed = true;
    this.timers.clear();
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
  }

  private fireDue(): void {
    for (
      let timer = this.timers.popDue(this.now());
      timer;
      timer = this.timers.popDue(this.now())
    ) {
      timer.callback();
    }
    this.arm();
  }

  private arm(): void {
    if (this.disposed) return;
    if (this.handle) clearTimeout(this.handle);
    this.handle = undefined;
    const due = this.timers.peekDue();
    if (due === undefined) return;
    const realDelay = Math.min(
      MAX_REAL_DELAY_MS,
      Math.max(0, due - this.now()),
    );
    this.handle = setTimeout(() => {
      this.handle = undefined;
      this.fireDue();
    }, Math.ceil(realDelay));
    this.handle.unref();
  }
}
