import {
  AuditorServiceCreateEventOptions,
  BackendFeature,
  createServiceFactory,
  BackstageCredentials,
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { RunningEmulator } from '@eci-portal/ack-emulator';
import { JsonObject } from '@backstage/types';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import request from 'supertest';
import {
  CATALOG_CHANGES_TASK_ID,
  eciImageCachePlugin,
  NOTIFY_TASK_ID,
  RECONCILE_TASK_ID,
} from '../plugin';
import { FakeCatalog } from './FakeCatalog';

export const OWNER = 'user:default/owner';
/** ImageCaches, plus the pods and events of run evidence (any namespace). */
const WATCHES_PER_CLUSTER = 3;
export const GUEST = 'user:default/guest';
/** A signed-in user whom the policy denies even reads. */
export const NO_READ = 'user:default/no-read';

export interface TestCluster {
  name: string;
  emulator: RunningEmulator;
  region?: string;
  /** Overrides the emulator's backstage token (e.g. a wrong one). */
  token?: string;
}

export interface AuditRecord {
  eventId: string;
  meta?: JsonObject;
  outcome?: 'success' | 'fail';
  error?: string;
}

export const ACR_INSTANCES = [
  {
    id: 'cri-f34lmbk2rxqx41u8',
    region: 'cn-hangzhou',
    domains: [
      'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
      'acr-en-hangzhou-registry-vpc.cn-hangzhou.cr.aliyuncs.com',
    ],
  },
  {
    id: 'cri-shanghai7k2m9x4p',
    region: 'cn-shanghai',
    domains: [
      'acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com',
      'acr-en-shanghai-registry-vpc.cn-shanghai.cr.aliyuncs.com',
    ],
  },
];

function userOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

function isOwner(credentials: BackstageCredentials): boolean {
  return userOf(credentials) === OWNER;
}

/** Reads for everyone but NO_READ, changes for OWNER only. */
function decide(
  permission: { attributes: { action?: string } },
  credentials: BackstageCredentials,
) {
  const read =
    permission.attributes.action === 'read' && userOf(credentials) !== NO_READ;
  return {
    result:
      read || isOwner(credentials) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  } as const;
}

/**
 * Starts the backend with the real plugin, real SQLite, the given emulators over HTTP, a
 * mutable catalog, a policy that lets everyone read and only OWNER change, and a recording auditor.
 */
export async function startTestEciBackend(options: {
  clusters: TestCluster[];
  entities?: Entity[];
  lifecycle?: JsonObject;
  extraConfig?: JsonObject;
  features?: BackendFeature[];
}) {
  const catalog = new FakeCatalog(options.entities ?? []);
  // The mock scheduler runs tasks only when triggered, so tests decide when reconciliation runs.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(options: { skipTaskRunOnStartup: boolean }): ServiceFactory;
  };
  const audits: AuditRecord[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async (event: AuditorServiceCreateEventOptions) => {
      const record: AuditRecord = { eventId: event.eventId, meta: event.meta };
      audits.push(record);
      return {
        success: async () => {
          record.outcome = 'success';
        },
        fail: async ({ error }: { error: Error }) => {
          record.outcome = 'fail';
          record.error = `${error.name}: ${error.message}`;
        },
      };
    },
  });
  // The notifications backend, as the plugin sees it: every send is recorded (or refused on demand).
  const notifications = {
    sent: [] as NotificationSendOptions[],
    failing: false,
  };
  const notificationsFactory = createServiceFactory({
    service: notificationService,
    deps: {},
    factory: () => ({
      send: async (sent: NotificationSendOptions) => {
        if (notifications.failing) {
          throw new Error('notifications backend unavailable');
        }
        notifications.sent.push(sent);
      },
    }),
  });
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(({ permission }) => decide(permission, credentials)),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(({ permission }) => decide(permission, credentials)),
  });
  const config = {
    eciImageCache: {
      clusters: options.clusters.map((cluster, index) => ({
        name: cluster.name,
        url: cluster.emulator.url,
        region: cluster.region ?? 'cn-hangzhou',
        authProvider: 'serviceAccount',
        serviceAccountToken: cluster.token ?? cluster.emulator.tokens.backstage,
        skipTLSVerify: true,
        default: index === 0,
      })),
      acr: { instances: ACR_INSTANCES },
      lifecycle: {
        retentionDays: 30,
        previousCachesKept: 1,
        orphanGracePeriod: { milliseconds: 300 },
        retryBackoff: { initial: { milliseconds: 200 }, max: { seconds: 2 } },
        ...options.lifecycle,
      },
      requestTimeout: { seconds: 3 },
      entityCacheTtl: { milliseconds: 0 },
      ...options.extraConfig,
    },
  };
  const backend = await startTestBackend({
    features: [
      eciImageCachePlugin,
      mockServices.rootConfig.factory({ data: config }),
      catalog.factory(),
      scheduler.factory({ skipTaskRunOnStartup: true }),
      auditor.factory,
      permissions.factory,
      notificationsFactory,
      ...(options.features ?? []),
    ],
  });
  const server = backend.server;
  const api = (path: string) => `/api/eci-image-cache${path}`;

  return {
    backend,
    catalog,
    audits,
    notifications,
    api,
    request: () => request(server),
    /** GET as a user (default: a read-only guest). */
    get: (path: string, user = GUEST) =>
      request(server)
        .get(api(path))
        .set('Authorization', mockCredentials.user.header(user)),
    post: (path: string, body: unknown, user = OWNER) =>
      request(server)
        .post(api(path))
        .set('Authorization', mockCredentials.user.header(user))
        .send(body as object),
    put: (path: string, body: unknown, user = OWNER) =>
      request(server)
        .put(api(path))
        .set('Authorization', mockCredentials.user.header(user))
        .send(body as object),
    del: (path: string, user = OWNER) =>
      request(server)
        .delete(api(path))
        .set('Authorization', mockCredentials.user.header(user)),
    /** Runs the scheduled global reconciliation once, as the scheduler would. */
    reconcile: () => scheduler.triggerTask(RECONCILE_TASK_ID),
    /** Runs the local look for changed catalog entities once (the first look takes the baseline). */
    reconcileCatalogChanges: () =>
      scheduler.triggerTask(CATALOG_CHANGES_TASK_ID),
    /** Runs the scheduled notification check once. */
    checkNotifications: () => scheduler.triggerTask(NOTIFY_TASK_ID),
    async waitForSync(names = options.clusters.map(c => c.name)) {
      await waitFor(async () => {
        const res = await request(server)
          .get(api('/clusters'))
          .set('Authorization', mockCredentials.user.header(GUEST));
        return names.every(name =>
          res.body.items?.some(
            (c: { name: string; sync: { state: string } }) =>
              c.name === name && c.sync.state === 'synced',
          ),
        );
      }, 'clusters to sync');
      // Then the run evidence watches (pods, events): once all are open, reads make no requests.
      await waitFor(
        () =>
          options.clusters
            .filter(cluster => names.includes(cluster.name))
            .every(
              cluster =>
                cluster.emulator.stats.snapshot().activeWatches >=
                WATCHES_PER_CLUSTER,
            ),
        'run evidence watches to open',
      );
    },
  };
}

/** Polls until `check` gives a truthy value. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last: ${String(last)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}
