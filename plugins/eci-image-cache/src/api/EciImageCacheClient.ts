import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AcrInstanceListResponse,
  ClusterListResponse,
  CreateCacheRequest,
  CreateCacheResponse,
  DeleteCacheResponse,
  EntitySettings,
  SavedEntitySettings,
  EntityRunsResponse,
  EntityStateResponse,
  FLEET_CACHES_PATH,
  FleetCachesResponse,
  FleetQuery,
  WorkflowPreviewQuery,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';
import { EciImageCacheApi } from './EciImageCacheApi';

const PLUGIN_ID = 'eci-image-cache';

function entityPath(entity: CompoundEntityRef): string {
  return [
    'entities',
    entity.kind.toLocaleLowerCase('en-US'),
    entity.namespace,
    entity.name,
  ]
    .map(encodeURIComponent)
    .join('/');
}

/** `?key=value&…` of the defined values, or nothing. */
function searchOf(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

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
    return this.request(entityPath(entity));
  }

  createCache(
    entity: CompoundEntityRef,
    request: CreateCacheRequest,
  ): Promise<CreateCacheResponse> {
    return this.request(`${entityPath(entity)}/caches`, {
      method: 'POST',
      body: request,
    });
  }

  deleteCache(
    entity: CompoundEntityRef,
    cluster: string,
    cacheName: string,
  ): Promise<DeleteCacheResponse> {
    return this.request(
      `${entityPath(entity)}/caches/${encodeURIComponent(
        cluster,
      )}/${encodeURIComponent(cacheName)}`,
      { method: 'DELETE' },
    );
  }

  saveSettings(
    entity: CompoundEntityRef,
    settings: EntitySettings,
  ): Promise<SavedEntitySettings> {
    return this.request(`${entityPath(entity)}/settings`, {
      method: 'PUT',
      body: settings,
    });
  }

  async deleteSettings(entity: CompoundEntityRef): Promise<void> {
    await this.request(`${entityPath(entity)}/settings`, { method: 'DELETE' });
  }

  getWorkflow(
    entity: CompoundEntityRef,
    query: WorkflowPreviewQuery,
  ): Promise<WorkflowPreviewResponse> {
    return this.request(`${entityPath(entity)}/workflow${searchOf(query)}`);
  }

  listClusters(): Promise<ClusterListResponse> {
    return this.request('clusters');
  }

  listAcrInstances(): Promise<AcrInstanceListResponse> {
    return this.request('acr/instances');
  }

  getEntityRuns(entity: CompoundEntityRef): Promise<EntityRunsResponse> {
    return this.request(`${entityPath(entity)}/runs`);
  }

  getFleetCaches(query: FleetQuery): Promise<FleetCachesResponse> {
    return this.request(`${FLEET_CACHES_PATH.slice(1)}${searchOf(query)}`);
  }

  private async request<T>(
    path: string,
    options: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}/${path}`, {
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
