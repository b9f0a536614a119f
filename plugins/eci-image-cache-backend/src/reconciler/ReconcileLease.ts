import { randomUUID } from 'node:crypto';
import { EciImageCacheStore } from '../database/EciImageCacheStore';

const LEASE_NAME = 'reconciler';
const RETRY_MS = 50;

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

export type LeaseOutcome<T> = { acquired: true; value: T } | { acquired: false };

/**
 * The one lock every write of ImageCaches runs under, across replicas: the scheduled pass,
 * the reconcile a command triggers and a requested delete. In-process callers queue; the
 * process then takes the lease row in the database and renews it while the work runs.
 */
export class ReconcileLease {
  readonly holder = randomUUID();
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EciImageCacheStore,
    // Renewed every third of it while the work runs; short, so that a replica that died holding
    // the lease (no release) delays the others by seconds, as Kubernetes' leader election does.
    private readonly ttlMs = 15_000,
  ) {}

  /** Runs `work` holding the lease, waiting up to `waitMs` for it; `acquired: false` if it never came. */
  async run<T>(work: () => Promise<T>, waitMs: number): Promise<LeaseOutcome<T>> {
    const deadline = Date.now() + waitMs;
    let releaseLocal!: () => void;
    const mine = new Promise<void>(resolve => {
      releaseLocal = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => mine);
    try {
      const localTurn = await Promise.race([
        previous.then(() => true),
        sleep(waitMs).then(() => false),
      ]);
      if (!localTurn) {
        // Give up our place only after the work before us is done, so the queue stays in order.
        previous.then(releaseLocal);
        return { acquired: false };
      }
      if (!(await this.acquire(deadline))) return { acquired: false };
      const renewal = setInterval(() => {
        this.store
          .tryAcquireLease(LEASE_NAME, this.holder, this.ttlMs)
          .catch(() => undefined);
      }, this.ttlMs / 3);
      renewal.unref();
      try {
        return { acquired: true, value: await work() };
      } finally {
        clearInterval(renewal);
        await this.store.releaseLease(LEASE_NAME, this.holder).catch(() => undefined);
      }
    } finally {
      releaseLocal();
    }
  }

  private async acquire(deadline: number): Promise<boolean> {
    for (;;) {
      if (await this.store.tryAcquireLease(LEASE_NAME, this.holder, this.ttlMs)) {
        return true;
      }
      if (Date.now() + RETRY_MS > deadline) return false;
      await sleep(RETRY_MS);
    }
  }
}
