import { formEntityRef, FormEntityRef, formValue } from '../common/formValues';
import {
  DEFAULT_ENTITY_REF_FIELD,
  EciImageCachePickerUiOptions,
} from './schema';

/** Whose caches on which cluster the picker lists. */
export interface CachePickerTarget {
  entity: FormEntityRef;
  /** Undefined: the entity's own cluster. */
  cluster?: string;
}

/** Reads the picker's options against the form's values (every step). */
export function cachePickerTarget(
  options: EciImageCachePickerUiOptions | undefined,
  formData: unknown,
): CachePickerTarget {
  return {
    entity: formEntityRef(
      formData,
      options?.entityRefField ?? DEFAULT_ENTITY_REF_FIELD,
    ),
    cluster:
      options?.cluster?.trim() || formValue(formData, options?.clusterField),
  };
}
