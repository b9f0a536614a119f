import { ServiceUnavailableError } from '@backstage/errors';

/**
 * Token bucket: at most `perMinute` writes in any minute, refilled continuously.
 * Waiters are served in arrival order.
 */
export class WriteRateLimiter {
  private tokens: number;
  private lastRefill: number;
  private readonly waiters: Array<{ grant: () => void }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = perMinute;
    this.lastRefill = now();
  }

  /** Takes a token if one is available right now. */
  tryAcquire(): boolean {
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }

  /** Waits up to `timeoutMs` for a token; rejects with 503 when none became available. */
  acquire(timeoutMs: number, what: string): Promise<void> {
    if (this.tryAcquire()) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter = { grant: () => {}, timer: undefined as NodeJS.Timeout | undefined };
      waiter.timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index !== -1) this.waiters.splice(index, 1);
        reject(
          new ServiceUnavailableError(
            `${what}: the write limit of ${this.perMinute} ImageCache writes per minute is reached; try again shortly`,
          ),
        );
      }, timeoutMs);
      waiter.grant = () => {
        clearTimeout(waiter.timer);
        resolve();
      };
      this.waiters.push(waiter);
      this.schedule();
    });
  }

  /** Tokens available now (for status and tests). */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.lastRefill);
    this.lastRefill = now;
    this.tokens = Math.min(
      this.perMinute,
      this.tokens + (elapsed * this.perMinute) / 60_000,
    );
  }

  private schedule(): void {
    if (this.timer || this.waiters.length === 0) return;
    const wait = Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.waiters.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.waiters.shift()!.grant();
      }
      this.schedule();
    }, Math.max(1, wait));
    this.timer.unref();
  }
}
