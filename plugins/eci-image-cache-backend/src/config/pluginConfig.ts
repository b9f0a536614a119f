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

/** One configured cluster, validated. Holds secrets: never serialise it into responses. */
export interface ClusterConfig {
  name: string;
  url: string;
  region: string;
  /** Absent: use the in-cluster service account token file. */
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
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

/** A configuration error that names the offending key; thrown at startup. */
export class PluginConfigError extends Error {
  constructor(key: string, message: string) {
    super(`Invalid configuration at ${key}: ${message}`);
    this.name = 'PluginConfigError';
  }
}

function check<T>(result: ValidationResult<T>, key: string): T {
  if (!result.ok) {
    throw new PluginConfigError(
      key,
      result.problems.map(problem => problem.message).join('; '),
    );
  }
  return result.value;
}

function readDurationMs(
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

function readInteger(
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

function readCluster(config: Config, key: string): ClusterConfig {
  const name = check(
    validateDnsLabel(config.getString('name'), `${key}.name`),
    `${key}.name`,
  );
  const url = config.getString('url');
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
  const region = check(
    validateRegionId(config.getString('region'), `${key}.region`),
    `${key}.region`,
  );
  const authProvider = config.getString('authProvider');
  if (authProvider !== 'serviceAccount') {
    throw new PluginConfigError(
      `${key}.authProvider`,
      `"${authProvider}" is not supported; use "serviceAccount"`,
    );
  }
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
  const skipTLSVerify = config.getOptionalBoolean('skipTLSVerify') ?? false;
  if (url.startsWith('http:') && !skipTLSVerify) {
    throw new PluginConfigError(
      `${key}.url`,
      'a plain http:// URL has no TLS at all and is only accepted with skipTLSVerify: true (development only)',
    );
  }
  const cluster: ClusterConfig = {
    name,
    url: url.replace(/\/+$/, ''),
    region,
    skipTLSVerify,
    defaultNamespace,
    isDefault: config.getOptionalBoolean('default') ?? false,
    allowUnlistedAcrInstances:
      config.getOptionalBoolean('allowUnlistedAcrInstances') ?? true,
  };
  const token = config.getOptionalString('serviceAccountToken');
  if (token !== undefined) cluster.serviceAccountToken = token;
  const caData = config.getOptionalString('caData');
  if (caData !== undefined) cluster.caData = caData;
  const caFile = config.getOptionalString('caFile');
  if (caFile !== undefined) cluster.caFile = caFile;
  if (allowedNamespaces) cluster.allowedNamespaces = allowedNamespaces;
  return cluster;
}

function readClusters(root: Config): ClusterConfig[] {
  const entries = root.getOptionalConfigArray('clusters') ?? [];
  if (entries.length === 0) {
    throw new PluginConfigError(
      `${ROOT}.clusters`,
      'must list at least one cluster',
    );
  }
  const clusters = entries.map((entry, index) =>
    readCluster(entry, `${ROOT}.clusters[${index}]`),
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
  if (result.reconcileIntervalMs < 100) {
    throw new PluginConfigError(
      `${key}.reconcileInterval`,
      'must be at least 100 milliseconds',
    );
  }
  return result;
}

/** Reads and validates `eciImageCache`; throws {@link PluginConfigError} naming the first bad key. */
export function readPluginConfig(rootConfig: Config): PluginConfig {
  const root = rootConfig.getOptionalConfig(ROOT);
  if (!root) {
    throw new PluginConfigError(
      ROOT,
      'is missing; configure at least eciImageCache.clusters',
    );
  }
  const clusters = readClusters(root);
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
