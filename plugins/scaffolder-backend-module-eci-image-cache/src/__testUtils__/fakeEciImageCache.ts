import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  AcrInstanceInfo,
  ClusterInfo,
  CreateCacheRequest,
  CreateCacheResponse,
  EntityCacheMode,
  EntitySettings,
  EntityStateResponse,
  ImageCacheView,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheService } from '@eci-portal/plugin-eci-image-cache-node';

/** One entity as the fake backend sees it. */
export interface FakeEntity {
  entityRef: string;
  images: string[];
  cacheMode: EntityCacheMode;
  cluster?: string;
  argoNamespace?: string;
  acrInstance?: string;
  acrFromAnnotation?: boolean;
  settings?: EntitySettings;
  caches?: ImageCacheView[];
  permissions?: { create: boolean; delete: boolean; updateAcr: boolean };
}

export const CLUSTERS: ClusterInfo[] = [
  {
    name: 'ack-hangzhou',
    region: 'cn-hangzhou',
    default: true,
    defaultNamespace: 'argo',
    sync: { state: 'synced', since: '2026-11-28T00:00:00Z' },
    imageCacheCount: 0,
  },
  {
    name: 'ack-beijing',
    region: 'cn-beijing',
    default: false,
    defaultNamespace: 'argo',
    sync: { state: 'synced', since: '2026-11-28T00:00:00Z' },
    imageCacheCount: 0,
  },
];

export const ACR_INSTANCES: AcrInstanceInfo[] = [
  {
    id: 'cri-f34lmbk2rxqx41u8',
    region: 'cn-hangzhou',
    name: null,
    domains: ['acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com'],
  },
  {
    id: 'cri-shanghai7k2m9x4p',
    region: 'cn-shanghai',
    name: null,
    domains: ['acr-en-shanghai-registry.cn-shanghai.cr.aliyuncs.com'],
  },
];

/** A cache view with defaults for everything a test does not care about. */
export function cacheView(overrides: Partial<ImageCacheView>): ImageCacheView {
  const phase = overrides.phase ?? 'Ready';
  return {
    cluster: 'ack-hangzhou',
    name: 'ml-trainer-0123456789',
    managed: true,
    origin: 'managed',
    role: 'active',
    entityRef: 'component:default/ml-trainer',
    images: [],
    phase,
    progress: phase === 'Ready' ? '100%' : '0%',
    progressPercent: phase === 'Ready' ? 100 : 0,
    imageCacheId: phase === 'Ready' ? 'imc-ready001' : null,
    usable: phase === 'Ready',
    imageCacheSize: 20,
    retentionDays: 7,
    expireDateTime: null,
    daysLeft: null,
    expired: false,
    creationTimestamp: '2026-11-28T00:00:00Z',
    startTime: null,
    lastUpdatedTime: null,
    events: [],
    acrInstanceIds: null,
    deleting: false,
    retry: null,
    deleteAfter: null,
    ...overrides,
  };
}

function ownerOf(credentials: BackstageCredentials): string | undefined {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

/**
 * An in-memory EciImageCacheService: entities with effective configs and caches, recording every
 * call (with the credentials it got). Tests mutate `entities` to move caches through phases.
 */
export class FakeEciImageCache
  implements
    Pick<
      EciImageCacheService,
      | 'getEntityState'
      | 'listClusters'
      | 'listAcrInstances'
      | 'createCache'
      | 'listCaches'
      | 'saveSettings'
    >
{
  readonly entities = new Map<string, FakeEntity>();
  readonly calls: Array<{ method: string; args: unknown[]; user?: string }> =
    [];
  /** Runs before each listCaches answer, to move caches along between polls. */
  onListCaches?: (entity: FakeEntity) => void;

  constructor(entities: FakeEntity[] = []) {
    for (const entity of entities) {
      this.entities.set(entity.entityRef, entity);
    }
  }

  callsOf(method: string) {
    return this.calls.filter(call => call.method === method);
  }

  private record(
    method: string,
    credentials: BackstageCredentials,
    ...args: unknown[]
  ) {
    this.calls.push({ method, args, user: ownerOf(credentials) });
  }

  private entity(ref: unknown): FakeEntity {
    const entity = this.entities.get(String(ref));
    if (!entity) {
      throw new NotFoundError(`No entity ${String(ref)}`);
    }
    return entity;
  }

  async getEntityState(
    ref: unknown,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityStateResponse> {
    this.record('getEntityState', credentials, ref);
    const entity = this.entity(ref);
    const target = entity.cluster ?? 'ack-hangzhou';
    const acr = entity.acrInstance ?? entity.settings?.acrInstance ?? null;
    const source = (present: boolean): 'annotation' | 'default' =>
      present ? 'annotation' : 'default';
    let acrSource: 'annotation' | 'settings' | 'default' = source(acr !== null);
    if (entity.acrFromAnnotation) {
      acrSource = 'annotation';
    } else if (entity.settings?.acrInstance) {
      acrSource = 'settings';
    }
    return {
      entityRef: entity.entityRef,
      hasAnnotations: true,
      config: {
        images: { value: entity.images, source: 'annotation' },
        cacheMode: { value: entity.cacheMode, source: 'annotation' },
        imageCacheSize: { value: 20, source: 'default' },
        retentionDays: { value: null, source: 'default' },
        imagePullSecrets: { value: [], source: 'default' },
        acrInstance: {
          value: acr,
          source: acrSource,
        },
        cluster: { value: target, source: source(!!entity.cluster) },
        argoNamespace: {
          value: entity.argoNamespace ?? 'argo',
          source: source(!!entity.argoNamespace),
        },
      },
      problems: [],
      warnings: [],
      settings: entity.settings
        ? {
            settings: entity.settings,
            updatedBy: 'user:default/owner',
            updatedAt: '2026-11-28T00:00:00Z',
          }
        : null,
      clusters: CLUSTERS.map(cluster => ({
        name: cluster.name,
        region: cluster.region,
        default: cluster.default,
        target: cluster.name === target,
        sync: cluster.sync,
        caches: (entity.caches ?? []).filter(
          cache => cache.cluster === cluster.name,
        ),
        otherCachesOmitted: 0,
        acr: {
          cluster: cluster.name,
          clusterRegion: cluster.region,
          annotationValue: acr,
          instances: [],
        },
        allowUnlistedAcrInstances: true,
        error: null,
      })),
      images: entity.images.map(image => ({
        image,
        registry: image.split('/')[0],
        acrInstanceId: null,
        acrInstanceRegion: null,
        onAcrEnterprise: false,
        floating: false,
        message: null,
      })),
      errors: [],
      history: [],
      permissions: entity.permissions ?? {
        create: true,
        delete: true,
        updateAcr: true,
      },
    };
  }

  async listClusters({ credentials }: { credentials: BackstageCredentials }) {
    this.record('listClusters', credentials);
    return { items: CLUSTERS };
  }

  async listAcrInstances({
    credentials,
  }: {
    credentials: BackstageCredentials;
  }) {
    this.record('listAcrInstances', credentials);
    return { items: ACR_INSTANCES };
  }

  async createCache(
    ref: unknown,
    request: CreateCacheRequest,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<CreateCacheResponse> {
    this.record('createCache', credentials, ref, request);
    const entity = this.entity(ref);
    const cache = cacheView({
      name: `${entity.entityRef.split('/')[1]}-new${
        this.callsOf('createCache').length
      }`,
      entityRef: entity.entityRef,
      cluster: request.cluster ?? entity.cluster ?? 'ack-hangzhou',
      images: request.images ?? entity.images,
      phase: 'Preparing',
    });
    entity.caches = [...(entity.caches ?? []), cache];
    return {
      cluster: cache.cluster,
      outcome: 'created',
      cache,
      replaces: null,
      revision: 0,
      requestedBy: 'user:default/fake',
      requestedAt: new Date(0).toISOString(),
    };
  }

  async listCaches(
    query: { owner?: string; cluster?: string },
    { credentials }: { credentials: BackstageCredentials },
  ) {
    this.record('listCaches', credentials, query);
    const entity = this.entity(query.owner);
    this.onListCaches?.(entity);
    return {
      items: (entity.caches ?? []).filter(
        cache => !query.cluster || cache.cluster === query.cluster,
      ),
      errors: [],
    };
  }

  async saveSettings(
    ref: unknown,
    settings: EntitySettings,
    { credentials }: { credentials: BackstageCredentials },
  ) {
    this.record('saveSettings', credentials, ref, settings);
    const entity = this.entity(ref);
    entity.settings = settings;
    return {
      settings,
      updatedBy: ownerOf(credentials) ?? '',
      updatedAt: '2026-11-28T00:00:00Z',
    };
  }
}
