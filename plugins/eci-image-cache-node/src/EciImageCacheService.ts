import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
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

/**
 * Options of every {@link EciImageCacheService} call: the credentials of the original caller,
 * whose permissions the backend plugin checks.
 *
 * @public
 */
export interface EciImageCacheRequestOptions {
  /** Credentials of the original caller (user or service). */
  credentials: BackstageCredentials;
}

/**
 * An entity, by ref string (`component:default/checkout`) or compound ref.
 *
 * @public
 */
export type EciEntityRef = string | CompoundEntityRef;

/**
 * The ECI image cache backend plugin's API, for other backend plugins and modules
 * (such as the scaffolder module). Errors are `@backstage/errors` classes
 * (`InputError`, `NotAllowedError`, `NotFoundError`, `ConflictError`,
 * `ServiceUnavailableError`, …) carrying the backend's message; others are `ResponseError`.
 *
 * @public
 */
export interface EciImageCacheService {
  /** The entity tab's data: effective config, caches per cluster, ACR annotation, history, permissions. */
  getEntityState(
    entityRef: EciEntityRef,
    options: EciImageCacheRequestOptions,
  ): Promise<EntityStateResponse>;
  /** Creates (or refreshes) the entity's managed cache now; needs `eci.imagecache.create`. */
  createCache(
    entityRef: EciEntityRef,
    request: CreateCacheRequest,
    options: EciImageCacheRequestOptions,
  ): Promise<CreateCacheResponse>;
  /** Deletes one managed cache of the entity; needs `eci.imagecache.delete`. */
  deleteCache(
    entityRef: EciEntityRef,
    cluster: string,
    cacheName: string,
    options: EciImageCacheRequestOptions,
  ): Promise<DeleteCacheResponse>;
  /** Saves the entity's settings (replacing earlier ones). */
  saveSettings(
    entityRef: EciEntityRef,
    settings: EntitySettings,
    options: EciImageCacheRequestOptions,
  ): Promise<SavedEntitySettings>;
  /** Removes the entity's saved settings. */
  resetSettings(
    entityRef: EciEntityRef,
    options: EciImageCacheRequestOptions,
  ): Promise<void>;
  /** The entity's annotated Argo workflow as YAML. */
  getWorkflow(
    entityRef: EciEntityRef,
    query: WorkflowPreviewQuery,
    options: EciImageCacheRequestOptions,
  ): Promise<WorkflowPreviewResponse>;
  /** Managed caches across entities the caller may read. */
  listCaches(
    query: CacheListQuery,
    options: EciImageCacheRequestOptions,
  ): Promise<CacheListResponse>;
  /** The configured clusters and their sync state. */
  listClusters(options: EciImageCacheRequestOptions): Promise<ClusterListResponse>;
  /** The configured ACR Enterprise Edition instances. */
  listAcrInstances(
    options: EciImageCacheRequestOptions,
  ): Promise<AcrInstanceListResponse>;
}
