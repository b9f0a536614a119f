/**
 * Domain core of the ECI image cache plugins: the catalog annotation contract, validators,
 * ImageCache and Argo workflow builders, deterministic YAML and permissions. Pure and browser-safe.
 *
 * @packageDocumentation
 */

export * from './annotations';
export type {
  ValidationProblem,
  ValidationResult,
  ValidationRule,
} from './validation/result';
export {
  EciValidationError,
  escapeCharacter,
  formatValue,
} from './validation/result';
export {
  DEFAULT_IMAGE_CACHE_SIZE_GIB,
  MAX_IMAGE_CACHE_SIZE_GIB,
  MAX_RETENTION_DAYS,
  MIN_IMAGE_CACHE_SIZE_GIB,
  MIN_RETENTION_DAYS,
  validateImageCacheSize,
  validateRetentionDays,
} from './validation/numbers';
export {
  MAX_DNS1123_LABEL_LENGTH,
  MAX_DNS1123_SUBDOMAIN_LENGTH,
  toDnsLabel,
  validateDnsLabel,
  validateDnsSubdomain,
  validateImageCacheName,
  validateLabels,
  validateLabelValue,
  validateNamespace,
  validateQualifiedName,
} from './validation/kubernetes';
export type { AcrInstanceRef } from './validation/alibabaIds';
export {
  validateAcrInstanceId,
  validateAcrInstanceRef,
  validateImageCacheId,
  validateRegionId,
} from './validation/alibabaIds';
export type { PullSecretRef } from './validation/pullSecrets';
export {
  formatPullSecret,
  pullSecretNamespaces,
  unusablePullSecretProblem,
  validatePullSecret,
  validatePullSecretList,
  validatePullSecretNamespaces,
} from './validation/pullSecrets';
export { hasUnsafeCharacter, validateSingleLineText } from './validation/text';
export {
  normalizeCompoundEntityRef,
  normalizeEntityRef,
  validateEntityRef,
} from './validation/entityRef';
export type { ImageReference } from './images';
export {
  diffImageSets,
  imageComparisonKey,
  imageSetKey,
  MAX_IMAGES_PER_CACHE,
  normalizeImageReference,
  parseImageReference,
  validateImageList,
  validateRegistryHost,
} from './images';
export type {
  AcrInstanceConfig,
  AcrRefCheckOptions,
  AcrRegistryDomain,
  AcrResolution,
} from './acr';
export {
  acrAnnotationValue,
  acrAnnotationValues,
  checkAcrInstanceRef,
  parseAcrRegistryDomain,
  resolveAcrInstance,
  validateAcrInstanceConfig,
} from './acr';
export { sha256Hex } from './hash';
export type {
  ImageCache,
  ImageCacheEvent,
  ImageCachePhase,
  ImageCacheSpec,
  ImageCacheStatus,
  KubernetesObjectMeta,
} from './imageCacheTypes';
export { IMAGE_CACHE_PHASES } from './imageCacheTypes';
export type { ImageCacheOptions } from './imageCache';
export {
  buildImageCache,
  entityRefHash,
  imageCacheName,
  imageSetHash,
  tryBuildImageCache,
} from './imageCache';
export type {
  ImageCacheOrigin,
  ImageCacheOwnership,
} from './imageCacheOwnership';
export {
  imageCacheOrigin,
  imageCacheSelectorForEntity,
  isImageCacheOwnedBy,
  MANAGED_IMAGE_CACHE_SELECTOR,
  readImageCacheOwnership,
} from './imageCacheOwnership';
export {
  daysUntilExpiry,
  imageCacheMatchesImages,
  parseProgressPercent,
} from './imageCacheStatus';
export type {
  AnnotationDialect,
  AnnotationPlacement,
  ArgoContainer,
  ArgoCronWorkflowSpec,
  ArgoTemplate,
  ArgoWorkflowObject,
  ArgoWorkflowSpec,
  PodAnnotationOptions,
  WorkflowCacheMode,
  WorkflowContainerOptions,
  WorkflowKind,
  WorkflowOptions,
} from './workflow';
export {
  ANNOTATION_DIALECTS,
  ANNOTATION_PLACEMENTS,
  eciPodAnnotations,
  generateWorkflow,
  tryGenerateWorkflow,
  validateCronSchedule,
  WORKFLOW_CACHE_MODES,
  WORKFLOW_KINDS,
} from './workflow';
export type { YamlHeader } from './yaml';
export { renderYaml } from './yaml';
export type {
  EciEntityConfig,
  EntityCacheMode,
  EntityConfigDefaults,
} from './entityConfig';
export {
  ENTITY_CACHE_MODES,
  hasEciAnnotations,
  readEntityConfig,
} from './entityConfig';
export type { EntityBuildContext } from './entityPlans';
export {
  formatAcrInstanceRef,
  imageCacheOptionsForEntity,
} from './entityPlans';
export {
  eciAcrUpdatePermission,
  eciImageCacheCreatePermission,
  eciImageCacheDeletePermission,
  eciImageCachePermissions,
  eciImageCacheReadPermission,
} from './permissions';
export * from './decision';
export * from './runs';
export * from './api';
export type * from './api';
export { isPublicRegistry, PUBLIC_REGISTRIES } from './publicRegistries';
