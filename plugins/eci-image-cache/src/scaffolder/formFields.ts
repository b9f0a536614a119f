import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  acrInstancePickerField,
  eciClusterPickerField,
  eciImageCachePickerField,
  eciImagesField,
  eciValidatedTextField,
} from './fieldDefinitions';

// Loaded lazily by the form field extensions of the plugin (new frontend system). createFormField
// marks the object it gets, so it gets copies of the shared definitions.

export const eciImageCachePickerFormField = createFormField({
  ...eciImageCachePickerField,
});

export const acrInstancePickerFormField = createFormField({
  ...acrInstancePickerField,
});

export const eciClusterPickerFormField = createFormField({
  ...eciClusterPickerField,
});

export const eciImagesFormField = createFormField({ ...eciImagesField });

export const eciValidatedTextFormField = createFormField({
  ...eciValidatedTextField,
});
