// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import { Knex } from 'knex';
import {
  ReliabilityBackend,
  ReliabilityBackendOptions,
  startReliabilityBackend,
} from './backend';
import { startClusters, stopClusters, TestCluster } from './clusters';
import { sqliteMemory } from './database';
import { ownedByPlatformTeam, securityCatalog } from './fixtures';

export interface SecuritySuite {
  clusters: TestCluster[];
  knex: Knex;
  backend: ReliabilityBackend;
}

/**
 * What the hostile-request suites share: one emulated cluster, an in-memory database, the
 * security catalog (OWNER may change only the platform team's entities), the reconciler run by
 * the test; synced before it returns.
 */
export async function startSecuritySuite(
  options: Pick<ReliabilityBackendOptions, 'audits' | 'frameworkAuditLog'> = {},
): Promise<SecuritySuite> {
  const clusters = await startClusters(1);
  const knex = sqliteMemory();
  const entities = securityCatalog();
  const backend = await startReliabilityBackend({
    clusters,
    catalog: new FakeCatalog(entities),
    knex,
    scheduler: 'manual',
    ownedByOwner: ownedByPlatformTeam(entities),
    ...options,
  });
  await backend.waitForSync();
  return { clusters, knex, backend };
}

/** Stops what a suite started, also when its start failed half-way. */
export async function stopSuite(suite: Partial<SecuritySuite>): Promise<void> {
  await suite.backend?.stop();
  await suite.knex?.destroy();
  await stopClusters(suite.clusters ?? []);
}
