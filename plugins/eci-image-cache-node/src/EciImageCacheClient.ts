import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import {
  AcrInstanceListResponse,
  API_ROUTES,
  apiPath,
  CacheListQuery,
  CacheListResponse,
  ClusterListResponse,
  CreateCacheRequest,
  CreateCacheResponse,
  DeleteCacheResponse,
  ECI_IMAGE_CACHE_PLUGIN_ID,
  entityRouteParams,
  EntitySettings,
  EntityStateResponse,
  SavedEntitySettings,
  WorkflowPreviewQuery,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import {
  EciEntityRef,
  EciImageCacheRequestOptions,
  EciImageCacheService,
} from './EciImageCacheService';
import { errorFromResponse } from './errors';

/**
 * Typed HTTP client of the backend plugin's API. Calls carry a plugin request token issued
 * on behalf of the caller's credentials, so permissions are checked as the caller.
 *
 * @public
 */
export class EciImageCacheClient implements EciImageCacheService {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      fetch?: typeof fetch;
    },
  ) {}

  /** {@inheritDoc EciImageCacheService.getEntityState} */
  getEntityState(
    entityRef: EciEntityRef,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<EntityStateResponse>(
      'GET',
      apiPath(API_ROUTES.entity, entityRouteParams(entityRef)),
      options,
    );
  }

  /** {@inheritDoc EciImageCacheService.createCache} */
  createCache(
    entityRef: EciEntityRef,
    request: CreateCacheRequest,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<CreateCacheResponse>(
      'POST',
      apiPath(API_ROUTES.entityCaches, entityRouteParams(entityRef)),
      options,
      request,
    );
  }

  /** {@inheritDoc EciImageCacheService.deleteCache} */
  deleteCache(
    entityRef: EciEntityRef,
    cluster: string,
    cacheName: string,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<DeleteCacheResponse>(
      'DELETE',
      apiPath(API_ROUTES.entityCache, {
        ...entityRouteParams(entityRef),
        cluster,
        cacheName,
      }),
      options,
    );
  }

  /** {@inheritDoc EciImageCacheService.saveSettings} */
  saveSettings(
    entityRef: EciEntityRef,
    settings: EntitySettings,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<SavedEntitySettings>(
      'PUT',
      apiPath(API_ROUTES.entitySettings, entityRouteParams(entityRef)),
      options,
      settings,
    );
  }

  /** {@inheritDoc EciImageCacheService.resetSettings} */
  async resetSettings(
    entityRef: EciEntityRef,
    options: EciImageCacheRequestOptions,
  ) {
    await this.call<void>(
      'DELETE',
      apiPath(API_ROUTES.entitySettings, entityRouteParams(entityRef)),
      options,
    );
  }

  /** {@inheritDoc EciImageCacheService.getWorkflow} */
  getWorkflow(
    entityRef: EciEntityRef,
    query: WorkflowPreviewQuery,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<WorkflowPreviewResponse>(
      'GET',
      apiPath(API_ROUTES.entityWorkflow, entityRouteParams(entityRef), query),
      options,
    );
  }

  /** {@inheritDoc EciImageCacheService.listCaches} */
  listCaches(query: CacheListQuery, options: EciImageCacheRequestOptions) {
    return this.call<CacheListResponse>(
      'GET',
      apiPath(API_ROUTES.caches, {}, query),
      options,
    );
  }

  /** {@inheritDoc EciImageCacheService.listClusters} */
  listClusters(options: EciImageCacheRequestOptions) {
    return this.call<ClusterListResponse>('GET', API_ROUTES.clusters, options);
  }

  /** {@inheritDoc EciImageCacheService.listAcrInstances} */
  listAcrInstances(options: EciImageCacheRequestOptions) {
    return this.call<AcrInstanceListResponse>(
      'GET',
      API_ROUTES.acrInstances,
      options,
    );
  }

  private async call<T>(
    method: string,
    path: string,
    options: EciImageCacheRequestOptions,
    body?: unknown,
  ): Promise<T> {
    const [baseUrl, { token }] = await Promise.all([
      this.deps.discovery.getBaseUrl(ECI_IMAGE_CACHE_PLUGIN_ID),
      this.deps.auth.getPluginRequestToken({
        onBehalfOf: options.credentials,
        targetPluginId: ECI_IMAGE_CACHE_PLUGIN_ID,
      }),
    ]);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${token}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await (this.deps.fetch ?? fetch)(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await errorFromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}
