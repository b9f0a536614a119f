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
      /**
       * URL of the Kubernetes API server, e.g. `https://1.2.3.4:6443`. Optional with
       * `inCluster` (default: the in-cluster service address) and `kubeconfig` (default: the context's server).
       */
      url?: string;
      /** Alibaba Cloud region of the cluster, e.g. `cn-hangzhou` (used for the ACR region rule). */
      region: string;
      /**
       * How the backend authenticates: `serviceAccount` (a bearer token), `clientCertificate`
       * (x509 certificate and key, as in an ACK console kubeconfig), `inCluster` (the pod's own
       * service account), `kubeconfig` (a kubeconfig file and context, for local development),
       * or a strategy a backend module added through `eciClusterAuthExtensionPoint`.
       */
      authProvider: string;
      /**
       * With `serviceAccount`: the bearer token of the service account.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /**
       * With `clientCertificate`: the kubeconfig's `client-certificate-data` (base64 PEM; PEM is accepted too).
       * @visibility secret
       */
      clientCertificateData?: string;
      /**
       * With `clientCertificate`: the kubeconfig's `client-key-data` (base64 PEM; PEM is accepted too).
       * @visibility secret
       */
      clientKeyData?: string;
      /** With `kubeconfig`: path of the kubeconfig file. */
      kubeconfigPath?: string;
      /** With `kubeconfig`: the context to use (default: the file's current context). */
      kubeconfigContext?: string;
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
      /**
       * Whether entities may name ACR instances that are not in `acr.instances` (default true).
       * With false, such a value is refused (HTTP 400 naming the field) instead of written into pods.
       */
      allowUnlistedAcrInstances?: boolean;
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
      /** How often the catalog is checked for changed entities, each reconciled at once (default 250 milliseconds). */
      catalogChangeInterval?: HumanDuration | string;
      /** Most ImageCache writes (create/delete) per minute and cluster (default 120; ECI allows 200 CreateImageCache calls per minute). */
      maxWritesPerMinute?: number;
    };

    /** Run evidence: what happened when the pods of an entity's workflows started. */
    runs?: {
      /** Runs kept in memory per entity, newest first (default 20, 1–200). */
      perEntity?: number;
    };

    /**
     * Notifications to the owner of an entity (through Backstage's notifications service) when
     * one of its managed caches goes Failed, or expires soon with no refresh planned. Each is sent
     * once, whatever the number of replicas and restarts.
     */
    notifications?: {
      /** Send notifications at all (default true). */
      enabled?: boolean;
      /** Warn this many days (or fewer) before a managed cache expires, 0–365; 0 turns expiry warnings off (default 7). */
      expiryWarningDays?: number;
      /** How often every managed cache is checked; failures are also noticed as they happen (default 15 minutes, at least 10 seconds). */
      checkInterval?: HumanDuration | string;
    };

    /** The fleet page (every ImageCache on every cluster). */
    fleet?: {
      /**
       * Price of one GiB of image cache per month, for the estimated monthly cost. There is no
       * built-in price: without it no cost is shown.
       */
      pricePerGiBMonth?: number;
      /** Currency shown with the cost, e.g. "CNY" (requires pricePerGiBMonth). */
      currency?: string;
    };

    /** Timeout of each request to a cluster (default 10 seconds). */
    requestTimeout?: HumanDuration | string;

    /** How long catalog entity lookups of the HTTP API are cached (default 5 seconds; 0 disables). */
    entityCacheTtl?: HumanDuration | string;
  };
}
