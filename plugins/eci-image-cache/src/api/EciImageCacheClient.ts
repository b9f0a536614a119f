import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AcrInstanceListResponse,
  API_ROUTES,
  apiPath,
  ClusterListResponse,
  CreateCacheRequest,
  CreateCacheResponse,
  DeleteCacheResponse,
  ECI_IMAGE_CACHE_PLUGIN_ID,
  entityRouteParams,
  EntitySettings,
  SavedEntitySettings,
  EntityRunsResponse,
  EntityStateResponse,
  FleetCachesResponse,
  FleetQuery,
  WorkflowPreviewQuery,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheApi } from './EciImageCacheApi';

/**
 * {@link EciImageCacheApi} over the Backstage fetch and discovery APIs (so requests carry the
 * user's token).
 *
 * @public
 */
export class EciImageCacheClient implements EciImageCacheApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getEntityState(entity: CompoundEntityRef): Promise<EntityStateResponse> {
    return this.request(apiPath(API_ROUTES.entity, entityRouteParams(entity)));
  }

  createCache(
    entity: CompoundEntityRef,
    request: CreateCacheRequest,
  ): Promise<CreateCacheResponse> {
    return this.request(
      apiPath(API_ROUTES.entityCaches, entityRouteParams(entity)),
      {
        method: 'POST',
        body: request,
      },
    );
  }

  deleteCache(
    entity: CompoundEntityRef,
    cluster: string,
    cacheName: string,
  ): Promise<DeleteCacheResponse> {
    return this.request(
      apiPath(API_ROUTES.entityCache, {
        ...entityRouteParams(entity),
        cluster,
        cacheName,
      }),
      { method: 'DELETE' },
    );
  }

  saveSettings(
    entity: CompoundEntityRef,
    settings: EntitySettings,
  ): Promise<SavedEntitySettings> {
    return this.request(
      apiPath(API_ROUTES.entitySettings, entityRouteParams(entity)),
      {
        method: 'PUT',
        body: settings,
      },
    );
  }

  async deleteSettings(entity: CompoundEntityRef): Promise<void> {
    await this.request(
      apiPath(API_ROUTES.entitySettings, entityRouteParams(entity)),
      {
        method: 'DELETE',
      },
    );
  }

  getWorkflow(
    entity: CompoundEntityRef,
    query: WorkflowPreviewQuery,
  ): Promise<WorkflowPreviewResponse> {
    return this.request(
      apiPath(API_ROUTES.entityWorkflow, entityRouteParams(entity), query),
    );
  }

  listClusters(): Promise<ClusterListResponse> {
    return this.request(API_ROUTES.clusters);
  }

  listAcrInstances(): Promise<AcrInstanceListResponse> {
    return this.request(API_ROUTES.acrInstances);
  }

  getEntityRuns(entity: CompoundEntityRef): Promise<EntityRunsResponse> {
    return this.request(
      apiPath(API_ROUTES.entityRuns, entityRouteParams(entity)),
    );
  }

  getFleetCaches(query: FleetQuery): Promise<FleetCachesResponse> {
    return this.request(apiPath(API_ROUTES.fleetCaches, {}, query));
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      ECI_IMAGE_CACHE_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: options.method ?? 'GET',
      headers:
        options.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body:
        options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
