import type { Config } from '@backstage/config';
import type {
  EciClusterAuthStrategy,
  EciClusterConnection,
} from '@eci-portal/plugin-eci-image-cache-node';
import { PluginConfigError } from './PluginConfigError';

/** Cluster authentication strategies by `authProvider`. */
export type AuthStrategies = ReadonlyMap<string, EciClusterAuthStrategy>;

function readUrl(config: Config, key: string): string | undefined {
  const url = config.getOptionalString('url');
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error('not http(s)');
    }
  } catch {
    throw new PluginConfigError(
      `${key}.url`,
      'must be an http(s) URL of the Kubernetes API server',
    );
  }
  return url.replace(/\/+$/, '');
}

/**
 * The connection of one `eciImageCache.clusters[]` entry: the strategy its
 * `authProvider` selects reads and validates its own fields.
 */
export function readClusterConnection(
  config: Config,
  key: string,
  strategies: AuthStrategies,
): { authProvider: string; connection: EciClusterConnection } {
  const authProvider = config.getString('authProvider');
  const strategy = strategies.get(authProvider);
  if (!strategy) {
    throw new PluginConfigError(
      `${key}.authProvider`,
      `"${authProvider}" is not supported; use one of ${Array.from(
        strategies.keys(),
        name => `"${name}"`,
      ).join(', ')}`,
    );
  }
  const server = readUrl(config, key);
  const configured = {
    server,
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
  };
  const connection = strategy.connect({
    config,
    key,
    configured,
    requireEndpoint() {
      if (!server) {
        throw new PluginConfigError(
          `${key}.url`,
          `is required with authProvider "${authProvider}"`,
        );
      }
      return { ...configured, server };
    },
    invalid: (field, message) =>
      new PluginConfigError(`${key}.${field}`, message),
  });
  const { endpoint } = connection;
  if (endpoint.server.startsWith('http:') && !endpoint.skipTLSVerify) {
    throw new PluginConfigError(
      `${key}.url`,
      'a plain http:// URL has no TLS at all and is only accepted with skipTLSVerify: true (development only)',
    );
  }
  return { authProvider, connection };
}
