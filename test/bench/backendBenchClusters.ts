// Child process of the benchmarks: runs the emulated clusters, so that their memory is not
// counted as the backend's. Talks to the parent through IPC messages. With `--workload-kinds`
// the clusters also serve, empty, the workload kinds Backstage's Kubernetes plugin lists.
import { CRD_DIRECTORY, RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';
import { benchCaches, CLUSTERS } from './backendBenchData';
import { crdDirectoryWithWorkloadKinds } from './workloadKinds';

type Message =
  | { type: 'seed'; from?: number; to?: number }
  | { type: 'stats' }
  | { type: 'reset-stats' }
  | { type: 'count-managed'; prefix: string }
  | { type: 'stop' };

async function main() {
  const emulators = new Map<string, RunningEmulator>();
  const crdDirectory = process.argv.includes('--workload-kinds')
    ? crdDirectoryWithWorkloadKinds(CRD_DIRECTORY)
    : undefined;
  for (const name of CLUSTERS) {
    emulators.set(
      name,
      await startEmulator({
        port: 0,
        manualClock: true,
        startTime: Date.now(),
        controllers: false,
        clusterName: name,
        watchWindow: 200_000,
        crdDirectory,
      }),
    );
  }
  const type = (emulator: RunningEmulator) =>
    emulator.store.registry.byGroupResource('eci.alibabacloud.com', 'imagecaches');
  const send = (message: unknown) => process.send!(message);

  process.on('message', async (message: Message) => {
    switch (message.type) {
      case 'seed': {
        let created = 0;
        for (const [name, emulator] of emulators) {
          for (const cache of benchCaches(name, message.from, message.to)) {
            // The backend may have created an entity's cache before the seed reaches it.
            const existing = emulator.store.get(type(emulator), undefined, cache.metadata.name);
            const { stored } = existing
              ? emulator.store.update(type(emulator), { ...existing.object, spec: cache.spec } as any)
              : emulator.store.create(type(emulator), cache as any);
            emulator.store.update(type(emulator), { ...stored.object, status: cache.status } as any, { subresource: 'status' });
            created++;
          }
        }
        send({ type: 'seeded', created });
        return;
      }
      case 'stats': {
        let requests = 0;
        for (const emulator of emulators.values()) requests += emulator.stats.snapshot().requests;
        send({ type: 'stats', requests });
        return;
      }
      case 'reset-stats':
        for (const emulator of emulators.values()) emulator.stats.reset();
        send({ type: 'stats-reset' });
        return;
      case 'count-managed': {
        let count = 0;
        for (const emulator of emulators.values()) {
          count += emulator.store
            .list(type(emulator))
            .items.filter(stored => stored.object.metadata.name!.startsWith(message.prefix)).length;
        }
        send({ type: 'count', count });
        return;
      }
      case 'stop':
        for (const emulator of emulators.values()) await emulator.stop();
        process.exit(0);
        break;
      default:
    }
  });

  send({
    type: 'ready',
    clusters: Array.from(emulators, ([name, emulator]) => ({
      name,
      url: emulator.url,
      token: emulator.tokens.backstage,
      adminToken: emulator.tokens.admin,
    })),
  });
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
