import { CustomFieldExtensionSchema } from '@backstage/plugin-scaffolder-react';
import { AcrInstancePicker } from './acrPicker/AcrInstancePicker';
import { AcrInstancePickerFieldSchema } from './acrPicker/schema';
import { validateAcrPick } from './acrPicker/validateAcrPick';
import { EciImageCachePicker } from './cachePicker/EciImageCachePicker';
import { EciImageCachePickerFieldSchema } from './cachePicker/schema';
import { validateCachePick } from './cachePicker/validateCachePick';
import { EciClusterPicker } from './clusterPicker/EciClusterPicker';
import { EciClusterPickerFieldSchema } from './clusterPicker/schema';
import { validateClusterPick } from './clusterPicker/validateClusterPick';
import { EciImages } from './imagesField/EciImages';
import { EciImagesFieldSchema } from './imagesField/schema';
import { validateImages } from './imagesField/validateImages';
import { EciValidatedText } from './validatedText/EciValidatedText';
import { EciValidatedTextFieldSchema } from './validatedText/schema';
import { validateText } from './validatedText/validateText';

/**
 * The scaffolder form fields, as both frontend systems take them: `ui:field` name, component,
 * validation and schema.
 */
export const eciImageCachePickerField = {
  name: 'EciImageCachePicker',
  component: EciImageCachePicker,
  validation: validateCachePick,
  schema: EciImageCachePickerFieldSchema,
};

export const acrInstancePickerField = {
  name: 'AcrInstancePicker',
  component: AcrInstancePicker,
  validation: validateAcrPick,
  schema: AcrInstancePickerFieldSchema,
};

export const eciClusterPickerField = {
  name: 'EciClusterPicker',
  component: EciClusterPicker,
  validation: validateClusterPick,
  schema: EciClusterPickerFieldSchema,
};

export const eciImagesField = {
  name: 'EciImages',
  component: EciImages,
  validation: validateImages,
  schema: EciImagesFieldSchema,
};

export const eciValidatedTextField = {
  name: 'EciValidatedText',
  component: EciValidatedText,
  validation: validateText,
  schema: EciValidatedTextFieldSchema,
};

/**
 * A definition with the JSON schema only, as `createScaffolderFieldExtension` (legacy frontend
 * system) and the scaffolder's stepper take it; `createFormField` takes the typed one.
 */
export function withJsonSchema<
  T extends { schema: { schema: CustomFieldExtensionSchema } },
>(field: T): Omit<T, 'schema'> & { schema: CustomFieldExtensionSchema } {
  return { ...field, schema: field.schema.schema };
}
