import { RunningEmulator, startEmulator } from '@eci-portal/ack-emulator';

/** An emulated ACK cluster as the backend is configured to see it. */
export interface TestCluster {
  name: string;
  region: string;
  emulator: RunningEmulator;
}

const REGIONS = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen'];

/** Starts `count` emulators on free loopback ports, each with a manual clock at the current time. */
export async function startClusters(count: number): Promise<TestCluster[]> {
  const clusters: TestCluster[] = [];
  for (let index = 0; index < count; index++) {
    const region = REGIONS[index % REGIONS.length];
    const name = `ack-${region.replace(/^cn-/, '')}`;
    clusters.push({
      name,
      region,
      emulator: await startEmulator({
        port: 0,
        host: '127.0.0.1',
        manualClock: true,
        startTime: Date.now(),
        region,
        clusterName: name,
        watchWindow: 100_000,
      }),
    });
  }
  return clusters;
}

export async function stopClusters(clusters: TestCluster[]): Promise<void> {
  await Promise.all(clusters.map(cluster => cluster.emulator.stop()));
}

/** Moves every cluster's simulated time forward (ECI builds caches, expiry passes). */
export function advanceAll(clusters: TestCluster[], ms: number): void {
  for (const cluster of clusters) cluster.emulator.advance(ms);
}
