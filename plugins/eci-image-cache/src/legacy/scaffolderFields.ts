import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  acrInstancePickerField,
  eciClusterPickerField,
  eciImageCachePickerField,
  eciImagesField,
  eciValidatedTextField,
  withJsonSchema,
} from '../scaffolder/fieldDefinitions';
import { eciImageCachePlugin } from './plugin';

/**
 * Scaffolder field `EciImageCachePicker` for the legacy frontend system; place it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const EciImageCachePickerFieldExtension = eciImageCachePlugin.provide(
  createScaffolderFieldExtension(withJsonSchema(eciImageCachePickerField)),
);

/**
 * Scaffolder field `AcrInstancePicker` for the legacy frontend system; place it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const AcrInstancePickerFieldExtension = eciImageCachePlugin.provide(
  createScaffolderFieldExtension(withJsonSchema(acrInstancePickerField)),
);

/**
 * Scaffolder field `EciClusterPicker` for the legacy frontend system; place it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const EciClusterPickerFieldExtension = eciImageCachePlugin.provide(
  createScaffolderFieldExtension(withJsonSchema(eciClusterPickerField)),
);

/**
 * Scaffolder field `EciImages` for the legacy frontend system; place it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const EciImagesFieldExtension = eciImageCachePlugin.provide(
  createScaffolderFieldExtension(withJsonSchema(eciImagesField)),
);

/**
 * Scaffolder field `EciValidatedText` for the legacy frontend system; place it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 *
 * @public
 */
export const EciValidatedTextFieldExtension = eciImageCachePlugin.provide(
  createScaffolderFieldExtension(withJsonSchema(eciValidatedTextField)),
);
