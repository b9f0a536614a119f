/**
 * The two profiles of the reliability suite. `npm test` runs the short one; the full one runs with
 * `RELIABILITY_PROFILE=full` (root script `npm run test:reliability`).
 */
export interface ReliabilityProfile {
  name: 'short' | 'full';
  /** Catalog entities of the fault scenario. */
  entities: number;
  /** Emulated clusters of the fault scenario. */
  clusters: number;
  /** How long every fault but the outage is active on every cluster. */
  stormMs: number;
  /** How long one cluster is unreachable afterwards. */
  outageMs: number;
  /** Longest accepted time to converge once the faults are gone. */
  convergeTimeoutMs: number;
  /** Entities of the restart and two-replica scenarios. */
  restartEntities: number;
  replicaEntities: number;
  /** Entities of the concurrent-commands scenario, refresh bursts per entity, and requests per burst. */
  commandEntities: number;
  refreshBursts: number;
  burstSize: number;
  /** fast-check runs per HTTP route and per scaffolder action. */
  hostileRunsPerTarget: number;
  /** Jest timeout of one scenario. */
  scenarioTimeoutMs: number;
}

const SHORT: ReliabilityProfile = {
  name: 'short',
  entities: 50,
  clusters: 2,
  stormMs: 12_000,
  outageMs: 8_000,
  convergeTimeoutMs: 45_000,
  restartEntities: 12,
  replicaEntities: 24,
  commandEntities: 3,
  refreshBursts: 2,
  burstSize: 20,
  hostileRunsPerTarget: 60,
  scenarioTimeoutMs: 120_000,
};

const FULL: ReliabilityProfile = {
  name: 'full',
  entities: 1_000,
  clusters: 3,
  stormMs: 120_000,
  outageMs: 60_000,
  convergeTimeoutMs: 180_000,
  restartEntities: 120,
  replicaEntities: 300,
  commandEntities: 20,
  refreshBursts: 5,
  burstSize: 20,
  hostileRunsPerTarget: 250,
  scenarioTimeoutMs: 420_000,
};

function selectProfile(): ReliabilityProfile {
  const name = process.env.RELIABILITY_PROFILE ?? 'short';
  if (name === 'full') return FULL;
  if (name === 'short') return SHORT;
  throw new Error(
    `RELIABILITY_PROFILE must be "short" or "full", got ${JSON.stringify(
      name,
    )}`,
  );
}

export const PROFILE = selectProfile();
