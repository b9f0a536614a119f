import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import eciImageCachePlugin from '@eci-portal/plugin-eci-image-cache-backend';
// The backend's own integration-test setup: the mutable catalog, users and ACR instances.
/* eslint-disable @backstage/no-forbidden-package-imports */
import { FakeCatalog } from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/FakeCatalog';
import {
  ACR_INSTANCES,
  GUEST,
  OWNER,
} from '@eci-portal/plugin-eci-image-cache-backend/src/__testUtils__/startTestEciBackend';
import { RECONCILE_TASK_ID } from '@eci-portal/plugin-eci-image-cache-backend/src/plugin';
/* eslint-enable @backstage/no-forbidden-package-imports */
import { Knex } from 'knex';
import request from 'supertest';
import {
  AuditRecord,
  auditLogCapturingLogger,
  FrameworkAuditEvent,
  recordingAuditor,
} from './auditLog';
import { waitUntil } from './loops';
import { TestCluster } from './clusters';
import {
  ManualScheduler,
  recordingSchedulerFactory,
  TaskRun,
} from './schedulers';

export { GUEST, OWNER };

export interface ReliabilityBackendOptions {
  clusters: TestCluster[];
  catalog: FakeCatalog;
  /** The plugin's database: each backend gets its own connection pool to it. */
  knex: Knex;
  /** `manual`: the test runs the reconciler; `global`: Backstage's scheduler runs it every second. */
  scheduler: 'manual' | 'global';
  /** Name of this backend in task runs (several replicas can share one run log). */
  replica?: string;
  runs?: TaskRun[];
  audits?: AuditRecord[];
  /** Use Backstage's own auditor (actors resolved from requests) and keep what it logs here. */
  frameworkAuditLog?: FrameworkAuditEvent[];
  lifecycle?: JsonObject;
  /** The entities OWNER may change (default: all); everyone else may only read. */
  ownedByOwner?: (entityRef: string) => boolean;
  /** Extra configuration per cluster name (e.g. `allowedNamespaces`, `caData`, a token). */
  clusterConfig?: Record<string, JsonObject>;
}

function userOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

/** The plugin configuration of every scenario: clusters over HTTP, short lifecycle periods. */
export function pluginConfig(options: {
  clusters: TestCluster[];
  lifecycle?: JsonObject;
  clusterConfig?: Record<string, JsonObject>;
}): JsonObject {
  return {
    eciImageCache: {
      clusters: options.clusters.map((cluster, index) => ({
        name: cluster.name,
        url: cluster.emulator.url,
        region: cluster.region,
        authProvider: 'serviceAccount',
        serviceAccountToken: cluster.emulator.tokens.backstage,
        skipTLSVerify: true,
        default: index === 0,
        ...options.clusterConfig?.[cluster.name],
      })),
      acr: { instances: ACR_INSTANCES },
      lifecycle: {
        retentionDays: 30,
        previousCachesKept: 1,
        orphanGracePeriod: { milliseconds: 300 },
        retryBackoff: { initial: { milliseconds: 200 }, max: { seconds: 2 } },
        reconcileInterval: { seconds: 1 },
        maxWritesPerMinute: 200,
        ...options.lifecycle,
      },
      requestTimeout: { seconds: 5 },
      entityCacheTtl: { milliseconds: 0 },
    },
  };
}

/**
 * The real backend plugin with: the given database, the emulated clusters over HTTP, the
 * backend's FakeCatalog, a policy where everyone signed in may read and only OWNER may change,
 * unauthenticated requests treated as such (no default user), and a recording auditor.
 */
export async function startReliabilityBackend(
  options: ReliabilityBackendOptions,
) {
  const replica = options.replica ?? 'backend';
  const runs = options.runs ?? [];
  const audits = options.audits ?? [];
  const manual =
    options.scheduler === 'manual'
      ? new ManualScheduler(replica, runs)
      : undefined;
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(item => ({
        result:
          item.permission.attributes.action === 'read' ||
          (userOf(credentials) === OWNER &&
            (options.ownedByOwner?.(
              (item as { resourceRef?: string }).resourceRef ?? '',
            ) ??
              true))
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
  });
  const backend = await startTestBackend({
    features: [
      eciImageCachePlugin,
      mockServices.rootConfig.factory({ data: pluginConfig(options) }),
      mockServices.database.factory({ knex: options.knex }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      options.catalog.factory(),
      manual ? manual.factory() : recordingSchedulerFactory(replica, runs),
      ...(options.frameworkAuditLog
        ? [
            mockServices.auditor.factory(),
            auditLogCapturingLogger(options.frameworkAuditLog),
          ]
        : [recordingAuditor(audits).factory]),
      permissions.factory,
    ],
  });
  const server = backend.server;
  const api = (path: string) => `/api/eci-image-cache${path}`;
  const as = (user: string | null) =>
    user === null
      ? mockCredentials.none.header()
      : mockCredentials.user.header(user);

  return {
    backend,
    server,
    replica,
    runs,
    audits,
    api,
    request: () => request(server),
    /** The Authorization header of a user, or of an unauthenticated caller (`null`). */
    header: as,
    /** GET as a user (default: a read-only guest); `null` calls without credentials. */
    get: (path: string, user: string | null = GUEST) =>
      request(server).get(api(path)).set('Authorization', as(user)),
    post: (path: string, body: unknown, user: string | null = OWNER) =>
      request(server)
        .post(api(path))
        .set('Authorization', as(user))
        .send(body as object),
    put: (path: string, body: unknown, user: string | null = OWNER) =>
      request(server)
        .put(api(path))
        .set('Authorization', as(user))
        .send(body as object),
    del: (path: string, user: string | null = OWNER) =>
      request(server).delete(api(path)).set('Authorization', as(user)),
    /** Runs one reconciliation pass (manual scheduler only); rejects when the pass failed. */
    async reconcile(): Promise<void> {
      if (!manual) throw new Error(`${replica} runs the reconciler on its own`);
      await manual.run(RECONCILE_TASK_ID);
    },
    /** Waits until every named cluster (default: all) reports a synced watch cache. */
    async waitForSync(
      names = options.clusters.map(cluster => cluster.name),
      timeoutMs = 30_000,
    ): Promise<number> {
      return waitUntil(
        async () => {
          const res = await request(server)
            .get(api('/clusters'))
            .set('Authorization', as(GUEST));
          const items: Array<{ name: string; sync: { state: string } }> =
            res.body.items ?? [];
          return names.every(name =>
            items.some(c => c.name === name && c.sync.state === 'synced'),
          );
        },
        `clusters ${names.join(', ')} to sync on ${replica}`,
        timeoutMs,
      );
    },
    stop: () => backend.stop(),
  };
}

/** Fails a test's setup unless a response has the expected status. */
export function requireStatus(
  res: { status: number; text: string },
  status: number,
  what: string,
): void {
  if (res.status !== status) {
    throw new Error(
      `${what}: expected HTTP ${status}, got ${res.status} ${res.text.slice(
        0,
        300,
      )}`,
    );
  }
}

export type ReliabilityBackend = Awaited<
  ReturnType<typeof startReliabilityBackend>
>;
