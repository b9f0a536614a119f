/**
 * The Image Cache entity tab, the entity Overview card and the scaffolder form fields for the legacy frontend system.
 *
 * @packageDocumentation
 */

export {
  EciImageCacheFleetPage,
  eciImageCachePlugin,
  EntityEciImageCacheCard,
  EntityEciImageCacheContent,
  isEciImageCacheAvailable,
} from './plugin';
export {
  AcrInstancePickerFieldExtension,
  EciClusterPickerFieldExtension,
  EciImageCachePickerFieldExtension,
  EciImagesFieldExtension,
  EciValidatedTextFieldExtension,
} from './scaffolderFields';
export type { EciImageCacheApi } from '../api/EciImageCacheApi';
export { eciImageCacheApiRef } from '../api/EciImageCacheApi';
export { EciImageCacheClient } from '../api/EciImageCacheClient';
