import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { ClusterConfig, PluginConfig } from '../config/pluginConfig';
import { ImageCacheApi } from './ImageCacheApi';
import { ImageCacheInformer, InformerOptions } from './ImageCacheInformer';
import { kubeConfigForCluster } from './kubeConfig';
import { WriteRateLimiter } from './WriteRateLimiter';

/** Everything the plugin holds for one configured cluster. */
export interface ClusterConnection {
  readonly config: ClusterConfig;
  readonly api: ImageCacheApi;
  readonly informer: ImageCacheInformer;
}

/** The configured clusters, each with its API client, rate limiter and watch cache. */
export class ClusterRegistry {
  private readonly connections: Map<string, ClusterConnection>;

  constructor(
    private readonly config: PluginConfig,
    logger: LoggerService,
    informerOptions: InformerOptions = {},
  ) {
    this.connections = new Map(
      config.clusters.map(cluster => {
        const api = new ImageCacheApi(
          cluster.name,
          kubeConfigForCluster(cluster),
          new WriteRateLimiter(config.lifecycle.maxWritesPerMinute),
          config.requestTimeoutMs,
        );
        const informer = new ImageCacheInformer(
          api,
          logger.child({ cluster: cluster.name }),
          informerOptions,
        );
        return [cluster.name, { config: cluster, api, informer }];
      }),
    );
  }

  get defaultCluster(): ClusterConfig {
    return this.config.defaultCluster;
  }

  list(): ClusterConnection[] {
    return Array.from(this.connections.values());
  }

  find(name: string): ClusterConnection | undefined {
    return this.connections.get(name);
  }

  get(name: string): ClusterConnection {
    const connection = this.connections.get(name);
    if (!connection) {
      throw new NotFoundError(
        `Cluster "${name}" is not configured (configured: ${Array.from(
          this.connections.keys(),
        ).join(', ')})`,
      );
    }
    return connection;
  }

  start(): void {
    for (const connection of this.connections.values()) {
      connection.informer.start();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(
      Array.from(this.connections.values(), c => c.informer.stop()),
    );
  }

  /** Waits until every cluster finished its first list, or the timeout passed. */
  async waitForFirstSync(timeoutMs: number): Promise<void> {
    await Promise.all(
      Array.from(this.connections.values(), c =>
        c.informer.waitForFirstSync(timeoutMs),
      ),
    );
  }
}
