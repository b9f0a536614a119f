// The catalog annotation contract (set by service owners on their catalog entities).

/** Catalog annotation: comma-separated image references (1–20) of the service to cache. @public */
export const ANNOTATION_ECI_IMAGES = 'alibabacloud.com/eci-images';
/** Catalog annotation: cache mode `manual` | `auto` | `off` (default `auto`). @public */
export const ANNOTATION_ECI_IMAGE_CACHE = 'alibabacloud.com/eci-image-cache';
/** Catalog annotation: ImageCache size in GiB, 20–32768 (default 20). @public */
export const ANNOTATION_ECI_IMAGE_CACHE_SIZE =
  'alibabacloud.com/eci-image-cache-size';
/** Catalog annotation: ImageCache retention in days, 1–65536 (default from configuration). @public */
export const ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS =
  'alibabacloud.com/eci-image-cache-retention-days';
/** Catalog annotation: ImageCache pull secrets, `namespace:name[,…]`. @public */
export const ANNOTATION_ECI_IMAGE_PULL_SECRETS =
  'alibabacloud.com/eci-image-pull-secrets';
/** Catalog annotation: ACR Enterprise Edition instance for password-free pulls, `[RegionID:]cri-…`. @public */
export const ANNOTATION_ACR_INSTANCE_ID = 'alibabacloud.com/acr-instance-id';
/** Catalog annotation: name of the configured cluster to target (default: the default cluster). @public */
export const ANNOTATION_ECI_CLUSTER = 'alibabacloud.com/eci-cluster';
/** Catalog annotation: Kubernetes namespace of the service's Argo workflows. @public */
export const ANNOTATION_ARGO_NAMESPACE = 'alibabacloud.com/argo-namespace';

/** Every annotation of the catalog contract. @public */
export const ECI_CATALOG_ANNOTATIONS: readonly string[] = [
  ANNOTATION_ECI_IMAGES,
  ANNOTATION_ECI_IMAGE_CACHE,
  ANNOTATION_ECI_IMAGE_CACHE_SIZE,
  ANNOTATION_ECI_IMAGE_CACHE_RETENTION_DAYS,
  ANNOTATION_ECI_IMAGE_PULL_SECRETS,
  ANNOTATION_ACR_INSTANCE_ID,
  ANNOTATION_ECI_CLUSTER,
  ANNOTATION_ARGO_NAMESPACE,
];

// Annotations read by ECI on pods (legacy names are the ones of the ACK One Argo document).

/** Pod annotation (legacy): `"true"` lets ECI match or auto-create an image cache. @public */
export const POD_ANNOTATION_IMAGE_CACHE_LEGACY =
  'k8s.aliyun.com/eci-image-cache';
/** Pod annotation (legacy): pins the pod to one image cache id. @public */
export const POD_ANNOTATION_IMAGE_SNAPSHOT_ID_LEGACY =
  'k8s.aliyun.com/eci-image-snapshot-id';
/** Pod annotation (legacy, one instance): ACR EE instance for password-free pulls. @public */
export const POD_ANNOTATION_ACR_INSTANCE_ID_LEGACY =
  'k8s.aliyun.com/acr-instance-id';
/** Pod annotation (current): automatic image cache matching, default `"true"` on ECI. @public */
export const POD_ANNOTATION_AUTO_IMC = 'k8s.aliyun.com/eci-auto-imc';
/** Pod annotation (current): pins the pod to one image cache id. @public */
export const POD_ANNOTATION_IMC_ID = 'k8s.aliyun.com/eci-imc-id';
/** Pod and ImageCache annotation (current): comma-separated ACR EE instances, `[RegionID:]cri-…`. @public */
export const ANNOTATION_ACR_INSTANCE_IDS = 'k8s.aliyun.com/acr-instance-ids';
/** ImageCache annotation: reuse layers of existing caches to build faster. @public */
export const IMAGE_CACHE_ANNOTATION_ENABLE_REUSE =
  'k8s.aliyun.com/imc-enable-reuse';

// Ownership markers on the ImageCaches this plugin manages.

/** Standard label naming the manager of an object. @public */
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
/** Value of {@link LABEL_MANAGED_BY} on ImageCaches managed by this plugin. @public */
export const MANAGED_BY_VALUE = 'backstage-eci-image-cache';
/**
 * Label: label-safe hash of the owning entity ref ({@link entityRefHash}), on managed ImageCaches and on
 * the pods of generated workflows (`spec.podMetadata.labels`), which ties their runs to the entity.
 * @public
 */
export const LABEL_ENTITY_HASH = 'eci.backstage.io/entity-hash';
/** Label: hash of the normalised image set of the cache. @public */
export const LABEL_IMAGE_SET_HASH = 'eci.backstage.io/image-set-hash';
/** Annotation: full ref of the owning entity. @public */
export const ANNOTATION_ENTITY_REF = 'eci.backstage.io/entity-ref';
