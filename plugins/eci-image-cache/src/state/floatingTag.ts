import { EntityStateResponse } from '@eci-portal/plugin-eci-image-cache-common';

/**
 * Whether the entity's warnings already say that an image floats. The verdict and the workflow
 * notes repeat that fact in their own words; the tab shows it once, with the warnings.
 */
export function hasFloatingTagWarning(
  state: Pick<EntityStateResponse, 'warnings'>,
): boolean {
  return state.warnings.some(warning => warning.rule === 'floating-tag');
}

/** Whether a caveat or note is about a floating tag. */
export function isFloatingTagNote(text: string): boolean {
  return /floating tag/i.test(text);
}
