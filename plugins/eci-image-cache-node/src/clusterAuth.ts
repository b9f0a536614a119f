import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/**
 * The API server of one cluster as the backend's Kubernetes client takes it
 * (the `cluster` entry of a kubeconfig; `caData` is base64, as there).
 *
 * @public
 */
export interface EciClusterEndpoint {
  server: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
}

/**
 * The credentials the backend presents to one cluster, shaped like the `user`
 * entry of a kubeconfig as `@kubernetes/client-node` reads it: a bearer
 * `token`, a client certificate (`certData`/`keyData` base64, or files), an
 * `authProvider` such as `tokenFile` (a token re-read from disk), or `exec`.
 *
 * @public
 */
export interface EciClusterUser {
  token?: string;
  certData?: string;
  keyData?: string;
  certFile?: string;
  keyFile?: string;
  authProvider?: { name: string; config: Record<string, string> };
  exec?: unknown;
  username?: string;
  password?: string;
  impersonateUser?: string;
}

/**
 * Everything needed to talk to one cluster. Holds secrets: never log or serialise it.
 *
 * @public
 */
export interface EciClusterConnection {
  endpoint: EciClusterEndpoint;
  user: EciClusterUser;
}

/**
 * What a strategy reads one `eciImageCache.clusters[]` entry with.
 *
 * @public
 */
export interface EciClusterAuthContext {
  /** The cluster entry. */
  config: Config;
  /** Its full configuration path, e.g. `eciImageCache.clusters[1]`. */
  key: string;
  /** The entry's `url`, `caData`, `caFile` and `skipTLSVerify` as configured (`url` may be absent). */
  configured: Omit<EciClusterEndpoint, 'server'> & { server?: string };
  /** The configured endpoint; throws "`<key>.url` is required" when the entry has no `url`. */
  requireEndpoint(): EciClusterEndpoint;
  /** A startup error naming `<key>.<field>` and the rule it breaks. */
  invalid(field: string, message: string): Error;
}

/**
 * One way to authenticate to a cluster, selected by the entry's `authProvider`.
 * It reads and validates its own fields once, at startup, and throws
 * `context.invalid(field, message)` for bad or missing ones.
 *
 * @public
 */
export interface EciClusterAuthStrategy {
  connect(context: EciClusterAuthContext): EciClusterConnection;
}

/**
 * Lets backend modules add cluster authentication strategies to the
 * `eci-image-cache` plugin, each under a new `authProvider` name.
 *
 * @public
 */
export interface EciClusterAuthExtensionPoint {
  addAuthStrategy(authProvider: string, strategy: EciClusterAuthStrategy): void;
}

/**
 * The extension point of {@link EciClusterAuthExtensionPoint}.
 *
 * @public
 */
export const eciClusterAuthExtensionPoint =
  createExtensionPoint<EciClusterAuthExtensionPoint>({
    id: 'eci-image-cache.cluster-auth',
  });
