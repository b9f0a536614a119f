import {
  acrAnnotationValue,
  AcrInstanceConfig,
  checkAcrInstanceRef,
  resolveAcrInstance,
} from '../acr';
import type { AcrInstanceInfo, ClusterAcrView } from '../api/types';
import {
  AcrInstanceRef,
  validateAcrInstanceRef,
} from '../validation/alibabaIds';
import type { ValidationProblem } from '../validation/result';

/**
 * What decides an entity's ACR pod annotation on one cluster.
 *
 * @public
 */
export interface AcrDecisionInput {
  /** The cluster the pods run on. */
  cluster: {
    name: string;
    region: string;
    allowUnlistedAcrInstances?: boolean;
  };
  /** The entity's ACR instance as written, `[RegionID:]cri-…`, or null. */
  instance: string | AcrInstanceRef | null;
  /** Where `instance` came from. */
  source: 'annotation' | 'settings';
  /** The workflow's images (configured instances serving them are added). */
  images: readonly string[];
  /** Configured ACR Enterprise Edition instances. */
  configured: readonly AcrInstanceConfig[];
  /** The field named in problems (default `acrInstance`). */
  field?: string;
}

/**
 * The ACR pod annotation and why each instance is in it, or the problems with the written instance.
 *
 * @public
 */
export interface AcrDecision extends ClusterAcrView {
  /** A contradicting region, an unlisted instance where none is allowed, or an unreadable value. */
  problems: ValidationProblem[];
}

function regionReason(
  instanceRegion: string | undefined,
  clusterRegion: string,
) {
  if (instanceRegion === undefined) {
    return `no region given, so ECI assumes the cluster's region ${clusterRegion}`;
  }
  if (instanceRegion === clusterRegion) {
    return `instance and cluster are both in ${clusterRegion}, so the region is omitted`;
  }
  return `instance in ${instanceRegion}, cluster in ${clusterRegion}, so the region is prefixed`;
}

/**
 * The ACR annotation of an entity's pods on one cluster: the entity's instance first, then the
 * configured instances serving its images, each with the region rule applied from configuration
 * (a region-less id of a configured instance takes its configured region).
 *
 * @public
 */
export function decideAcr(input: AcrDecisionInput): AcrDecision {
  const { cluster, configured } = input;
  const field = input.field ?? 'acrInstance';
  const decision: AcrDecision = {
    cluster: cluster.name,
    clusterRegion: cluster.region,
    annotationValue: null,
    instances: [],
    problems: [],
  };
  if (input.instance !== null) {
    const parsed =
      typeof input.instance === 'string'
        ? validateAcrInstanceRef(input.instance, field)
        : { ok: true as const, value: input.instance, warnings: [] };
    const checked = parsed.ok
      ? checkAcrInstanceRef(parsed.value, configured, {
          allowUnlisted: cluster.allowUnlistedAcrInstances,
          field,
        })
      : parsed;
    if (!checked.ok) {
      decision.problems.push(...checked.problems);
      return decision;
    }
    const ref = checked.value;
    decision.instances.push({
      id: ref.id,
      instanceRegion: ref.region ?? null,
      value: acrAnnotationValue(ref, cluster.region),
      reason: `set by ${
        input.source === 'settings'
          ? 'the saved settings'
          : 'the alibabacloud.com/acr-instance-id annotation'
      }; ${regionReason(ref.region, cluster.region)}`,
      source: input.source,
    });
  }
  for (const image of input.images) {
    const resolution = resolveAcrInstance(image, configured);
    if (
      !resolution ||
      decision.instances.some(use => use.id === resolution.instance.id)
    ) {
      continue;
    }
    const { instance } = resolution;
    decision.instances.push({
      id: instance.id,
      instanceRegion: instance.region,
      value: acrAnnotationValue(instance, cluster.region),
      reason: `serves the registry ${
        resolution.domain
      } of ${image}; ${regionReason(instance.region, cluster.region)}`,
      source: 'image-domain',
    });
  }
  decision.annotationValue =
    decision.instances.length > 0
      ? decision.instances.map(use => use.value).join(',')
      : null;
  return decision;
}

/**
 * A configured ACR instance as the API lists it (`GET /acr/instances`), in the form `decideAcr` takes.
 *
 * @public
 */
export function acrInstanceConfigOf(info: AcrInstanceInfo): AcrInstanceConfig {
  return {
    id: info.id,
    region: info.region,
    ...(info.name ? { name: info.name } : {}),
    domains: info.domains,
  };
}
