import {
  AcrInstanceInfo,
  acrAnnotationValue,
  validateAcrInstanceRef,
} from '@eci-portal/plugin-eci-image-cache-common';

/** What the ACR dialog shows under the field while typing. */
export interface AcrPreview {
  /** The field's problems (the common package's rule text). */
  errors: string[];
  /** The annotation value pods on the cluster get, when the input is valid. */
  annotationValue?: string;
  /** Why the value has (or lacks) the region prefix. */
  explanation?: string;
  /** A configured instance with this id lives in another region than written. */
  regionMismatch?: string;
}

/**
 * Checks an ACR instance ref with the common package and previews its annotation value with the
 * common region rule (`cri-…` in the cluster's region, `<region>:cri-…` elsewhere).
 */
export function previewAcrInput(
  input: string,
  clusterRegion: string,
  configured: readonly AcrInstanceInfo[],
): AcrPreview {
  const text = input.trim();
  if (text === '') {
    return { errors: [] };
  }
  const ref = validateAcrInstanceRef(text, 'ACR instance');
  if (!ref.ok) {
    return { errors: ref.problems.map(problem => problem.message) };
  }
  const annotationValue = acrAnnotationValue(ref.value, clusterRegion);
  let explanation = `The instance is in ${ref.value.region} and the cluster in ${clusterRegion}, so the region is kept.`;
  if (ref.value.region === undefined) {
    explanation = `No region written, so the instance is taken to be in the cluster's region ${clusterRegion}.`;
  } else if (ref.value.region === clusterRegion) {
    explanation = `The instance is in the cluster's region ${clusterRegion}, so the region is omitted.`;
  }
  const known = configured.find(instance => instance.id === ref.value.id);
  const writtenRegion = ref.value.region ?? clusterRegion;
  const regionMismatch =
    known && known.region !== writtenRegion
      ? `The configured instance ${known.id} is in ${known.region}; write "${known.region}:${known.id}".`
      : undefined;
  return { errors: [], annotationValue, explanation, regionMismatch };
}
