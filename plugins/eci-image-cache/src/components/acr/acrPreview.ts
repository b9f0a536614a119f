import {
  AcrInstanceInfo,
  acrInstanceConfigOf,
  decideAcr,
  EntityClusterView,
} from '@eci-portal/plugin-eci-image-cache-common';

/** What the ACR dialog shows under the field while typing. */
export interface AcrPreview {
  /** The field's problems (common's rule text): unreadable, contradicting region, unlisted. */
  errors: string[];
  /** The annotation value the backend writes for pods on the cluster, when there is one. */
  annotationValue?: string;
  /** Why each instance is in the value and why its region is (not) prefixed. */
  explanation?: string;
}

/**
 * Previews the ACR annotation an instance typed into the dialog leads to: common's `decideAcr`
 * with the inputs the backend uses (the cluster, the entity's images, the configured instances),
 * so the dialog shows exactly what the backend writes once the instance is saved.
 */
export function previewAcrInput(
  input: string,
  cluster: Pick<
    EntityClusterView,
    'name' | 'region' | 'allowUnlistedAcrInstances'
  >,
  images: readonly string[],
  configured: readonly AcrInstanceInfo[],
): AcrPreview {
  const text = input.trim();
  const decision = decideAcr({
    cluster,
    instance: text === '' ? null : text,
    source: 'settings',
    images,
    configured: configured.map(acrInstanceConfigOf),
    field: 'ACR instance',
  });
  if (decision.problems.length > 0) {
    return { errors: decision.problems.map(problem => problem.message) };
  }
  if (decision.annotationValue === null) {
    return { errors: [] };
  }
  return {
    errors: [],
    annotationValue: decision.annotationValue,
    explanation: decision.instances
      .map(use => `${use.value}: ${use.reason}.`)
      .join(' '),
  };
}
