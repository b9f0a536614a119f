import { CustomFieldExtensionSchema } from '@backstage/plugin-scaffolder-react';
import { AcrInstancePicker } from './acrPicker/AcrInstancePicker';
import { AcrInstancePickerFieldSchema } from './acrPicker/schema';
import { validateAcrPick } from './acrPicker/validateAcrPick';
import { EciImageCachePicker } from './cachePicker/EciImageCachePicker';
import { EciImageCachePickerFieldSchema } from './cachePicker/schema';
import { validateCachePick } from './cachePicker/validateCachePick';

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

/**
 * A definition with the JSON schema only, as `createScaffolderFieldExtension` (legacy frontend
 * system) and the scaffolder's stepper take it; `createFormField` takes the typed one.
 */
export function withJsonSchema<
  T extends { schema: { schema: CustomFieldExtensionSchema } },
>(field: T): Omit<T, 'schema'> & { schema: CustomFieldExtensionSchema } {
  return { ...field, schema: field.schema.schema };
}
