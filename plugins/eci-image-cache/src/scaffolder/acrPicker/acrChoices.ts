import {
  AcrInstanceInfo,
  acrAnnotationValue,
  validateAcrInstanceRef,
} from '@eci-portal/plugin-eci-image-cache-common';

/** The cluster the ACR annotation is computed for; no region when it could not be found out. */
export interface ClusterRegion {
  /** Cluster name, when known. */
  cluster?: string;
  region?: string;
}

/** An instance as a picker option, with the annotation value it leads to and why. */
export interface AcrChoice {
  instance: AcrInstanceInfo;
  /** `cri-…` or `<RegionID>:cri-…`, with the common region rule. */
  value: string;
  explanation: string;
}

/** The annotation value of `instance` on the cluster (common's `acrAnnotationValue`), and why. */
export function acrChoice(
  instance: AcrInstanceInfo,
  target: ClusterRegion,
): AcrChoice {
  const value = acrAnnotationValue(
    { id: instance.id, region: instance.region },
    target.region,
  );
  let explanation = `${instance.id} is in ${instance.region} and the cluster in ${target.region}, so the region is kept.`;
  if (target.region === undefined) {
    explanation = `The cluster's region is not known, so the region ${instance.region} is kept.`;
  } else if (target.region === instance.region) {
    explanation = `${instance.id} is in ${instance.region}, the cluster's region, so the region is omitted.`;
  }
  return { instance, value, explanation };
}

/** The configured instance a value (`[RegionID:]cri-…`) names, if any. */
export function instanceOf(
  value: string | undefined,
  instances: readonly AcrInstanceInfo[],
): AcrInstanceInfo | undefined {
  if (!value) {
    return undefined;
  }
  const ref = validateAcrInstanceRef(value.trim(), 'ACR instance');
  return ref.ok
    ? instances.find(instance => instance.id === ref.value.id)
    : undefined;
}

/**
 * Problems of a value (validation): the `[RegionID:]cri-…` rule of the common package, a
 * configured instance, and its real region when one is written.
 */
export function acrValueProblems(
  value: string,
  instances: readonly AcrInstanceInfo[],
): string[] {
  const ref = validateAcrInstanceRef(value.trim(), 'ACR instance');
  if (!ref.ok) {
    return ref.problems.map(problem => problem.message);
  }
  const instance = instances.find(item => item.id === ref.value.id);
  if (!instance) {
    return [
      `${
        ref.value.id
      } is not a configured ACR Enterprise Edition instance (configured: ${
        instances.map(item => item.id).join(', ') || 'none'
      }).`,
    ];
  }
  if (ref.value.region !== undefined && ref.value.region !== instance.region) {
    return [
      `${instance.id} is in ${instance.region}, not ${ref.value.region}; choose it again.`,
    ];
  }
  return [];
}
