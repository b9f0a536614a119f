import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';

/**
 * The API server of one cluster as the backend's Kubernetes client takes it
 * (the `cluster` entry of a kubeconfig; `caData` is base64, as there).
 *
 * @public
 */
export interface EciClusterEndpoint {
  /** The API server URL, e.g. `https://<api-server-address>:6443`. */
  server: string;
  /** The cluster CA, base64 PEM (a kubeconfig's `certificate-authority-data`). */
  caData?: string;
  /** The cluster CA as a PEM file. */
  caFile?: string;
  /** Accept any server certificate (development only). */
  skipTLSVerify: boolean;
  /** The name to verify the server certificate against, when it differs from the URL's host. */
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
  /** A bearer token. */
  token?: string;
  /** A client certificate, base64 PEM (a kubeconfig's `client-certificate-data`). */
  certData?: string;
  /** The certificate's private key, base64 PEM (a kubeconfig's `client-key-data`). */
  keyData?: string;
  /** A client certificate as a PEM file. */
  certFile?: string;
  /** The certificate's private key as a PEM file. */
  keyFile?: string;
  /** A client-node auth provider, e.g. `{ name: 'tokenFile', config: { tokenFile } }`. */
  authProvider?: { name: string; config: Record<string, string> };
  /** A kubeconfig `exec` credential plugin. */
  exec?: unknown;
  /** Basic authentication user. */
  username?: string;
  /** Basic authentication password. */
  password?: string;
  /** A user to impersonate. */
  impersonateUser?: string;
}

/**
 * Everything needed to talk to one cluster. Holds secrets: never log or serialise it.
 *
 * @public
 */
export interface EciClusterConnection {
  /** Where the API server is and how to trust it. */
  endpoint: EciClusterEndpoint;
  /** The credentials presented to it. */
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
  /** Reads and validates the cluster entry's fields, once at startup, and returns its connection. */
  connect(context: EciClusterAuthContext): EciClusterConnection;
}

/**
 * Lets backend modules add cluster authentication strategies to the
 * `eci-image-cache` plugin, each under a new `authProvider` name.
 *
 * @public
 */
export interface EciClusterAuthExtensionPoint {
  /** Adds a strategy under a new `authProvider` name; a name already taken is refused. */
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
