/**
 * The Image Cache entity tab for the legacy frontend system.
 *
 * @packageDocumentation
 */

export {
  eciImageCachePlugin,
  EntityEciImageCacheContent,
  isEciImageCacheAvailable,
} from './plugin';
export type { EciImageCacheApi } from '../api/EciImageCacheApi';
export { eciImageCacheApiRef } from '../api/EciImageCacheApi';
export { EciImageCacheClient } from '../api/EciImageCacheClient';
