// The YAML documents of the ACK One document "Use an image cache to accelerate workflow pod creation"
// (shared/reference/000_379e8f4a3a219a5b.txt), verbatim with the indentation the extracted text lost.

/** Section "Configure password-free image pulls". */
export const ACR_PASSWORD_FREE_WORKFLOW_YAML = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-world-
spec:
  entrypoint: whalesay
  podMetadata:
    annotations:
      k8s.aliyun.com/acr-instance-id: "cn-hangzhou:cri-f34lmbk2rxqx41u8" # Region ID and instance ID of the ACR EE instance
  templates:
  - name: whalesay
    container:
      image: acr-en-hangzhou-registry.cn-hangzhou.cr.aliyuncs.com/workflow/whalesay # Image to pull from the ACR EE instance
      command: [ cowsay ]
      args: [ "hello world" ]
`;

/** Section "Automatically create an image cache". */
export const AUTO_IMAGE_CACHE_WORKFLOW_YAML = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-world-
spec:
  podMetadata:
    annotations:
      k8s.aliyun.com/eci-image-cache: "true" # Enable automatic image caching
  entrypoint: whalesay
  templates:
  - name: whalesay
    container:
      image: docker/whalesay
      command: [ cowsay ]
      args: [ "hello world" ]
`;

/** Section "Manually create an image cache", step 1 (imagecache.yaml). */
export const IMAGECACHE_YAML = `apiVersion: eci.alibabacloud.com/v1
kind: ImageCache
metadata:
  name: imagecache-helloworld
  annotations:
    k8s.aliyun.com/imc-enable-reuse: "true" # Allow the cache to be reused
spec:
  images: # Images to cache
  - docker/whalesay
  imagePullSecrets: # Secrets for private images; not required for public images
  - default:secret1
  imageCacheSize: # Cache size in GiB. Default: 20. Valid range: 20-32768
    20
  retentionDays: # Days before the cache expires. Leave blank for no expiration
    7
`;

/** Section "Manually create an image cache", step 3. */
export const PINNED_IMAGE_CACHE_WORKFLOW_YAML = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-world-
spec:
  podMetadata:
    annotations:
      k8s.aliyun.com/eci-image-snapshot-id: "imc-f8zf****" # Image cache ID from kubectl get imagecaches
  entrypoint: whalesay
  templates:
  - name: whalesay
    container:
      image: docker/whalesay
      command: [ cowsay ]
      args: [ "hello world" ]
`;
