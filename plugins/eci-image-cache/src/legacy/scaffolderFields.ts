import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  acrInstancePickerField,
  eciImageCachePickerField,
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
