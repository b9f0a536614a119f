import type { TokenFile } from '../auth/tokenFile';
import type { Clock } from '../clock/Clock';
import type { RegistryFile, SimulatedRegistry } from '../eci/SimulatedRegistry';
import type { FaultConfig, FaultInjector } from '../faults/FaultInjector';
import type { StatsSnapshot } from '../stats/RequestStats';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';

/** Options of {@link startEmulator}; every field is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS with a generated self-signed CA (returned as `caData`). */
  tls?: boolean;
  /** Simulated milliseconds per real millisecond (default 1). Ignored with `manualClock`. */
  timeScale?: number;
  /** Use a clock that only moves through `clock.advance(ms)` (deterministic tests). */
  manualClock?: boolean;
  /** Simulated time at start (epoch ms or Date). Default: now, or 2025-01-01 for a manual clock. */
  startTime?: number | Date;
  /** Simulated registry: a YAML/JSON file path or its parsed content (default data/registry.yaml). */
  registry?: string | RegistryFile;
  /** Bearer tokens and rules: a YAML/JSON file path or its parsed content (default data/tokens.yaml). */
  tokens?: string | TokenFile;
  /** Objects to create at start when absent: a multi-document YAML path or objects. */
  seed?: string | KubeObject[];
  /** Cluster region for password-free ACR pulls (default cn-hangzhou). */
  region?: string;
  /** Cluster and context name in the kubeconfig (default ack-emulator). */
  clusterName?: string;
  /** Number of changes retained for watch resumption and paging; older resourceVersions get 410 (default 10000). */
  watchWindow?: number;
  /** Interval of BOOKMARK events on watches with allowWatchBookmarks (default 15000 ms). */
  bookmarkIntervalMs?: number;
  /** Write a kubeconfig (admin context first, plus one context per other token user). */
  kubeconfigPath?: string;
  /**
   * With `tls`: also write a kubeconfig here whose user authenticates with a client
   * certificate the cluster CA signed (as an ACK console kubeconfig does).
   */
  clientCertificateKubeconfig?: {
    path: string;
    /** Certificate CN: the user name the RBAC rules of the tokens file apply to (default backstage). */
    user?: string;
    /** Certificate O attributes: the user's groups (`system:masters` may do anything). */
    groups?: string[];
  };
  /** Persist all objects to this JSON file (debounced) and load it at start. */
  stateFile?: string;
  /** Directory of CRD YAML files to serve (default the package's crds/). */
  crdDirectory?: string;
  /** Faults active from the start. */
  faults?: FaultConfig;
  /** Set false to serve the plain API without the ECI/Argo simulation and garbage collection. */
  controllers?: boolean;
}

/** Bearer tokens by user name; the token file must define `admin` and `backstage`. */
export type EmulatorTokens = { admin: string; backstage: string } & Record<
  string,
  string
>;

export interface RunningEmulator {
  /** Base URL, e.g. `https://127.0.0.1:43127`. */
  url: string;
  port: number;
  /** PEM of the CA that signed the server certificate (TLS only). */
  caData?: string;
  tokens: EmulatorTokens;
  kubeconfigPath?: string;
  clientCertificateKubeconfigPath?: string;
  /** A kubeconfig (YAML) for a token user (default admin). */
  kubeconfig(user?: string): string;
  /** A client certificate and key (PEM) the cluster CA signed, for user (CN) in groups (O). TLS only. */
  issueClientCertificate(
    user: string,
    groups?: string[],
  ): Promise<{ cert: string; key: string }>;
  clock: Clock;
  faults: FaultInjector;
  stats: { snapshot(): StatsSnapshot; reset(): void };
  store: ObjectStore;
  registry: SimulatedRegistry;
  /** Shortcut for `clock.advance(ms)`. */
  advance(ms: number): void;
  /** Drops the retained change history: older resourceVersions now get 410 Gone. */
  compact(): void;
  /** Closes every open watch stream now (clients see the stream end); returns how many. */
  dropWatches(): number;
  stop(): Promise<void>;
}
