import {
  AcrInstanceInfo,
  validateAcrInstanceRef,
} from '@eci-portal/plugin-eci-image-cache-common';

/**
 * A note when a valid ACR instance ref names no configured instance: it is saved as written, but
 * the portal cannot check its region or which images it serves.
 */
export function unconfiguredNote(
  input: string,
  configured: readonly AcrInstanceInfo[],
): string | undefined {
  const ref = validateAcrInstanceRef(input.trim(), 'ACR instance');
  if (!ref.ok || configured.length === 0) {
    return undefined;
  }
  if (configured.some(instance => instance.id === ref.value.id)) {
    return undefined;
  }
  return `${
    ref.value.id
  } is not one of the portal's configured instances (${configured
    .map(instance => instance.id)
    .join(
      ', ',
    )}): it is saved as written, but its region and the images it serves cannot be checked.`;
}
