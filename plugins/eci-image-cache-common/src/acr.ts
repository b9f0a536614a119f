import {
  ImageReference,
  parseImageReference,
  validateRegistryHost,
} from './images';
import {
  AcrInstanceRef,
  validateAcrInstanceId,
  validateAcrInstanceRef,
  validateRegionId,
} from './validation/alibabaIds';
import { validateDnsLabel } from './validation/kubernetes';
import {
  invalid,
  ProblemCollector,
  problemOf,
  valid,
  ValidationResult,
} from './validation/result';

/**
 * An ACR Enterprise Edition instance as configured for the plugin.
 *
 * Images are matched to it by registry domain: every entry of `domains` (custom or system domains,
 * compared case-insensitively, `host[:port]`), and, when `name` is set, the default domains
 * `<name>-registry.<region>.cr.aliyuncs.com` and `<name>-registry-vpc.<region>.cr.aliyuncs.com`.
 * An instance with neither is never matched, because an instance id alone says nothing about its domains.
 *
 * @public
 */
export interface AcrInstanceConfig {
  /** Instance id, `cri-…`. */
  id: string;
  /** Region id of the instance. */
  region: string;
  /** Instance name, the `<name>` of its default `<name>-registry[-vpc].<region>.cr.aliyuncs.com` domains. */
  name?: string;
  /** Registry domains that belong to the instance. */
  domains?: readonly string[];
}

/**
 * The parts of a default ACR Enterprise Edition registry domain.
 *
 * @public
 */
export interface AcrRegistryDomain {
  /** Instance name, the part before `-registry`. */
  instanceName: string;
  /** Region id. */
  region: string;
  /** True for the `-registry-vpc` (VPC) endpoint. */
  vpc: boolean;
}

/**
 * How an image was matched to a configured ACR instance.
 *
 * @public
 */
export interface AcrResolution {
  /** The matching configured instance. */
  instance: AcrInstanceConfig;
  /** The image's registry domain, lowercased. */
  domain: string;
  /** Whether a configured domain or the default domain pattern (via `name`) matched. */
  matchedBy: 'configured-domain' | 'default-domain';
}

const DEFAULT_DOMAIN =
  /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)-registry(-vpc)?\.([a-z]{2}(?:-[a-z0-9]+)+)\.cr\.aliyuncs\.com$/;

/**
 * Recognises `<name>-registry[-vpc].<region>.cr.aliyuncs.com` and returns its instance name and region.
 *
 * @public
 */
export function parseAcrRegistryDomain(
  domain: string,
): AcrRegistryDomain | undefined {
  if (domain.length > 253) {
    return undefined;
  }
  const match = DEFAULT_DOMAIN.exec(domain.toLowerCase());
  if (!match) {
    return undefined;
  }
  return {
    instanceName: match[1],
    region: match[3],
    vpc: match[2] !== undefined,
  };
}

/**
 * Finds the configured ACR instance whose domains serve the image (first match in configuration order).
 *
 * @public
 */
export function resolveAcrInstance(
  image: string | ImageReference,
  instances: readonly AcrInstanceConfig[],
): AcrResolution | undefined {
  let registry: string;
  if (typeof image === 'string') {
    const parsed = parseImageReference(image);
    if (!parsed.ok) {
      return undefined;
    }
    registry = parsed.value.registry;
  } else {
    registry = image.registry;
  }
  const defaultDomain = parseAcrRegistryDomain(registry);
  for (const instance of instances) {
    if (instance.domains?.some(domain => domain.toLowerCase() === registry)) {
      return { instance, domain: registry, matchedBy: 'configured-domain' };
    }
    if (
      defaultDomain &&
      instance.name !== undefined &&
      instance.name.toLowerCase() === defaultDomain.instanceName &&
      instance.region === defaultDomain.region
    ) {
      return { instance, domain: registry, matchedBy: 'default-domain' };
    }
  }
  return undefined;
}

/**
 * The ACR annotation value for an instance: `cri-x` when it is in the cluster's region (or its region is unknown), else `<region>:cri-x`.
 *
 * @public
 */
export function acrAnnotationValue(
  instance: AcrInstanceRef,
  clusterRegion?: string,
): string {
  if (instance.region === undefined || instance.region === clusterRegion) {
    return instance.id;
  }
  return `${instance.region}:${instance.id}`;
}

/**
 * Options of {@link checkAcrInstanceRef}.
 *
 * @public
 */
export interface AcrRefCheckOptions {
  /** Whether instances missing from `configured` may be named (a cluster setting; default true). */
  allowUnlisted?: boolean;
  /** The field named in problems. */
  field?: string;
}

/**
 * Checks a written ACR instance ref against the configured instances and completes it: a
 * region-less id of a configured instance gets that instance's region (so the region rule can
 * prefix it on clusters elsewhere). A written region that contradicts the configured one, or an
 * unlisted instance where the cluster allows none, is a problem naming `field`.
 *
 * @public
 */
export function checkAcrInstanceRef(
  ref: AcrInstanceRef,
  configured: readonly AcrInstanceConfig[],
  options: AcrRefCheckOptions = {},
): ValidationResult<AcrInstanceRef> {
  const field = options.field ?? 'acrInstance';
  const known = configured.find(instance => instance.id === ref.id);
  if (known) {
    if (ref.region !== undefined && ref.region !== known.region) {
      return invalid(
        field,
        `${ref.region}:${ref.id}`,
        'acr-region-mismatch',
        `names region ${ref.region}, but the configured instance ${ref.id} is in ${known.region}; write "${known.region}:${ref.id}" or "${ref.id}"`,
      );
    }
    return valid({ id: ref.id, region: known.region });
  }
  if (options.allowUnlisted === false) {
    return invalid(
      field,
      ref.region === undefined ? ref.id : `${ref.region}:${ref.id}`,
      'acr-instance-unlisted',
      `names an ACR instance that is not in eciImageCache.acr.instances, and the cluster allows only listed instances (configured: ${
        configured.map(instance => instance.id).join(', ') || 'none'
      })`,
    );
  }
  return valid(ref);
}

/**
 * Validates a configured ACR instance (id, region, optional name and domains).
 *
 * @public
 */
export function validateAcrInstanceConfig(
  raw: unknown,
  field: string = 'acrInstances',
): ValidationResult<AcrInstanceConfig> {
  const collector = new ProblemCollector();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    collector.add(problemOf(field, raw, 'type', 'must be an object'));
    return collector.finish(() => ({ id: '', region: '' }));
  }
  const candidate = raw as Record<string, unknown>;
  const id = collector.take(validateAcrInstanceId(candidate.id, `${field}.id`));
  const region = collector.take(
    validateRegionId(candidate.region, `${field}.region`),
  );
  const name =
    candidate.name === undefined
      ? undefined
      : collector.take(validateDnsLabel(candidate.name, `${field}.name`));
  let domains: string[] | undefined;
  if (candidate.domains !== undefined) {
    if (!Array.isArray(candidate.domains)) {
      collector.add(
        problemOf(
          `${field}.domains`,
          candidate.domains,
          'type',
          'must be a list',
        ),
      );
    } else {
      domains = [];
      for (const domain of candidate.domains) {
        const host = collector.take(
          validateRegistryHost(domain, `${field}.domains`),
        );
        if (host !== undefined) {
          domains.push(host);
        }
      }
    }
  }
  return collector.finish(() => {
    const config: AcrInstanceConfig = { id: id!, region: region! };
    if (name !== undefined) {
      config.name = name;
    }
    if (domains !== undefined) {
      config.domains = domains;
    }
    return config;
  });
}

/**
 * The distinct ACR annotation values (region rule applied) for explicit instance refs plus the configured instances serving the given images.
 * A region-less explicit id of a configured instance takes the configured region.
 *
 * @public
 */
export function acrAnnotationValues(
  images: readonly ImageReference[],
  explicit: readonly AcrInstanceRef[],
  configured: readonly AcrInstanceConfig[],
  clusterRegion?: string,
): string[] {
  const byId = new Map<string, AcrInstanceRef>();
  for (const instance of explicit) {
    const checked = checkAcrInstanceRef(instance, configured);
    if (!byId.has(instance.id)) {
      byId.set(instance.id, checked.ok ? checked.value : instance);
    }
  }
  for (const image of images) {
    const resolution = resolveAcrInstance(image, configured);
    if (resolution && !byId.has(resolution.instance.id)) {
      byId.set(resolution.instance.id, {
        id: resolution.instance.id,
        region: resolution.instance.region,
      });
    }
  }
  return Array.from(byId.values(), instance =>
    acrAnnotationValue(instance, clusterRegion),
  );
}

/** Validates the ACR-related options shared by the ImageCache and workflow builders. */
export function collectAcrOptions(
  collector: ProblemCollector,
  options: {
    acrInstanceIds?: readonly string[];
    acrInstances?: readonly AcrInstanceConfig[];
    clusterRegion?: string;
    allowUnlistedAcrInstances?: boolean;
  },
): {
  explicit: AcrInstanceRef[];
  configured: AcrInstanceConfig[];
  clusterRegion?: string;
} {
  const explicit: AcrInstanceRef[] = [];
  const configured: AcrInstanceConfig[] = [];
  if (options.acrInstanceIds !== undefined) {
    if (!Array.isArray(options.acrInstanceIds)) {
      collector.add(
        problemOf(
          'acrInstanceIds',
          options.acrInstanceIds,
          'type',
          'must be a list',
        ),
      );
    } else {
      for (const raw of options.acrInstanceIds) {
        const ref = collector.take(
          validateAcrInstanceRef(raw, 'acrInstanceIds'),
        );
        if (ref) {
          explicit.push(ref);
        }
      }
    }
  }
  if (options.acrInstances !== undefined) {
    if (!Array.isArray(options.acrInstances)) {
      collector.add(
        problemOf(
          'acrInstances',
          options.acrInstances,
          'type',
          'must be a list',
        ),
      );
    } else {
      options.acrInstances.forEach((raw, index) => {
        const instance = collector.take(
          validateAcrInstanceConfig(raw, `acrInstances[${index}]`),
        );
        if (instance) {
          configured.push(instance);
        }
      });
    }
  }
  explicit.forEach((ref, index) => {
    const checked = collector.take(
      checkAcrInstanceRef(ref, configured, {
        allowUnlisted: options.allowUnlistedAcrInstances,
        field: 'acrInstanceIds',
      }),
    );
    if (checked) explicit[index] = checked;
  });
  const clusterRegion =
    options.clusterRegion === undefined
      ? undefined
      : collector.take(
          validateRegionId(options.clusterRegion, 'clusterRegion'),
        );
  return { explicit, configured, clusterRegion };
}
