import { Entity } from '@backstage/catalog-model';
import {
  EntityClusterView,
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';

export const TRAINER_IMAGE =
  'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/ml/trainer:1.4.2';
export const PYTHON_IMAGE = 'docker.io/library/python:3.12-slim';

/** The `ml-trainer` demo service of the portal's catalog. */
export const mlTrainer: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'ml-trainer',
    namespace: 'default',
    annotations: {
      'alibabacloud.com/eci-image-cache': 'manual',
      'alibabacloud.com/eci-images': `${TRAINER_IMAGE},${PYTHON_IMAGE}`,
      'alibabacloud.com/eci-image-cache-size': '40',
      'alibabacloud.com/eci-image-cache-retention-days': '7',
      'alibabacloud.com/acr-instance-id': 'cri-f34lmbk2rxqx41u8',
    },
  },
  spec: { type: 'service', owner: 'group:default/platform-team' },
};

/** The `docs-site` demo service: no contract annotations. */
export const docsSite: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'docs-site', namespace: 'default' },
  spec: { type: 'website', owner: 'group:default/data-team' },
};

// One instant for every fixture of a test file, so repeated calls build equal objects.
const FIXTURES_BUILT_AT = Date.now();

/** The instant the fixtures' expiries are relative to: the `now` of decisions about them. */
export const FIXTURES_NOW = new Date(FIXTURES_BUILT_AT);

export function cacheView(
  overrides: Partial<ImageCacheView> = {},
): ImageCacheView {
  return {
    cluster: 'ack-hangzhou',
    name: 'ml-trainer-3f9a1c2b7d',
    managed: true,
    origin: 'managed',
    role: 'active',
    entityRef: 'component:default/ml-trainer',
    images: [TRAINER_IMAGE, PYTHON_IMAGE],
    phase: 'Ready',
    progress: '100%',
    progressPercent: 100,
    imageCacheId: 'imc-2ze0abc123def456',
    usable: true,
    imageCacheSize: 40,
    retentionDays: 7,
    // Consistent with daysLeft whenever the tests run: daysLeft days and 1 hour from now.
    expireDateTime: new Date(
      FIXTURES_BUILT_AT + (overrides.daysLeft ?? 6) * 86_400_000 + 3_600_000,
    ).toISOString(),
    daysLeft: 6,
    expired: false,
    creationTimestamp: '2026-11-28T09:00:00Z',
    startTime: '2026-11-28T09:00:01Z',
    lastUpdatedTime: '2026-11-28T09:03:00Z',
    events: [
      {
        type: 'Normal',
        reason: 'Pulled',
        message: `Success pull image ${TRAINER_IMAGE}`,
        lastTimestamp: '2026-11-28T09:02:00Z',
      },
    ],
    acrInstanceIds: 'cri-f34lmbk2rxqx41u8',
    deleting: false,
    retry: null,
    deleteAfter: null,
    ...overrides,
  };
}

/** {@link cacheView} while ECI still builds it: Creating at 45%, no id yet, not usable. */
export function buildingCache(
  overrides: Partial<ImageCacheView> = {},
): ImageCacheView {
  return cacheView({
    phase: 'Creating',
    progress: '45%',
    progressPercent: 45,
    usable: false,
    imageCacheId: null,
    ...overrides,
  });
}

export function clusterView(
  overrides: Partial<EntityClusterView> = {},
): EntityClusterView {
  const name = overrides.name ?? 'ack-hangzhou';
  const region = overrides.region ?? 'cn-hangzhou';
  return {
    name,
    region,
    default: true,
    target: true,
    sync: { state: 'synced', since: '2026-11-28T08:00:00Z' },
    caches: [cacheView()],
    otherCachesOmitted: 0,
    allowUnlistedAcrInstances: true,
    acr: {
      cluster: name,
      clusterRegion: region,
      annotationValue: 'cri-f34lmbk2rxqx41u8',
      instances: [
        {
          id: 'cri-f34lmbk2rxqx41u8',
          instanceRegion: 'cn-hangzhou',
          value: 'cri-f34lmbk2rxqx41u8',
          reason:
            'alibabacloud.com/acr-instance-id names it; same region as the cluster, so the region is omitted',
          source: 'annotation',
        },
      ],
    },
    error: null,
    ...overrides,
  };
}

/** The state of `ml-trainer` with one Ready managed cache on its target cluster. */
export function entityState(
  overrides: Partial<EntityStateResponse> = {},
): EntityStateResponse {
  return {
    entityRef: 'component:default/ml-trainer',
    hasAnnotations: true,
    config: {
      images: { value: [TRAINER_IMAGE, PYTHON_IMAGE], source: 'annotation' },
      cacheMode: { value: 'manual', source: 'annotation' },
      imageCacheSize: { value: 40, source: 'annotation' },
      retentionDays: { value: 7, source: 'annotation' },
      imagePullSecrets: { value: [], source: 'default' },
      acrInstance: { value: 'cri-f34lmbk2rxqx41u8', source: 'annotation' },
      cluster: { value: 'ack-hangzhou', source: 'default' },
      argoNamespace: { value: 'argo', source: 'annotation' },
    },
    problems: [],
    warnings: [],
    settings: null,
    clusters: [clusterView()],
    images: [
      {
        image: TRAINER_IMAGE,
        registry: 'acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com',
        acrInstanceId: 'cri-f34lmbk2rxqx41u8',
        acrInstanceRegion: 'cn-hangzhou',
        onAcrEnterprise: true,
        floating: false,
        message: null,
      },
      {
        image: PYTHON_IMAGE,
        registry: 'docker.io',
        acrInstanceId: null,
        acrInstanceRegion: null,
        onAcrEnterprise: false,
        floating: false,
        message:
          'docker.io is not served by a configured ACR Enterprise Edition instance: pulls need a pull secret or a public registry',
      },
    ],
    errors: [],
    history: [
      {
        cluster: 'ack-hangzhou',
        cacheName: 'ml-trainer-3f9a1c2b7d',
        imageCacheId: 'imc-2ze0abc123def456',
        action: 'ready',
        message: 'Ready after 3 minutes',
        actor: null,
        occurredAt: '2026-11-28T09:03:00Z',
      },
      {
        cluster: 'ack-hangzhou',
        cacheName: 'ml-trainer-3f9a1c2b7d',
        imageCacheId: null,
        action: 'created',
        message: null,
        actor: 'user:default/guest',
        occurredAt: '2026-11-28T09:00:00Z',
      },
    ],
    permissions: { create: true, delete: true, updateAcr: true },
    ...overrides,
  };
}

/** {@link entityState} with the target cluster's caches replaced. */
export function stateWithCaches(caches: ImageCacheView[]): EntityStateResponse {
  return entityState({ clusters: [clusterView({ caches })] });
}

/** A non-target cluster that cannot be read: no caches, and the backend's error. */
export function unreachableCluster(
  name = 'ack-shanghai',
  region = 'cn-shanghai',
): EntityClusterView {
  return clusterView({
    name,
    region,
    default: false,
    target: false,
    caches: [],
    sync: { state: 'error', since: '2026-11-28T08:00:00Z' },
    error: {
      cluster: name,
      statusCode: 503,
      name: 'ServiceUnavailableError',
      message: `Cluster ${name} is unreachable: connect ETIMEDOUT`,
    },
  });
}
