import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import type { RunningEmulator } from '@eci-portal/ack-emulator';
// The integration tests run the real backend plugin next to the scaffolder.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import eciImageCachePlugin from '@eci-portal/plugin-eci-image-cache-backend';
import request from 'supertest';
import scaffolderModule from '..';
import { sameRealmEciImageCacheClientFactory } from './sameRealmEciImageCacheClient';

export const OWNER = 'user:default/owner';

/** The ACR instances of the emulator's simulated registry. */
export const ACR_INSTANCES = [
  {
    id: 'cri-f34lmbk2rxqx41u8',
    region: 'cn-hangzhou',
    name: 'acr-en-hangzhou',
  },
  {
    id: 'cri-shanghai7k2m9x4p',
    region: 'cn-shanghai',
    name: 'acr-en-shanghai',
  },
];

/** The demo's ml-trainer: manual cache, ACR EE instance in the cluster's region. */
export const ML_TRAINER: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ml-trainer',
    namespace: 'default',
    annotations: {
      'alibabacloud.com/eci-image-cache': 'manual',
      'alibabacloud.com/eci-images':
        'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2,docker.io/library/python:3.12-slim',
      'alibabacloud.com/eci-image-cache-retention-days': '7',
      'alibabacloud.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
      'alibabacloud.com/argo-namespace': 'argo',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/platform-team',
  },
};

/**
 * The real scaffolder backend with this module and the real ECI image cache backend plugin,
 * talking to an emulated ACK cluster; the catalog is an in-memory mock.
 */
export async function startScaffolderTestBackend(options: {
  emulator: RunningEmulator;
  entities: Entity[];
  publishRoot: string;
  /** Decides each permission for a user (default: everything allowed). */
  allow?: (permission: string, userEntityRef: string | undefined) => boolean;
}) {
  const { emulator } = options;
  const allow = options.allow ?? (() => true);
  const decide = (name: string, credentials: BackstageCredentials) =>
    allow(
      name,
      (credentials.principal as { userEntityRef?: string }).userEntityRef,
    )
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  const permissions = mockServices.permissions.mock({
    authorize: async (requests, { credentials }) =>
      requests.map(({ permission }) => ({
        result: decide(permission.name, credentials),
      })),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map(({ permission }) => ({
        result: decide(permission.name, credentials),
      })) as any,
  });
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      eciImageCachePlugin,
      scaffolderModule,
      sameRealmEciImageCacheClientFactory,
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      permissions.factory,
      mockServices.rootConfig.factory({
        data: {
          eciImageCache: {
            clusters: [
              {
                name: 'ack-hangzhou',
                url: emulator.url,
                region: 'cn-hangzhou',
                authProvider: 'serviceAccount',
                serviceAccountToken: emulator.tokens.backstage,
                skipTLSVerify: true,
                default: true,
              },
            ],
            acr: { instances: ACR_INSTANCES },
            lifecycle: { retentionDays: 30 },
            requestTimeout: { seconds: 5 },
            entityCacheTtl: { milliseconds: 0 },
            scaffolder: { publishRoot: options.publishRoot },
          },
        },
      }),
    ],
  });
  const server = backend.server;
  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
  });
  return {
    backend,
    get: (path: string, user = OWNER) =>
      request(server).get(path).set(as(user)),
    post: (path: string, body: object, user = OWNER) =>
      request(server).post(path).set(as(user)).send(body),
  };
}

/** Polls until `check` gives a truthy value. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}${
          lastError ? `: ${String(lastError)}` : ''
        }`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
