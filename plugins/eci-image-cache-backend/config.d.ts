import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the ECI image cache backend plugin (plugin id `eci-image-cache`). */
  eciImageCache?: {
    /**
     * The ACK clusters whose ImageCaches the plugin manages. Field names mirror
     * Backstage's `kubernetes.clusterLocatorMethods[].clusters[]`. Cluster URLs and
     * tokens come only from here, never from catalog annotations.
     */
    clusters?: Array<{
      /** Unique cluster name (a DNS-1123 label); entities name it in `alibabacloud.com/eci-cluster`. */
      name: string;
      /** URL of the Kubernetes API server, e.g. `https://1.2.3.4:6443`. */
      url: string;
      /** Alibaba Cloud region of the cluster, e.g. `cn-hangzhou` (used for the ACR region rule). */
      region: string;
      /** Only `serviceAccount` is supported. */
      authProvider: 'serviceAccount';
      /**
       * Bearer token of the service account. When absent, the backend uses its own
       * in-cluster service account token (`/var/run/secrets/kubernetes.io/serviceaccount/token`).
       * @visibility secret
       */
      serviceAccountToken?: string;
      /**
       * Base64-encoded CA bundle of the API server.
       * @visibility secret
       */
      caData?: string;
      /**
       * Path to a CA bundle file of the API server.
       * @visibility secret
       */
      caFile?: string;
      /** Skip TLS verification of the API server (development only). */
      skipTLSVerify?: boolean;
      /** Namespace of Argo workflows when an entity names none (default `argo`). */
      defaultNamespace?: string;
      /** The cluster used when an entity names none; at most one cluster may set it (default: the first cluster). */
      default?: boolean;
      /** When set, the only namespaces an entity's `alibabacloud.com/argo-namespace` may name on this cluster. */
      allowedNamespaces?: string[];
    }>;

    /** ACR Enterprise Edition instances, used to resolve images to instances for password-free pulls. */
    acr?: {
      instances?: Array<{
        /** Instance id, `cri-…`. */
        id: string;
        /** Region of the instance, e.g. `cn-hangzhou`. */
        region: string;
        /** Instance name: matches the default `<name>-registry[-vpc].<region>.cr.aliyuncs.com` domains. */
        name?: string;
        /** Registry domains (system or custom) served by the instance. */
        domains?: string[];
      }>;
    };

    /** Lifecycle rules of managed ImageCaches. */
    lifecycle?: {
      /** Retention in days of caches whose entity sets none (default 30). */
      retentionDays?: number;
      /** How many previous caches of an entity are kept after a rotation (default 1). */
      previousCachesKept?: number;
      /** How long an orphaned managed cache is kept before it is deleted (default 24 hours). */
      orphanGracePeriod?: HumanDuration | string;
      /** Backoff before a Failed cache is retried: starts at `initial` (1 minute) and doubles up to `max` (1 hour). */
      retryBackoff?: {
        initial?: HumanDuration | string;
        max?: HumanDuration | string;
      };
      /** How often the reconciler runs (default 30 seconds). */
      reconcileInterval?: HumanDuration | string;
      /** Most ImageCache writes (create/delete) per minute and cluster (default 120; ECI allows 200 CreateImageCache calls per minute). */
      maxWritesPerMinute?: number;
    };

    /** Run evidence: what happened when the pods of an entity's workflows started. */
    runs?: {
      /** Runs kept in memory per entity, newest first (default 20, 1–200). */
      perEntity?: number;
    };

    /** Timeout of each request to a cluster (default 10 seconds). */
    requestTimeout?: HumanDuration | string;

    /** How long catalog entity lookups of the HTTP API are cached (default 5 seconds; 0 disables). */
    entityCacheTtl?: HumanDuration | string;
  };
}
