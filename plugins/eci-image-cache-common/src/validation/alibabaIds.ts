import { invalid, requireString, valid, ValidationResult } from './result';

const REGION_ID = /^[a-z]{2}(-[a-z0-9]+)+$/;
const ACR_INSTANCE_ID = /^cri-[a-z0-9]+$/;
const IMAGE_CACHE_ID = /^imc-[a-z0-9]+$/;
// Real ids are about 20 characters; the caps only stop absurd values from reaching annotations.
const MAX_REGION_ID_LENGTH = 32;
const MAX_RESOURCE_ID_LENGTH = 64;

/**
 * An ACR Enterprise Edition instance, optionally with the region it lives in.
 *
 * @public
 */
export interface AcrInstanceRef {
  /** Instance id, `cri-…`. */
  id: string;
  /** Region id such as `cn-hangzhou`; absent means "same region as the cluster". */
  region?: string;
}

/**
 * Validates an Alibaba Cloud region id such as `cn-hangzhou` or `ap-southeast-1` (`^[a-z]{2}(-[a-z0-9]+)+$`).
 *
 * @public
 */
export function validateRegionId(
  raw: unknown,
  field: string = 'region',
): ValidationResult<string> {
  const text = requireString(raw, field, MAX_REGION_ID_LENGTH);
  if (!text.ok) {
    return text;
  }
  if (!REGION_ID.test(text.value)) {
    return invalid(
      field,
      raw,
      'region-id',
      'is not an Alibaba Cloud region id (like "cn-hangzhou": two lowercase letters, then "-"-separated lowercase letters and digits)',
    );
  }
  return text;
}

/**
 * Validates an ACR Enterprise Edition instance id (`cri-` followed by lowercase letters and digits).
 *
 * @public
 */
export function validateAcrInstanceId(
  raw: unknown,
  field: string = 'acrInstanceId',
): ValidationResult<string> {
  const text = requireString(raw, field, MAX_RESOURCE_ID_LENGTH);
  if (!text.ok) {
    return text;
  }
  if (!ACR_INSTANCE_ID.test(text.value)) {
    return invalid(
      field,
      raw,
      'acr-instance-id',
      'is not an ACR Enterprise Edition instance id ("cri-" followed by lowercase letters and digits)',
    );
  }
  return text;
}

/**
 * Validates an ECI image cache id (`imc-` followed by lowercase letters and digits).
 *
 * @public
 */
export function validateImageCacheId(
  raw: unknown,
  field: string = 'imageCacheId',
): ValidationResult<string> {
  const text = requireString(raw, field, MAX_RESOURCE_ID_LENGTH);
  if (!text.ok) {
    return text;
  }
  if (!IMAGE_CACHE_ID.test(text.value)) {
    return invalid(
      field,
      raw,
      'image-cache-id',
      'is not an image cache id ("imc-" followed by lowercase letters and digits)',
    );
  }
  return text;
}

/**
 * Validates `[RegionID:]cri-…`, the value format of the ACR annotations.
 *
 * @public
 */
export function validateAcrInstanceRef(
  raw: unknown,
  field: string = 'acrInstance',
): ValidationResult<AcrInstanceRef> {
  const text = requireString(
    raw,
    field,
    MAX_REGION_ID_LENGTH + 1 + MAX_RESOURCE_ID_LENGTH,
  );
  if (!text.ok) {
    return text;
  }
  const parts = text.value.split(':');
  if (parts.length > 2) {
    return invalid(
      field,
      raw,
      'acr-instance-ref',
      'is not "[RegionID:]InstanceID" (more than one ":")',
    );
  }
  const [regionPart, idPart] =
    parts.length === 2 ? parts : [undefined, parts[0]];
  if (
    !ACR_INSTANCE_ID.test(idPart) ||
    idPart.length > MAX_RESOURCE_ID_LENGTH ||
    (regionPart !== undefined &&
      (!REGION_ID.test(regionPart) || regionPart.length > MAX_REGION_ID_LENGTH))
  ) {
    return invalid(
      field,
      raw,
      'acr-instance-ref',
      'is not "[RegionID:]InstanceID" (like "cn-hangzhou:cri-abc123" or "cri-abc123")',
    );
  }
  return valid(
    regionPart === undefined
      ? { id: idPart }
      : { id: idPart, region: regionPart },
  );
}
