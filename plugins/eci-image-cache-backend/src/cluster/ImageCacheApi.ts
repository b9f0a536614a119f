import {
  ConfigurationOptions,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  Observable,
  ObservableMiddleware,
  RequestContext,
  ResponseContext,
  Watch,
} from '@kubernetes/client-node';
import { ImageCache } from '@eci-portal/plugin-eci-image-cache-common';
import { mapKubernetesError } from './kubernetesErrors';
import { watchUntilAborted } from './ListWatch';
import { WriteRateLimiter } from './WriteRateLimiter';

const GROUP = 'eci.alibabacloud.com';
const VERSION = 'v1';
const PLURAL = 'imagecaches';
const WATCH_PATH = `/apis/${GROUP}/${VERSION}/${PLURAL}`;

/** An ImageCache as returned by the API server; only the shape we read is typed. */
export type RawImageCache = ImageCache & {
  metadata: ImageCache['metadata'] & { deletionTimestamp?: string };
};

export interface ImageCacheListPage {
  items: RawImageCache[];
  resourceVersion: string;
  continueToken?: string;
}

/** How writes wait for the per-cluster write limit: block up to the timeout, or skip when none is free. */
export type WriteMode = 'wait' | 'skip-if-limited';

/** Thrown by writes in `skip-if-limited` mode when the write budget of the minute is used up. */
export class WriteLimitReachedError extends Error {
  name = 'WriteLimitReachedError' as const;
}

/** Request options that abort a request after `timeoutMs`. */
export function timeoutOptions(timeoutMs: number): ConfigurationOptions<ObservableMiddleware> {
  return {
    middleware: [
      {
        pre: (context: RequestContext) => {
          context.setSignal(AbortSignal.timeout(timeoutMs));
          return new Observable(Promise.resolve(context));
        },
        post: (response: ResponseContext) =>
          new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

/**
 * ImageCache requests to one cluster through @kubernetes/client-node: every request has a
 * timeout, every write passes the cluster's rate limiter, every error is a Backstage error.
 */
export class ImageCacheApi {
  private readonly customObjects: CustomObjectsApi;
  private readonly core: CoreV1Api;
  private readonly watcher: Watch;

  constructor(
    readonly clusterName: string,
    kubeConfig: KubeConfig,
    private readonly limiter: WriteRateLimiter,
    private readonly timeoutMs: number,
  ) {
    this.customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.watcher = new Watch(kubeConfig);
  }

  async list(options: {
    limit: number;
    continueToken?: string;
  }): Promise<ImageCacheListPage> {
    try {
      const list = await this.customObjects.listClusterCustomObject(
        {
          group: GROUP,
          version: VERSION,
          plural: PLURAL,
          limit: options.limit,
          _continue: options.continueToken,
        },
        timeoutOptions(this.timeoutMs),
      );
      return {
        items: (list?.items ?? []) as RawImageCache[],
        resourceVersion: String(list?.metadata?.resourceVersion ?? ''),
        continueToken: list?.metadata?.continue || undefined,
      };
    } catch (error) {
      throw mapKubernetesError(error, this.clusterName, 'listing ImageCaches');
    }
  }

  async get(name: string): Promise<RawImageCache> {
    try {
      return (await this.customObjects.getClusterCustomObject(
        { group: GROUP, version: VERSION, plural: PLURAL, name },
        timeoutOptions(this.timeoutMs),
      )) as RawImageCache;
    } catch (error) {
      throw mapKubernetesError(
        error,
        this.clusterName,
        `reading ImageCache "${name}"`,
      );
    }
  }

  async create(cache: ImageCache, mode: WriteMode): Promise<RawImageCache> {
    const action = `creating ImageCache "${cache.metadata.name}"`;
    await this.takeWriteToken(mode, action);
    try {
      return (await this.customObjects.createClusterCustomObject(
        { group: GROUP, version: VERSION, plural: PLURAL, body: cache },
        timeoutOptions(this.timeoutMs),
      )) as RawImageCache;
    } catch (error) {
      throw mapKubernetesError(error, this.clusterName, action);
    }
  }

  /** Deletes one cache, only if it is still the object with `uid` (never a namesake created since). */
  async delete(name: string, uid: string | undefined, mode: WriteMode) {
    const action = `deleting ImageCache "${name}"`;
    await this.takeWriteToken(mode, action);
    try {
      await this.customObjects.deleteClusterCustomObject(
        {
          group: GROUP,
          version: VERSION,
          plural: PLURAL,
          name,
          body: uid ? { preconditions: { uid } } : undefined,
        },
        timeoutOptions(this.timeoutMs),
      );
    } catch (error) {
      throw mapKubernetesError(error, this.clusterName, action);
    }
  }

  /** Whether a pull secret exists (ImageCaches reference `namespace:name`). */
  async secretExists(namespace: string, name: string): Promise<boolean> {
    try {
      await this.core.readNamespacedSecret(
        { namespace, name },
        timeoutOptions(this.timeoutMs),
      );
      return true;
    } catch (error) {
      const mapped = mapKubernetesError(
        error,
        this.clusterName,
        `reading Secret "${namespace}/${name}"`,
      );
      if (mapped.name === 'NotFoundError') {
        return false;
      }
      throw mapped;
    }
  }

  /**
   * Starts a watch from `resourceVersion` and resolves once it is connected; `done` is called once
   * when it ends, with the raw error if any. Aborting `signal` ends the watch at any point, also
   * while it is still connecting.
   */
  async watch(
    resourceVersion: string,
    onEvent: (type: string, object: any) => void,
    done: (error: unknown) => void,
    signal: AbortSignal,
  ): Promise<void> {
    await watchUntilAborted(
      this.watcher,
      WATCH_PATH,
      { resourceVersion, allowWatchBookmarks: true },
      onEvent,
      done,
      signal,
    );
  }

  private async takeWriteToken(mode: WriteMode, action: string) {
    if (mode === 'skip-if-limited') {
      if (!this.limiter.tryAcquire()) {
        throw new WriteLimitReachedError(
          `Cluster "${this.clusterName}": ${action} postponed, write limit reached`,
        );
      }
      return;
    }
    await this.limiter.acquire(
      this.timeoutMs,
      `Cluster "${this.clusterName}": ${action}`,
    );
  }
}
