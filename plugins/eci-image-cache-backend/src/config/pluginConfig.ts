import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  AcrInstanceConfig,
  ValidationResult,
  validateAcrInstanceConfig,
  validateDnsLabel,
  validateNamespace,
  validateRegionId,
  validateRetentionDays,
} from '@eci-portal/plugin-eci-image-cache-common';
import type { EciClusterConnection } from '@eci-portal/plugin-eci-image-cache-node';
import { builtInAuthStrategies } from '../cluster/auth/builtInStrategies';
import { PluginConfigError } from './PluginConfigError';
import { AuthStrategies, readClusterConnection } from './readClusterConnection';

export { PluginConfigError };

/** One configured cluster, validated. Holds secrets: never serialise it into responses. */
export interface ClusterConfig {
  name: string;
  region: string;
  /** The strategy that authenticates to the cluster, e.g. `clientCertificate`. */
  authProvider: string;
  /** API server and credentials, as the selected strategy read them. */
  connection: EciClusterConnection;
  defaultNamespace: string;
  isDefault: boolean;
  allowedNamespaces?: string[];
  /** Whether entities may name ACR instances missing from `acr.instances` (default true). */
  allowUnlistedAcrInstances: boolean;
}

export interface LifecycleConfig {
  retentionDays: number;
  previousCachesKept: number;
  orphanGracePeriodMs: number;
  retryInitialBackoffMs: number;
  retryMaxBackoffMs: number;
  reconcileIntervalMs: number;
  /** How often the catalog is checked for changed entities, which are reconciled at once. */
  catalogChangeIntervalMs: number;
  maxWritesPerMinute: number;
}

export interface PluginConfig {
  clusters: ClusterConfig[];
  defaultCluster: ClusterConfig;
  acrInstances: AcrInstanceConfig[];
  lifecycle: LifecycleConfig;
  requestTimeoutMs: number;
  entityCacheTtlMs: number;
}

const ROOT = 'eciImageCache';
const DEFAULT_ARGO_NAMESPACE = 'argo';

function check<T>(result: ValidationResult<T>, key: string): T {
  if (!result.ok) {
    throw new PluginConfigError(
      key,
      result.problems.map(problem => problem.message).join('; '),
    );
  }
  return result.value;
}

export function readDurationMs(
  config: Config,
  key: string,
  fullKey: string,
  fallbackMs: number,
): number {
  if (!config.has(key)) {
    return fallbackMs;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new PluginConfigError(fullKey, String((error as Error).message));
  }
  if (!(ms >= 0)) {
    throw new PluginConfigError(fullKey, 'must not be negative');
  }
  return ms;
}

export function readInteger(
  config: Config,
  key: string,
  fullKey: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PluginConfigError(
      fullKey,
      `must be an integer from ${min} to ${max}, got ${value}`,
    );
  }
  return value;
}

function readCluster(
  config: Config,
  key: string,
  strategies: AuthStrategies,
): ClusterConfig {
  const name = check(
    validateDnsLabel(config.getString('name'), `${key}.name`),
    `${key}.name`,
  );
  const region = check(
    validateRegionId(config.getString('region'), `${key}.region`),
    `${key}.region`,
  );
  const { authProvider, connection } = readClusterConnection(
    config,
    key,
    strategies,
  );
  const defaultNamespace = check(
    validateNamespace(
      config.getOptionalString('defaultNamespace') ?? DEFAULT_ARGO_NAMESPACE,
      `${key}.defaultNamespace`,
    ),
    `${key}.defaultNamespace`,
  );
  const allowed = config.getOptionalStringArray('allowedNamespaces');
  const allowedNamespaces = allowed?.map((namespace, index) =>
    check(
      validateNamespace(namespace, `${key}.allowedNamespaces[${index}]`),
      `${key}.allowedNamespaces[${index}]`,
    ),
  );
  if (allowedNamespaces && !allowedNamespaces.includes(defaultNamespace)) {
    throw new PluginConfigError(
      `${key}.defaultNamespace`,
      `"${defaultNamespace}" is not in ${key}.allowedNamespaces`,
    );
  }
  const cluster: ClusterConfig = {
    name,
    region,
    authProvider,
    connection,
    defaultNamespace,
    isDefault: config.getOptionalBoolean('default') ?? false,
    allowUnlistedAcrInstances:
      config.getOptionalBoolean('allowUnlistedAcrInstances') ?? true,
  };
  if (allowedNamespaces) cluster.allowedNamespaces = allowedNamespaces;
  return cluster;
}

function readClusters(
  root: Config,
  strategies: AuthStrategies,
): ClusterConfig[] {
  const entries = root.getOptionalConfigArray('clusters') ?? [];
  if (entries.length === 0) {
    throw new PluginConfigError(
      `${ROOT}.clusters`,
      'must list at least one cluster',
    );
  }
  const clusters = entries.map((entry, index) =>
    readCluster(entry, `${ROOT}.clusters[${index}]`, strategies),
  );
  const seen = new Set<string>();
  clusters.forEach((cluster, index) => {
    if (seen.has(cluster.name)) {
      throw new PluginConfigError(
        `${ROOT}.clusters[${index}].name`,
        `duplicate cluster name "${cluster.name}"`,
      );
    }
    seen.add(cluster.name);
  });
  const defaults = clusters.filter(cluster => cluster.isDefault);
  if (defaults.length > 1) {
    throw new PluginConfigError(
      `${ROOT}.clusters`,
      `only one cluster may set "default: true" (${defaults
        .map(cluster => cluster.name)
        .join(', ')} do)`,
    );
  }
  if (defaults.length === 0) {
    clusters[0].isDefault = true;
  }
  return clusters;
}

function readAcrInstances(root: Config): AcrInstanceConfig[] {
  const entries = root.getOptionalConfigArray('acr.instances') ?? [];
  const instances = entries.map((entry, index) => {
    const key = `${ROOT}.acr.instances[${index}]`;
    return check(
      validateAcrInstanceConfig(
        {
          id: entry.getString('id'),
          region: entry.getString('region'),
          name: entry.getOptionalString('name'),
          domains: entry.getOptionalStringArray('domains'),
        },
        key,
      ),
      key,
    );
  });
  const seen = new Set<string>();
  instances.forEach((instance, index) => {
    if (seen.has(instance.id)) {
      throw new PluginConfigError(
        `${ROOT}.acr.instances[${index}].id`,
        `duplicate ACR instance id "${instance.id}"`,
      );
    }
    seen.add(instance.id);
  });
  return instances;
}

function readLifecycle(root: Config): LifecycleConfig {
  const config = root.getOptionalConfig('lifecycle');
  const key = `${ROOT}.lifecycle`;
  const MINUTE = 60_000;
  const defaults: LifecycleConfig = {
    retentionDays: 30,
    previousCachesKept: 1,
    orphanGracePeriodMs: 24 * 60 * MINUTE,
    retryInitialBackoffMs: MINUTE,
    retryMaxBackoffMs: 60 * MINUTE,
    reconcileIntervalMs: 30_000,
    catalogChangeIntervalMs: 250,
    maxWritesPerMinute: 120,
  };
  if (!config) {
    return defaults;
  }
  const retention = config.getOptionalNumber('retentionDays');
  const retentionDays =
    retention === undefined
      ? defaults.retentionDays
      : check(
          validateRetentionDays(retention, `${key}.retentionDays`),
          `${key}.retentionDays`,
        );
  const result: LifecycleConfig = {
    retentionDays,
    previousCachesKept: readInteger(
      config,
      'previousCachesKept',
      `${key}.previousCachesKept`,
      defaults.previousCachesKept,
      0,
      20,
    ),
    orphanGracePeriodMs: readDurationMs(
      config,
      'orphanGracePeriod',
      `${key}.orphanGracePeriod`,
      defaults.orphanGracePeriodMs,
    ),
    retryInitialBackoffMs: readDurationMs(
      config,
      'retryBackoff.initial',
      `${key}.retryBackoff.initial`,
      defaults.retryInitialBackoffMs,
    ),
    retryMaxBackoffMs: readDurationMs(
      config,
      'retryBackoff.max',
      `${key}.retryBackoff.max`,
      defaults.retryMaxBackoffMs,
    ),
    reconcileIntervalMs: readDurationMs(
      config,
      'reconcileInterval',
      `${key}.reconcileInterval`,
      defaults.reconcileIntervalMs,
    ),
    catalogChangeIntervalMs: readDurationMs(
      config,
      'catalogChangeInterval',
      `${key}.catalogChangeInterval`,
      defaults.catalogChangeIntervalMs,
    ),
    maxWritesPerMinute: readInteger(
      config,
      'maxWritesPerMinute',
      `${key}.maxWritesPerMinute`,
      defaults.maxWritesPerMinute,
      1,
      200,
    ),
  };
  if (result.retryMaxBackoffMs < result.retryInitialBackoffMs) {
    throw new PluginConfigError(
      `${key}.retryBackoff.max`,
      'must not be shorter than retryBackoff.initial',
    );
  }
  for (const name of ['reconcileInterval', 'catalogChangeInterval'] as const) {
    if (result[`${name}Ms`] < 100) {
      throw new PluginConfigError(
        `${key}.${name}`,
        'must be at least 100 milliseconds',
      );
    }
  }
  return result;
}

/**
 * Reads and validates `eciImageCache`; throws {@link PluginConfigError} naming the first bad key.
 * `strategies`: the cluster authentication strategies by `authProvider`.
 */
export function readPluginConfig(
  rootConfig: Config,
  strategies: AuthStrategies = builtInAuthStrategies(),
): PluginConfig {
  const root = rootConfig.getOptionalConfig(ROOT);
  if (!root) {
    throw new PluginConfigError(
      ROOT,
      'is missing; configure at least eciImageCache.clusters',
    );
  }
  const clusters = readClusters(root, strategies);
  return {
    clusters,
    defaultCluster: clusters.find(cluster => cluster.isDefault)!,
    acrInstances: readAcrInstances(root),
    lifecycle: readLifecycle(root),
    requestTimeoutMs: readDurationMs(
      root,
      'requestTimeout',
      `${ROOT}.requestTimeout`,
      10_000,
    ),
    entityCacheTtlMs: readDurationMs(
      root,
      'entityCacheTtl',
      `${ROOT}.entityCacheTtl`,
      5_000,
    ),
  };
}
