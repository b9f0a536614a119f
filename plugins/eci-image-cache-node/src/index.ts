/**
 * The service ref of the ECI image cache backend plugin, shared by other backend plugins
 * and modules (such as the scaffolder module), and its cluster authentication extension point.
 *
 * @packageDocumentation
 */

export { eciImageCacheServiceRef } from './serviceRef';
export { EciImageCacheClient } from './EciImageCacheClient';
export type {
  EciEntityRef,
  EciImageCacheRequestOptions,
  EciImageCacheService,
} from './EciImageCacheService';
export { eciClusterAuthExtensionPoint } from './clusterAuth';
export type {
  EciClusterAuthContext,
  EciClusterAuthExtensionPoint,
  EciClusterAuthStrategy,
  EciClusterConnection,
  EciClusterEndpoint,
  EciClusterUser,
} from './clusterAuth';
