import { LoggerService } from '@backstage/backend-plugin-api';
import { ImageCacheApi, RawImageCache } from './ImageCacheApi';
import { ImageCacheIndex } from './ImageCacheIndex';
import { kubernetesStatusCode, mapKubernetesError } from './kubernetesErrors';
import { observeImageCache } from './ObservedImageCache';

const MIN_HEALTHY_WATCH_MS = 1_000;

export type SyncStateName = 'syncing' | 'synced' | 'error';

export interface SyncState {
  state: SyncStateName;
  /** Why the cluster is not synced. */
  message?: string;
  /** When the cluster entered this state (ISO 8601). */
  since: string;
  /** The Backstage error behind an `error` state. */
  error?: Error;
}

export interface InformerOptions {
  pageSize?: number;
  /** First reconnect delay after a failure; doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

interface WatchOutcome {
  /** The server no longer has our resourceVersion (410 Gone): list again. */
  gone: boolean;
  error?: unknown;
}

/**
 * One list+watch of all ImageCaches of a cluster, feeding an {@link ImageCacheIndex}.
 * Resumes from the last resourceVersion, lists again on 410 Gone and reconnects with backoff.
 */
export class ImageCacheInformer {
  readonly index = new ImageCacheIndex();
  private syncState: SyncState = {
    state: 'syncing',
    since: new Date().toISOString(),
  };
  private resourceVersion = '';
  private stopped = true;
  /** Aborts the current watch; assigned before anything is awaited, so `stop()` always reaches it. */
  private currentWatch: AbortController | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private wakeSleep: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private backoffMs: number;
  private readonly firstSyncWaiters: Array<() => void> = [];
  private readonly pageSize: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly api: ImageCacheApi,
    private readonly logger: LoggerService,
    options: InformerOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.backoffMs = this.initialBackoffMs;
  }

  get cluster(): string {
    return this.api.clusterName;
  }

  get state(): SyncState {
    return this.syncState;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.currentWatch?.abort();
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wakeSleep?.();
    await this.loop;
  }

  /** Resolves once the first list completed (or after `timeoutMs`). */
  waitForFirstSync(timeoutMs: number): Promise<void> {
    if (this.syncState.state === 'synced' || this.resourceVersion) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.firstSyncWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Applies the result of our own write at once, before its watch event arrives. */
  applyWrite(raw: RawImageCache): void {
    this.index.upsert(observeImageCache(this.cluster, raw));
  }

  applyDelete(name: string): void {
    this.index.remove(name);
  }

  private setState(state: SyncStateName, error?: Error) {
    if (
      this.syncState.state === state &&
      this.syncState.message === error?.message
    ) {
      return;
    }
    this.syncState = { state, since: new Date().toISOString() };
    if (error) {
      this.syncState.message = error.message;
      this.syncState.error = error;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.resourceVersion) {
          if (this.syncState.state !== 'error') this.setState('syncing');
          await this.listAll();
          for (const waiter of this.firstSyncWaiters.splice(0)) waiter();
        }
        const startedAt = Date.now();
        const outcome = await this.watchOnce();
        if (outcome.gone) {
          this.resourceVersion = '';
          continue;
        }
        if (outcome.error && !this.stopped) {
          throw outcome.error;
        }
        // A server that keeps closing streams at once must not make us spin.
        if (Date.now() - startedAt < MIN_HEALTHY_WATCH_MS && !this.stopped) {
          await this.sleep(this.backoffMs);
          this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
        }
      } catch (error) {
        if (this.stopped) break;
        if (kubernetesStatusCode(error) === 410) {
          this.resourceVersion = '';
          continue;
        }
        const mapped = mapKubernetesError(error, this.cluster, 'watching ImageCaches');
        if (mapped.name === 'NotFoundError') {
          mapped.message += ' (is the ImageCache CRD imagecaches.eci.alibabacloud.com installed? It comes with the ack-virtual-node component)';
        }
        this.setState('error', mapped);
        this.logger.warn(`${mapped.message}; retrying in ${this.backoffMs} ms`);
        await this.sleep(this.backoffMs);
        this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
      }
    }
  }

  private async listAll(): Promise<void> {
    const items = [];
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.api.list({ limit: this.pageSize, continueToken });
      for (const raw of page.items) {
        items.push(observeImageCache(this.cluster, raw));
      }
      continueToken = page.continueToken;
      resourceVersion = page.resourceVersion;
    } while (continueToken && !this.stopped);
    this.index.replaceAll(items);
    this.resourceVersion = resourceVersion;
  }

  private async watchOnce(): Promise<WatchOutcome> {
    const abort = new AbortController();
    this.currentWatch = abort;
    let gone = false;
    let hasEnded = false;
    let finish: (error: unknown) => void = () => {};
    const ended = new Promise<unknown>(resolve => {
      finish = error => {
        hasEnded = true;
        resolve(error);
      };
    });
    // Stopping (or a 410 event) ends this watch at once, even before it has connected.
    abort.signal.addEventListener('abort', () => finish(undefined), { once: true });
    this.api
      .watch(
        this.resourceVersion,
        (type: string, object: any) => {
          if (type === 'ERROR') {
            if (object?.code === 410) {
              gone = true;
              abort.abort();
            }
            return;
          }
          const resourceVersion = object?.metadata?.resourceVersion;
          if (type === 'ADDED' || type === 'MODIFIED') {
            this.index.upsert(observeImageCache(this.cluster, object));
          } else if (type === 'DELETED' && object?.metadata?.name) {
            this.index.remove(object.metadata.name);
          }
          if (resourceVersion) this.resourceVersion = String(resourceVersion);
        },
        error => finish(error),
        abort.signal,
      )
      .then(
        () => {
          if (!hasEnded && !this.stopped) {
            this.backoffMs = this.initialBackoffMs;
            this.setState('synced');
          }
        },
        error => finish(error),
      );
    const error = await ended;
    abort.abort();
    if (gone || kubernetesStatusCode(error) === 410) {
      return { gone: true };
    }
    // The client reports its inactivity timeout as TimeoutError: resume at once.
    if ((error as { name?: string })?.name === 'TimeoutError') {
      return { gone: false };
    }
    return { gone: false, error: error ?? undefined };
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      this.wakeSleep = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
      this.sleepTimer.unref();
    });
  }
}
