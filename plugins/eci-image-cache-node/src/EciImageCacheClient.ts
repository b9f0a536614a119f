import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  AcrInstanceListResponse,
  CacheListQuery,
  CacheListResponse,
  ClusterListResponse,
  CreateCacheRequest,
  CreateCacheResponse,
  DeleteCacheResponse,
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

/** The plugin id of the ECI image cache backend plugin. */
export const ECI_IMAGE_CACHE_PLUGIN_ID = 'eci-image-cache';

function entityPath(entityRef: EciEntityRef): string {
  const ref = parseEntityRef(entityRef);
  return `/entities/${[ref.kind, ref.namespace, ref.name]
    .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
    .join('/')}`;
}

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

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
  getEntityState(entityRef: EciEntityRef, options: EciImageCacheRequestOptions) {
    return this.call<EntityStateResponse>('GET', entityPath(entityRef), options);
  }

  /** {@inheritDoc EciImageCacheService.createCache} */
  createCache(
    entityRef: EciEntityRef,
    request: CreateCacheRequest,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<CreateCacheResponse>(
      'POST',
      `${entityPath(entityRef)}/caches`,
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
      `${entityPath(entityRef)}/caches/${encodeURIComponent(cluster)}/${encodeURIComponent(cacheName)}`,
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
      `${entityPath(entityRef)}/settings`,
      options,
      settings,
    );
  }

  /** {@inheritDoc EciImageCacheService.resetSettings} */
  async resetSettings(entityRef: EciEntityRef, options: EciImageCacheRequestOptions) {
    await this.call<void>('DELETE', `${entityPath(entityRef)}/settings`, options);
  }

  /** {@inheritDoc EciImageCacheService.getWorkflow} */
  getWorkflow(
    entityRef: EciEntityRef,
    query: WorkflowPreviewQuery,
    options: EciImageCacheRequestOptions,
  ) {
    return this.call<WorkflowPreviewResponse>(
      'GET',
      `${entityPath(entityRef)}/workflow${queryString(query)}`,
      options,
    );
  }

  /** {@inheritDoc EciImageCacheService.listCaches} */
  listCaches(query: CacheListQuery, options: EciImageCacheRequestOptions) {
    return this.call<CacheListResponse>('GET', `/caches${queryString(query)}`, options);
  }

  /** {@inheritDoc EciImageCacheService.listClusters} */
  listClusters(options: EciImageCacheRequestOptions) {
    return this.call<ClusterListResponse>('GET', '/clusters', options);
  }

  /** {@inheritDoc EciImageCacheService.listAcrInstances} */
  listAcrInstances(options: EciImageCacheRequestOptions) {
    return this.call<AcrInstanceListResponse>('GET', '/acr/instances', options);
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
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
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
