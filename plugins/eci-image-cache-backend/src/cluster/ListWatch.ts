import { LoggerService } from '@backstage/backend-plugin-api';
import { Watch } from '@kubernetes/client-node';
import { kubernetesStatusCode, mapKubernetesError } from './kubernetesErrors';

const MIN_HEALTHY_WATCH_MS = 1_000;

export type SyncStateName = 'syncing' | 'synced' | 'error';

export interface SyncState {
  state: SyncStateName;
  /** Why the watch is not synced. */
  message?: string;
  /** When the watch entered this state (ISO 8601). */
  since: string;
  /** The Backstage error behind an `error` state. */
  error?: Error;
}

/** One page of a Kubernetes list. */
export interface ListPage<T> {
  items: T[];
  resourceVersion: string;
  continueToken?: string;
}

export type WatchEventHandler = (type: string, object: any) => void;

/** How to list and watch one kind of object, and where the objects go. */
export interface ListWatchSource<T> {
  /** What is watched, for logs and errors (e.g. `ImageCaches`, `pods in namespace argo`). */
  description: string;
  list(limit: number, continueToken?: string): Promise<ListPage<T>>;
  /**
   * Starts a watch from `resourceVersion`; resolves once connected. `done` is called when the
   * stream ends; aborting `signal` ends it.
   */
  watch(
    resourceVersion: string,
    onEvent: WatchEventHandler,
    done: (error: unknown) => void,
    signal: AbortSignal,
  ): Promise<void>;
  /** The complete content after a (re)list. */
  replaced(items: T[]): void;
  upserted(object: any): void;
  deleted(object: any): void;
  /** Adds advice to the error of a failed attempt (e.g. a missing CRD). */
  explain?(error: Error): void;
}

export interface ListWatchOptions {
  pageSize?: number;
  /** First reconnect delay after a failure; doubles up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/** A watch of `path` with the client's `Watch` that ends when `signal` is aborted. */
export async function watchUntilAborted(
  watcher: Watch,
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  onEvent: WatchEventHandler,
  done: (error: unknown) => void,
  signal: AbortSignal,
): Promise<void> {
  const controller = await watcher.watch(path, query, onEvent, done);
  if (signal.aborted) {
    controller.abort();
  } else {
    signal.addEventListener('abort', () => controller.abort(), { once: true });
  }
}

/**
 * The list+watch loop of every watch cache: lists in pages, then watches from the list's
 * resourceVersion, resumes after the server closes the stream, lists again on 410 Gone and
 * reconnects with backoff after failures, reporting its {@link SyncState}.
 */
export class ListWatch<T> {
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
    private readonly cluster: string,
    private readonly source: ListWatchSource<T>,
    private readonly logger: LoggerService,
    options: ListWatchOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 500;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
    this.backoffMs = this.initialBackoffMs;
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
          await this.backOff();
        }
      } catch (error) {
        if (this.stopped) break;
        if (kubernetesStatusCode(error) === 410) {
          this.resourceVersion = '';
          continue;
        }
        const mapped = mapKubernetesError(
          error,
          this.cluster,
          `watching ${this.source.description}`,
        );
        this.source.explain?.(mapped);
        this.setState('error', mapped);
        this.logger.warn(`${mapped.message}; retrying in ${this.backoffMs} ms`);
        await this.backOff();
      }
    }
  }

  private async listAll(): Promise<void> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.source.list(this.pageSize, continueToken);
      items.push(...page.items);
      continueToken = page.continueToken;
      resourceVersion = page.resourceVersion;
    } while (continueToken && !this.stopped);
    this.source.replaced(items);
    this.resourceVersion = resourceVersion;
  }

  private async watchOnce(): Promise<{ gone: boolean; error?: unknown }> {
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
    abort.signal.addEventListener('abort', () => finish(undefined), {
      once: true,
    });
    this.source
      .watch(
        this.resourceVersion,
        (type, object) => {
          if (type === 'ERROR') {
            if (object?.code === 410) {
              gone = true;
              abort.abort();
            }
            return;
          }
          if (type === 'ADDED' || type === 'MODIFIED') {
            this.source.upserted(object);
          } else if (type === 'DELETED') {
            this.source.deleted(object);
          }
          const version = object?.metadata?.resourceVersion;
          if (version) this.resourceVersion = String(version);
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

  private backOff(): Promise<void> {
    const ms = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    return new Promise(resolve => {
      this.wakeSleep = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
      this.sleepTimer.unref();
    });
  }
}
