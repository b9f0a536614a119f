/**
 * The ECI image cache backend plugin (plugin id `eci-image-cache`).
 *
 * @packageDocumentation
 */

export { eciImageCachePlugin as default } from './plugin';
