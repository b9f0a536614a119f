import { LoggerService } from '@backstage/backend-plugin-api';
import { PluginConfig } from '../config/pluginConfig';
import { kubeConfigForCluster } from '../cluster/kubeConfig';
import { ClusterRunWatch } from './ClusterRunWatch';
import { RunConfig } from './runConfig';
import { RunStore } from './RunStore';

/** The run store and one pod+event watch per configured cluster. */
export function createRunEvidence(
  config: PluginConfig,
  runConfig: RunConfig,
  logger: LoggerService,
) {
  const store = new RunStore({
    runsPerEntity: runConfig.perEntity,
    pendingPods: 5_000,
  });
  const watches = config.clusters.map(
    cluster =>
      new ClusterRunWatch(
        cluster,
        kubeConfigForCluster(cluster),
        store,
        logger,
        config.requestTimeoutMs,
      ),
  );
  return {
    store,
    watches,
    start: () => watches.forEach(watch => watch.start()),
    stop: () => Promise.all(watches.map(watch => watch.stop())),
  };
}
