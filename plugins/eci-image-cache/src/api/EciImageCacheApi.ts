import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
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
  FleetCachesResponse,
  FleetQuery,
  WorkflowPreviewQuery,
  WorkflowPreviewResponse,
} from '@eci-portal/plugin-eci-image-cache-common';

/**
 * Client of the `eci-image-cache` backend plugin (`/api/eci-image-cache`). Failed requests reject
 * with a `ResponseError` from `@backstage/errors` carrying the server's message.
 *
 * @public
 */
export interface EciImageCacheApi {
  /** Effective configuration, caches per cluster, ACR annotation, history and permissions of an entity. */
  getEntityState(entity: CompoundEntityRef): Promise<EntityStateResponse>;
  /** Creates the entity's cache now, or refreshes (recreates) it; overrides apply to this cache only. */
  createCache(
    entity: CompoundEntityRef,
    request: CreateCacheRequest,
  ): Promise<CreateCacheResponse>;
  /** Deletes one managed cache of the entity; the answer says what happens next. */
  deleteCache(
    entity: CompoundEntityRef,
    cluster: string,
    cacheName: string,
  ): Promise<DeleteCacheResponse>;
  /** Replaces the entity's saved settings (catalog annotations still take precedence). */
  saveSettings(
    entity: CompoundEntityRef,
    settings: EntitySettings,
  ): Promise<SavedEntitySettings>;
  /** Removes the entity's saved settings. */
  deleteSettings(entity: CompoundEntityRef): Promise<void>;
  /** The generated Argo workflow for the entity. */
  getWorkflow(
    entity: CompoundEntityRef,
    query: WorkflowPreviewQuery,
  ): Promise<WorkflowPreviewResponse>;
  /** The configured clusters. */
  listClusters(): Promise<ClusterListResponse>;
  /** The configured ACR Enterprise Edition instances. */
  listAcrInstances(): Promise<AcrInstanceListResponse>;
  /** The entity's last workflow runs on ECI: cache hits, pull times, diagnosed failures. */
  getEntityRuns(entity: CompoundEntityRef): Promise<EntityRunsResponse>;
  /** One page of every ImageCache on every cluster, filtered and sorted by the backend. */
  getFleetCaches(query: FleetQuery): Promise<FleetCachesResponse>;
}

/**
 * API reference of {@link EciImageCacheApi}.
 *
 * @public
 */
export const eciImageCacheApiRef = createApiRef<EciImageCacheApi>().with({
  id: 'plugin.eci-image-cache.client',
  pluginId: 'eci-image-cache',
});
