/**
 * The Image Cache entity tab: ECI image caches, ACR password-free pulls and annotated Argo
 * workflows of a catalog entity. New frontend system; the legacy system is at `./legacy`.
 *
 * @packageDocumentation
 */

import { eciImageCachePlugin } from './plugin';

export default eciImageCachePlugin;
export { eciImageCachePlugin } from './plugin';
export { isEciImageCacheTabVisible } from './filter';
export type { EciImageCacheApi } from './api/EciImageCacheApi';
export { eciImageCacheApiRef } from './api/EciImageCacheApi';
export { EciImageCacheClient } from './api/EciImageCacheClient';
