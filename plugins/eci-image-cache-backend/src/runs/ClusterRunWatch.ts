import { LoggerService } from '@backstage/backend-plugin-api';
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { LABEL_ENTITY_HASH } from '@eci-portal/plugin-eci-image-cache-common';
import { timeoutOptions } from '../cluster/ImageCacheApi';
import { ClusterConfig } from '../config/pluginConfig';
import {
  ListPage,
  ListWatch,
  ListWatchSource,
  watchUntilAborted,
} from '../cluster/ListWatch';
import { RawPod, RawPodEvent, RunStore } from './RunStore';

const POD_SELECTOR = LABEL_ENTITY_HASH; // "has the label"
const EVENT_SELECTOR = 'involvedObject.kind=Pod';

type Lister = (query: {
  limit: number;
  _continue?: string;
  labelSelector?: string;
  fieldSelector?: string;
}) => Promise<{
  items: unknown[];
  metadata?: { resourceVersion?: string; _continue?: string };
}>;

function pageOf<T>(list: Awaited<ReturnType<Lister>>): ListPage<T> {
  return {
    items: list.items as T[],
    resourceVersion: String(list.metadata?.resourceVersion ?? ''),
    continueToken: list.metadata?._continue || undefined,
  };
}

/**
 * The run evidence watches of one cluster: pods labelled with an entity hash and the events about
 * pods, in each allowed namespace (or all namespaces when the cluster allows any), feeding a {@link RunStore}.
 */
export class ClusterRunWatch {
  private readonly watches: Array<ListWatch<unknown>> = [];

  constructor(
    readonly cluster: ClusterConfig,
    kubeConfig: KubeConfig,
    store: RunStore,
    logger: LoggerService,
    timeoutMs: number,
  ) {
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const watcher = new Watch(kubeConfig);
    const options = timeoutOptions(timeoutMs);
    const name = cluster.name;
    for (const namespace of cluster.allowedNamespaces ?? [undefined]) {
      const where = namespace
        ? `in namespace ${namespace}`
        : 'in all namespaces';
      const prefix = namespace ? `/api/v1/namespaces/${namespace}` : '/api/v1';
      const listPods: Lister = query =>
        namespace
          ? core.listNamespacedPod({ ...query, namespace }, options)
          : core.listPodForAllNamespaces(query, options);
      const listEvents: Lister = query =>
        namespace
          ? core.listNamespacedEvent({ ...query, namespace }, options)
          : core.listEventForAllNamespaces(query, options);

      const pods: ListWatchSource<RawPod> = {
        description: `workflow pods ${where}`,
        list: async (limit, continueToken) =>
          pageOf(
            await listPods({
              limit,
              _continue: continueToken,
              labelSelector: POD_SELECTOR,
            }),
          ),
        watch: (resourceVersion, onEvent, done, signal) =>
          watchUntilAborted(
            watcher,
            `${prefix}/pods`,
            {
              resourceVersion,
              allowWatchBookmarks: true,
              labelSelector: POD_SELECTOR,
            },
            onEvent,
            done,
            signal,
          ),
        replaced: items => items.forEach(pod => store.upsertPod(name, pod)),
        upserted: pod => store.upsertPod(name, pod),
        deleted: pod => store.upsertPod(name, pod),
      };
      const events: ListWatchSource<RawPodEvent> = {
        description: `pod events ${where}`,
        list: async (limit, continueToken) =>
          pageOf(
            await listEvents({
              limit,
              _continue: continueToken,
              fieldSelector: EVENT_SELECTOR,
            }),
          ),
        watch: (resourceVersion, onEvent, done, signal) =>
          watchUntilAborted(
            watcher,
            `${prefix}/events`,
            {
              resourceVersion,
              allowWatchBookmarks: true,
              fieldSelector: EVENT_SELECTOR,
            },
            onEvent,
            done,
            signal,
          ),
        replaced: items =>
          items.forEach(event => store.applyEvent(name, event)),
        upserted: event => store.applyEvent(name, event),
        deleted: () => {},
      };
      const child = logger.child({ cluster: name });
      this.watches.push(
        new ListWatch(name, pods as ListWatchSource<unknown>, child),
        new ListWatch(name, events as ListWatchSource<unknown>, child),
      );
    }
  }

  /** The first error of a watch that is failing, if any. */
  get error(): Error | undefined {
    return this.watches.find(watch => watch.state.state === 'error')?.state
      .error;
  }

  get isSynced(): boolean {
    return this.watches.every(watch => watch.state.state === 'synced');
  }

  start(): void {
    this.watches.forEach(watch => watch.start());
  }

  async stop(): Promise<void> {
    await Promise.all(this.watches.map(watch => watch.stop()));
  }
}
