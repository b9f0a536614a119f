/**
 * The Image Cache entity tab, the entity Overview card and the scaffolder form fields for the legacy frontend system.
 *
 * @packageDocumentation
 */

export {
  eciImageCachePlugin,
  EntityEciImageCacheCard,
  EntityEciImageCacheContent,
  isEciImageCacheAvailable,
} from './plugin';
export {
  AcrInstancePickerFieldExtension,
  EciImageCachePickerFieldExtension,
} from './scaffolderFields';
export type { EciImageCacheApi } from '../api/EciImageCacheApi';
export { eciImageCacheApiRef } from '../api/EciImageCacheApi';
export { EciImageCacheClient } from '../api/EciImageCacheClient';
