import { LoggerService } from '@backstage/backend-plugin-api';
import { ImageCacheApi, RawImageCache } from './ImageCacheApi';
import { ImageCacheIndex } from './ImageCacheIndex';
import { ListWatch, ListWatchOptions, SyncState } from './ListWatch';
import { observeImageCache } from './ObservedImageCache';

export type { SyncState, SyncStateName } from './ListWatch';
export type InformerOptions = ListWatchOptions;

/**
 * One list+watch of all ImageCaches of a cluster, feeding an {@link ImageCacheIndex}.
 * Resumes from the last resourceVersion, lists again on 410 Gone and reconnects with backoff.
 */
export class ImageCacheInformer {
  readonly index = new ImageCacheIndex();
  private readonly listWatch: ListWatch<RawImageCache>;

  constructor(
    private readonly api: ImageCacheApi,
    logger: LoggerService,
    options: InformerOptions = {},
  ) {
    const observe = (raw: RawImageCache) =>
      observeImageCache(this.cluster, raw);
    this.listWatch = new ListWatch(
      api.clusterName,
      {
        description: 'ImageCaches',
        list: (limit, continueToken) => api.list({ limit, continueToken }),
        watch: (resourceVersion, onEvent, done, signal) =>
          api.watch(resourceVersion, onEvent, done, signal),
        replaced: items => this.index.replaceAll(items.map(observe)),
        upserted: raw => this.index.upsert(observe(raw)),
        deleted: raw => {
          if (raw?.metadata?.name) this.index.remove(raw.metadata.name);
        },
        explain: error => {
          if (error.name === 'NotFoundError') {
            error.message +=
              ' (is the ImageCache CRD imagecaches.eci.alibabacloud.com installed? It comes with the ack-virtual-node component)';
          }
        },
      },
      logger,
      options,
    );
  }

  get cluster(): string {
    return this.api.clusterName;
  }

  get state(): SyncState {
    return this.listWatch.state;
  }

  start(): void {
    this.listWatch.start();
  }

  stop(): Promise<void> {
    return this.listWatch.stop();
  }

  /** Resolves once the first list completed (or after `timeoutMs`). */
  waitForFirstSync(timeoutMs: number): Promise<void> {
    return this.listWatch.waitForFirstSync(timeoutMs);
  }

  /** Applies the result of our own write at once, before its watch event arrives. */
  applyWrite(raw: RawImageCache): void {
    this.index.upsert(observeImageCache(this.cluster, raw));
  }

  applyDelete(name: string): void {
    this.index.remove(name);
  }
}
