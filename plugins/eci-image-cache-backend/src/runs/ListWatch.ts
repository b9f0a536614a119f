import { LoggerService } from '@backstage/backend-plugin-api';
import {
  kubernetesStatusCode,
  mapKubernetesError,
} from '../cluster/kubernetesErrors';

const MIN_HEALTHY_WATCH_MS = 1_000;

/** One page of a Kubernetes list. */
export interface ListPage<T> {
  items: T[];
  resourceVersion: string;
  continueToken?: string;
}

/** How to list and watch one kind of object, and where the objects go. */
export interface ListWatchSource<T> {
  /** What is watched, for logs and errors (e.g. `pods in argo`). */
  description: string;
  list(limit: number, continueToken?: string): Promise<ListPage<T>>;
  /** Starts a watch from `resourceVersion`; `done` is called once when it ends. */
  watch(
    resourceVersion: string,
    onEvent: (type: string, object: any) => void,
    done: (error: unknown) => void,
  ): Promise<AbortController>;
  /** The complete content after a (re)list. */
  replaced(items: T[]): void;
  upserted(item: T): void;
  deleted(item: T): void;
}

/**
 * A list+watch loop: lists once, then watches from the list's resourceVersion, resumes after
 * the server closes the stream, lists again on 410 Gone and backs off after failures.
 */
export class ListWatch<T> {
  private resourceVersion = '';
  private stopped = true;
  private controller: AbortController | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private wakeSleep: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private backoffMs: number;
  private lastError: Error | undefined;
  private synced = false;

  constructor(
    private readonly cluster: string,
    private readonly source: ListWatchSource<T>,
    private readonly logger: LoggerService,
    private readonly options: {
      pageSize: number;
      initialBackoffMs: number;
      maxBackoffMs: number;
    } = { pageSize: 500, initialBackoffMs: 500, maxBackoffMs: 30_000 },
  ) {
    this.backoffMs = options.initialBackoffMs;
  }

  /** The error of the last failed attempt, until a watch is established again. */
  get error(): Error | undefined {
    return this.lastError;
  }

  get isSynced(): boolean {
    return this.synced;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller?.abort();
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wakeSleep?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        if (!this.resourceVersion) await this.listAll();
        const startedAt = Date.now();
        const { gone, error } = await this.watchOnce();
        if (gone) {
          this.resourceVersion = '';
          continue;
        }
        if (error && !this.stopped) throw error;
        if (Date.now() - startedAt < MIN_HEALTHY_WATCH_MS && !this.stopped) {
          await this.backOff();
        }
      } catch (error) {
        if (this.stopped) break;
        if (kubernetesStatusCode(error) === 410) {
          this.resourceVersion = '';
          continue;
        }
        this.lastError = mapKubernetesError(
          error,
          this.cluster,
          `watching ${this.source.description}`,
        );
        this.logger.warn(
          `${this.lastError.message}; retrying in ${this.backoffMs} ms`,
        );
        await this.backOff();
      }
    }
  }

  private async listAll(): Promise<void> {
    const items: T[] = [];
    let continueToken: string | undefined;
    let resourceVersion = '';
    do {
      const page = await this.source.list(this.options.pageSize, continueToken);
      items.push(...page.items);
      continueToken = page.continueToken;
      resourceVersion = page.resourceVersion;
    } while (continueToken && !this.stopped);
    this.source.replaced(items);
    this.resourceVersion = resourceVersion;
  }

  private async watchOnce(): Promise<{ gone: boolean; error?: unknown }> {
    let gone = false;
    let finish: (error: unknown) => void = () => {};
    const ended = new Promise<unknown>(resolve => {
      finish = resolve;
    });
    let endedEarly = false;
    this.controller = await this.source.watch(
      this.resourceVersion,
      (type, object) => {
        if (type === 'ERROR') {
          if (object?.code === 410) {
            gone = true;
            this.controller?.abort();
          }
          return;
        }
        if (type === 'ADDED' || type === 'MODIFIED')
          this.source.upserted(object);
        else if (type === 'DELETED') this.source.deleted(object);
        const version = object?.metadata?.resourceVersion;
        if (version) this.resourceVersion = String(version);
      },
      error => {
        endedEarly = true;
        finish(error);
      },
    );
    if (!endedEarly && !this.stopped) {
      this.backoffMs = this.options.initialBackoffMs;
      this.lastError = undefined;
      this.synced = true;
    }
    const error = await ended;
    if (gone || kubernetesStatusCode(error) === 410) return { gone: true };
    // The client reports its inactivity timeout as TimeoutError: resume at once.
    if ((error as { name?: string })?.name === 'TimeoutError') {
      return { gone: false };
    }
    return { gone: false, error: error ?? undefined };
  }

  private backOff(): Promise<void> {
    const ms = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
    return new Promise(resolve => {
      this.wakeSleep = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
      this.sleepTimer.unref();
    });
  }
}
