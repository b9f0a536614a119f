/** Identifies a timer scheduled on a {@link Clock}. */
export type TimerId = number;

/**
 * Simulated time. Every timestamp the emulator writes and every delay of the
 * ECI/Argo simulation comes from this clock, so tests can step it.
 */
export interface Clock {
  /** Simulated wall-clock time in epoch milliseconds. */
  now(): number;
  /** Runs `callback` once `delayMs` of simulated time has passed. */
  setTimer(delayMs: number, callback: () => void): TimerId;
  /**
   * Runs `callback` once the clock reads `at`. Deadlines written into objects
   * (an `expireDateTime`) use this: the time scale compresses simulated work,
   * never a date a client can read and compare with its own clock.
   */
  setTimerAt(at: number, callback: () => void): TimerId;
  clearTimer(id: TimerId): void;
  /** Jumps simulated time forward, firing due timers in order. */
  advance(ms: number): void;
  /** Simulated milliseconds per real millisecond (0 for a manual clock). */
  readonly scale: number;
  readonly manual: boolean;
  /** Number of timers not yet fired. */
  pendingTimers(): number;
  /** Cancels all timers and stops any real-time scheduling. */
  dispose(): void;
}
