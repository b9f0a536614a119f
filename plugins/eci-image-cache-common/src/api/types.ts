// Request and response types of the backend plugin's HTTP API (`/api/eci-image-cache`),
// shared by the backend router, the node client and the frontend. Types only.

import type { EntityCacheMode } from '../entityConfig';
import type { ImageCacheEvent, ImageCachePhase } from '../imageCacheTypes';
import type { ImageCacheOrigin } from '../imageCacheOwnership';
import type { ValidationProblem } from '../validation/result';
import type {
  AnnotationDialect,
  AnnotationPlacement,
  WorkflowCacheMode,
  WorkflowKind,
} from '../workflow';

/**
 * Where an effective value came from: a catalog annotation (wins), settings saved through the API, or a default.
 *
 * @public
 */
export type ConfigValueSource = 'annotation' | 'settings' | 'default';

/**
 * An effective configuration value and its source.
 *
 * @public
 */
export interface EffectiveValue<T> {
  /** The value in effect. */
  value: T;
  /** Where it came from. */
  source: ConfigValueSource;
}

/**
 * An entity's effective configuration: annotations merged with saved settings and defaults.
 *
 * @public
 */
export interface EffectiveEntityConfig {
  /** Images to cache (annotation only). */
  images: EffectiveValue<string[]>;
  /** Cache mode. */
  cacheMode: EffectiveValue<EntityCacheMode>;
  /** ImageCache size in GiB. */
  imageCacheSize: EffectiveValue<number>;
  /** Retention in days; null means never expires. */
  retentionDays: EffectiveValue<number | null>;
  /** Pull secrets, `namespace:name`. */
  imagePullSecrets: EffectiveValue<string[]>;
  /** ACR instance ref `[RegionID:]cri-…`, or null. */
  acrInstance: EffectiveValue<string | null>;
  /** Target cluster. */
  cluster: EffectiveValue<string>;
  /** Argo namespace. */
  argoNamespace: EffectiveValue<string>;
}

/**
 * State of a cluster's watch cache.
 *
 * @public
 */
export type ClusterSyncStateName = 'synced' | 'syncing' | 'error';

/**
 * Sync state of one cluster's watch cache.
 *
 * @public
 */
export interface ClusterSyncState {
  /** `synced`: the data is current; `syncing`: first list running; `error`: data may be stale. */
  state: ClusterSyncStateName;
  /** Why the cluster is not synced. */
  message?: string;
  /** Since when (ISO 8601). */
  since: string;
}

/**
 * A problem reaching one cluster; other clusters' data is still returned.
 *
 * @public
 */
export interface ClusterError {
  /** Cluster name. */
  cluster: string;
  /** HTTP status a request would have got (503 unreachable, 502 credentials rejected). */
  statusCode: number;
  /** Error name, e.g. `ServiceUnavailableError`. */
  name: string;
  /** Message naming the cluster and what to do. */
  message: string;
}

/**
 * How a cache relates to the entity: its current managed cache, a requested revision that
 * becomes current once Ready (the current one stays while it is built or when it fails), a kept
 * predecessor, a managed cache no longer wanted (deleted after the grace period), a read-only
 * unmanaged cache, or another entity's managed cache holding its images (ECI's automatic matching
 * may use it).
 *
 * @public
 */
export type CacheRole =
  | 'active'
  | 'pending'
  | 'previous'
  | 'orphan'
  | 'unmanaged'
  | 'other';

/**
 * One ImageCache as shown by the API.
 *
 * @public
 */
export interface ImageCacheView {
  /** Cluster name. */
  cluster: string;
  /** Object name. */
  name: string;
  /** Whether this plugin manages it (only managed caches may be changed). */
  managed: boolean;
  /** Where it came from (common's `imageCacheOrigin`): ECI auto-creates `eci-auto` caches, never touched by the plugin. */
  origin: ImageCacheOrigin;
  /** Relation to the entity. */
  role: CacheRole;
  /** Owning entity of a managed cache. */
  entityRef: string | null;
  /** Images in the cache. */
  images: string[];
  /** ECI phase (unknown values are passed through). */
  phase: ImageCachePhase | null;
  /** Progress as reported, e.g. `45%`. */
  progress: string | null;
  /** Progress 0–100. */
  progressPercent: number | null;
  /** Cache id `imc-…`. */
  imageCacheId: string | null;
  /** ECI can use it (common's `isCacheUsable`): Ready, valid id, not expired, not being deleted. */
  usable: boolean;
  /** Size in GiB. */
  imageCacheSize: number | null;
  /** Retention in days, null for never. */
  retentionDays: number | null;
  /** Expiry reported by ECI. */
  expireDateTime: string | null;
  /** Whole days until expiry (negative once expired). */
  daysLeft: number | null;
  /** Whether the expiry date has passed. */
  expired: boolean;
  /** Object creation time. */
  creationTimestamp: string | null;
  /** When ECI started building it. */
  startTime: string | null;
  /** Last status update. */
  lastUpdatedTime: string | null;
  /** ECI events (newest last). */
  events: ImageCacheEvent[];
  /** `k8s.aliyun.com/acr-instance-ids` of the cache. */
  acrInstanceIds: string | null;
  /** Being deleted. */
  deleting: boolean;
  /** Retry plan of a Failed managed cache. */
  retry: { attempts: number; nextAttemptAt: string } | null;
  /** When an orphaned managed cache will be deleted. */
  deleteAfter: string | null;
}

/**
 * One ACR instance in a cluster's ACR annotation, with the reason for its value.
 *
 * @public
 */
export interface AcrInstanceUse {
  /** Instance id. */
  id: string;
  /** Region of the instance, when known. */
  instanceRegion: string | null;
  /** Value written for this instance: `cri-…` or `<region>:cri-…`. */
  value: string;
  /** Why this instance is used and why the region is (not) prefixed. */
  reason: string;
  /** Where the instance came from. */
  source: 'annotation' | 'settings' | 'image-domain';
}

/**
 * The ACR password-free pull annotation of an entity's pods on one cluster.
 *
 * @public
 */
export interface ClusterAcrView {
  /** Cluster name. */
  cluster: string;
  /** Cluster region. */
  clusterRegion: string;
  /** Value of `k8s.aliyun.com/acr-instance-ids` (comma-separated), null when no instance applies. */
  annotationValue: string | null;
  /** The instances in the value. */
  instances: AcrInstanceUse[];
}

/**
 * One image of the entity and the ACR Enterprise Edition instance serving it.
 *
 * @public
 */
export interface ImageAcrView {
  /** Image as written. */
  image: string;
  /** Registry host. */
  registry: string;
  /** Configured ACR EE instance serving the registry domain, if any. */
  acrInstanceId: string | null;
  /** Region of that instance. */
  acrInstanceRegion: string | null;
  /** False when no configured ACR EE instance serves the image (no password-free pull). */
  onAcrEnterprise: boolean;
  /** Not pinned (`latest` or no tag). */
  floating: boolean;
  /** Explanation for flagged images. */
  message: string | null;
}

/**
 * One configured cluster as seen by an entity.
 *
 * @public
 */
export interface EntityClusterView {
  /** Cluster name. */
  name: string;
  /** Cluster region. */
  region: string;
  /** The default cluster. */
  default: boolean;
  /** The entity's target cluster. */
  target: boolean;
  /** Watch cache state. */
  sync: ClusterSyncState;
  /**
   * Managed caches of the entity; of the unmanaged or other entities' caches holding one of its
   * images, those holding all of them and the partial match ECI would try first (common's
   * `listedOtherCaches`).
   */
  caches: ImageCacheView[];
  /** How many more unmanaged or other entities' caches hold some of its images. */
  otherCachesOmitted: number;
  /** ACR annotation for pods on this cluster. */
  acr: ClusterAcrView;
  /** Whether entities may name ACR instances missing from the configured list on this cluster. */
  allowUnlistedAcrInstances: boolean;
  /** Why this cluster's data may be missing or stale. */
  error: ClusterError | null;
}

/**
 * Lifecycle history actions.
 *
 * @public
 */
export type HistoryAction =
  | 'created'
  | 'adopted'
  | 'ready'
  | 'failed'
  | 'retried'
  | 'rotated'
  | 'expired'
  | 'orphaned'
  | 'deleted';

/**
 * One lifecycle event of an entity's caches; kept after the caches are gone.
 *
 * @public
 */
export interface HistoryEntry {
  /** Cluster name. */
  cluster: string;
  /** ImageCache name. */
  cacheName: string;
  /** Cache id `imc-…` when known. */
  imageCacheId: string | null;
  /** What happened. */
  action: HistoryAction;
  /** Details. */
  message: string | null;
  /** User or service that caused it (null for the reconciler and ECI). */
  actor: string | null;
  /** When (ISO 8601). */
  occurredAt: string;
}

/**
 * What the caller may change on the entity.
 *
 * @public
 */
export interface EntityPermissions {
  /** Create or refresh caches, change cache settings (`eci.imagecache.create`). */
  create: boolean;
  /** Delete managed caches (`eci.imagecache.delete`). */
  delete: boolean;
  /** Change the ACR instance (`eci.acr.update`). */
  updateAcr: boolean;
}

/**
 * Per-entity settings saved through the API; catalog annotations take precedence over them.
 *
 * @public
 */
export interface EntitySettings {
  /** ACR instance `[RegionID:]cri-…`. */
  acrInstance?: string;
  /** Cache mode. */
  cacheMode?: EntityCacheMode;
  /** ImageCache size in GiB, 20–32768. */
  imageCacheSize?: number;
  /** Retention in days, 1–65536. */
  retentionDays?: number;
  /** Pull secrets `namespace:name`. */
  imagePullSecrets?: string[];
}

/**
 * Saved settings with who saved them and when.
 *
 * @public
 */
export interface SavedEntitySettings {
  /** The settings. */
  settings: EntitySettings;
  /** User entity ref or service subject. */
  updatedBy: string;
  /** ISO 8601. */
  updatedAt: string;
}

/**
 * `GET /entities/:kind/:namespace/:name`.
 *
 * @public
 */
export interface EntityStateResponse {
  /** Normalised entity ref. */
  entityRef: string;
  /** Whether the entity carries any annotation of the contract. */
  hasAnnotations: boolean;
  /** Effective configuration; null when it has problems. */
  config: EffectiveEntityConfig | null;
  /** Invalid values (annotation or setting, value, rule). */
  problems: ValidationProblem[];
  /** Risky values (floating tags, no expiry, no effect) and drift notes. */
  warnings: ValidationProblem[];
  /** Saved settings, if any. */
  settings: SavedEntitySettings | null;
  /** Every configured cluster. */
  clusters: EntityClusterView[];
  /** The entity's images and their ACR instances. */
  images: ImageAcrView[];
  /** Clusters whose data is missing or stale. */
  errors: ClusterError[];
  /** Lifecycle history, newest first. */
  history: HistoryEntry[];
  /** What the caller may change. */
  permissions: EntityPermissions;
}

/**
 * `POST /entities/:kind/:namespace/:name/caches`: create, or refresh, the entity's cache now.
 * Every field is optional and overrides the effective configuration for this cache only.
 *
 * @public
 */
export interface CreateCacheRequest {
  /** Target cluster (default: the entity's cluster). */
  cluster?: string;
  /** Images (default: the entity's images). */
  images?: string[];
  /** Size in GiB. */
  imageCacheSize?: number;
  /** Retention in days. */
  retentionDays?: number;
  /** Pull secrets `namespace:name`. */
  imagePullSecrets?: string[];
  /** Set `k8s.aliyun.com/imc-enable-reuse` (default true). */
  enableReuse?: boolean;
}

/**
 * Answer to {@link CreateCacheRequest}.
 *
 * @public
 */
export interface CreateCacheResponse {
  /** Cluster name. */
  cluster: string;
  /**
   * `created` (201): the entity's first cache is requested; `refreshed` (201): a new revision is
   * requested that becomes current once Ready, replacing `replaces`; `in-flight` (200): an
   * identical request is already being built, `cache` and `revision` name it;
   * `adopted`: kept for older clients, no longer answered.
   */
  outcome: 'created' | 'refreshed' | 'in-flight' | 'adopted';
  /** The cache: as observed on the cluster, or as requested while the reconciler has not created it yet. */
  cache: ImageCacheView;
  /** Name of the cache it replaces once Ready. */
  replaces: string | null;
  /** The entity's desired revision on the cluster that this answer is about. */
  revision: number;
  /** Who asked for that revision, and when (ISO 8601). */
  requestedBy: string;
  requestedAt: string;
}

/**
 * Answer of `DELETE /entities/:kind/:namespace/:name/caches/:cluster/:cacheName`.
 *
 * @public
 */
export interface DeleteCacheResponse {
  /** Cluster name. */
  cluster: string;
  /** Deleted cache. */
  name: string;
  /** What happens next, e.g. that the entity's active cache will be recreated. */
  note: string | null;
}

/**
 * `GET /entities/:kind/:namespace/:name/workflow` query.
 *
 * @public
 */
export interface WorkflowPreviewQuery {
  /** Object kind (default `Workflow`). */
  kind?: WorkflowKind;
  /** Cache mode (default: `pinned` for manual entities, else the entity's mode). */
  cacheMode?: WorkflowCacheMode;
  /** Annotation names (default `legacy`). */
  dialect?: AnnotationDialect;
  /** Annotation placement (default `podMetadata`). */
  placement?: AnnotationPlacement;
  /** Cluster (default: the entity's cluster). */
  cluster?: string;
  /** Cron schedule, `CronWorkflow` only. */
  schedule?: string;
}

/**
 * Answer of the workflow preview.
 *
 * @public
 */
export interface WorkflowPreviewResponse {
  /** The rendered YAML. */
  yaml: string;
  /** Pinned cache id, if any. */
  cacheId: string | null;
  /** ACR annotation value written into the workflow, if any. */
  acrAnnotation: string | null;
  /** Explanations (why a mode or region was chosen, what to check). */
  notes: string[];
  /** Cluster the workflow targets. */
  cluster: string;
  /** Cache mode used. */
  cacheMode: WorkflowCacheMode;
  /** What ECI will do when the pods start, and why (common's `predictEci`). */
  prediction: { verdict: 'warm' | 'cold' | 'unknown'; reason: string };
}

/**
 * `GET /caches` query.
 *
 * @public
 */
export interface CacheListQuery {
  /** Only this cluster. */
  cluster?: string;
  /** Only this phase. */
  phase?: string;
  /** Only caches of this entity ref. */
  owner?: string;
}

/**
 * `GET /caches`: managed caches across entities.
 *
 * @public
 */
export interface CacheListResponse {
  /** Caches the caller may read. */
  items: ImageCacheView[];
  /** Clusters whose data is missing or stale. */
  errors: ClusterError[];
}

/**
 * One configured cluster (never its URL, token or CA).
 *
 * @public
 */
export interface ClusterInfo {
  /** Name. */
  name: string;
  /** Region. */
  region: string;
  /** The default cluster. */
  default: boolean;
  /** Default Argo namespace. */
  defaultNamespace: string;
  /** Watch cache state. */
  sync: ClusterSyncState;
  /** ImageCaches seen on the cluster. */
  imageCacheCount: number;
}

/**
 * `GET /clusters`.
 *
 * @public
 */
export interface ClusterListResponse {
  /** Clusters. */
  items: ClusterInfo[];
}

/**
 * A configured ACR Enterprise Edition instance.
 *
 * @public
 */
export interface AcrInstanceInfo {
  /** Instance id. */
  id: string;
  /** Region. */
  region: string;
  /** Instance name, if configured. */
  name: string | null;
  /** Registry domains. */
  domains: string[];
}

/**
 * `GET /acr/instances`.
 *
 * @public
 */
export interface AcrInstanceListResponse {
  /** Instances. */
  items: AcrInstanceInfo[];
}
