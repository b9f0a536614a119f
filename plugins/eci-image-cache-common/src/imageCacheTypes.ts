/**
 * Known `status.phase` values of an ImageCache; ECI may report others, which callers must treat as opaque.
 *
 * @public
 */
export const IMAGE_CACHE_PHASES = [
  'Preparing',
  'Creating',
  'Ready',
  'Failed',
  'Updating',
  'UpdateFailed',
] as const;

/**
 * An ImageCache phase: one of {@link IMAGE_CACHE_PHASES} or an unknown string.
 *
 * @public
 */
export type ImageCachePhase =
  | (typeof IMAGE_CACHE_PHASES)[number]
  | (string & {});

/**
 * A Kubernetes event recorded in an ImageCache status (e.g. "Success pull image busybox:latest").
 *
 * @public
 */
export interface ImageCacheEvent {
  /** `Normal` or `Warning`. */
  type?: string;
  /** Short machine-readable reason. */
  reason?: string;
  /** Human-readable message. */
  message?: string;
  /** How often the event happened. */
  count?: number;
  /** First occurrence, RFC 3339. */
  firstTimestamp?: string;
  /** Last occurrence, RFC 3339. */
  lastTimestamp?: string;
  /** Reporting component and host. */
  source?: { component?: string; host?: string };
  /** Other Event fields are kept as they are. */
  [key: string]: unknown;
}

/**
 * The four fields of an ImageCache spec.
 *
 * @public
 */
export interface ImageCacheSpec {
  /** Image references, 1–20. */
  images: string[];
  /** Pull secrets as `namespace:name`. */
  imagePullSecrets?: string[];
  /** Size in GiB, 20–32768 (ECI default 20). */
  imageCacheSize?: number;
  /** Days until the cache expires, 1–65536; absent means never. */
  retentionDays?: number;
}

/**
 * The status ECI reports on an ImageCache.
 *
 * @public
 */
export interface ImageCacheStatus {
  /** Lifecycle phase; only `Ready` caches can be used. */
  phase?: ImageCachePhase;
  /** Creation progress such as `45%`. */
  progress?: string;
  /** The cache id `imc-…` used in pod annotations. */
  imageCacheId?: string;
  /** When creation started, RFC 3339. */
  startTime?: string;
  /** Last status update, RFC 3339. */
  lastUpdatedTime?: string;
  /** When the cache expires (end of retention, or about 24 h after a failure), RFC 3339. */
  expireDateTime?: string;
  /** Events of the creation, including image pulls. */
  events?: ImageCacheEvent[];
}

/**
 * Metadata of a Kubernetes object, reduced to what this package reads and writes.
 *
 * @public
 */
export interface KubernetesObjectMeta {
  /** Object name. */
  name?: string;
  /** Prefix for server-generated names. */
  generateName?: string;
  /** Namespace (absent for cluster-scoped objects such as ImageCaches). */
  namespace?: string;
  /** Labels. */
  labels?: Record<string, string>;
  /** Annotations. */
  annotations?: Record<string, string>;
  /** Set by the API server. */
  creationTimestamp?: string;
  /** Set by the API server. */
  uid?: string;
  /** Set by the API server. */
  resourceVersion?: string;
}

/**
 * An `eci.alibabacloud.com/v1` ImageCache (cluster-scoped).
 *
 * @public
 */
export interface ImageCache {
  /** Always `eci.alibabacloud.com/v1`. */
  apiVersion: 'eci.alibabacloud.com/v1';
  /** Always `ImageCache`. */
  kind: 'ImageCache';
  /** Object metadata. */
  metadata: KubernetesObjectMeta & { name: string };
  /** Desired cache. */
  spec: ImageCacheSpec;
  /** Reported state, absent until ECI reports one. */
  status?: ImageCacheStatus;
}
