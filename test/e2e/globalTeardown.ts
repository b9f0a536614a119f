import { stopRestartedDemoClusters } from './demoCluster';

/** Leaves no emulator behind that an e2e restarted outside `npm start`'s process group. */
export default async function globalTeardown() {
  await stopRestartedDemoClusters();
}
