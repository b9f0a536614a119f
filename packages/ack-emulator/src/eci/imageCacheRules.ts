import type { KubeObject } from '../store/types';
import { formatGiB, GIB } from '../util/byteSize';
import { acrInstanceAnnotation } from './annotations';
import { normalizeImage } from './imageRef';
import { decidePull } from './pullAccess';
import type { RegistryImage, SimulatedRegistry } from './SimulatedRegistry';

/** Why ECI refuses or fails a cache; each becomes a Warning event in status.events. */
export interface CacheProblem {
  reason: string;
  message: string;
}

export interface ImageCacheSpec {
  images: string[];
  imagePullSecrets?: string[];
  imageCacheSize?: number;
  retentionDays?: number;
}

export const MAX_IMAGES = 20;
export const DEFAULT_CACHE_SIZE_GIB = 20;

/** Checks CreateImageCache parameters: image count, size range, retention range, secret references. */
export function parameterProblems(spec: ImageCacheSpec): CacheProblem[] {
  const problems: CacheProblem[] = [];
  const images = spec.images ?? [];
  if (images.length > MAX_IMAGES) {
    problems.push({
      reason: 'InvalidParameter',
      message: `an image cache can contain at most ${MAX_IMAGES} images, but ${images.length} were specified`,
    });
  }
  const size = spec.imageCacheSize ?? DEFAULT_CACHE_SIZE_GIB;
  if (size < 20 || size > 32768) {
    problems.push({
      reason: 'InvalidParameter',
      message: `imageCacheSize ${size} GiB is out of range: it must be between 20 and 32768`,
    });
  }
  if (
    spec.retentionDays !== undefined &&
    (spec.retentionDays < 1 || spec.retentionDays > 65536)
  ) {
    problems.push({
      reason: 'InvalidParameter',
      message: `retentionDays ${spec.retentionDays} is out of range: it must be between 1 and 65536`,
    });
  }
  for (const entry of spec.imagePullSecrets ?? []) {
    if (!/^[^:\s]+:[^:\s]+$/.test(entry)) {
      problems.push({
        reason: 'InvalidParameter',
        message: `imagePullSecrets entry "${entry}" must have the form namespace:secretName`,
      });
    }
  }
  return problems;
}

export interface ImageCheckResult {
  problems: CacheProblem[];
  images: RegistryImage[];
  totalBytes: number;
}

/**
 * Resolves every image against the simulated registry and its access rules,
 * then checks that they fit into imageCacheSize.
 */
export function imageProblems(
  cache: KubeObject,
  registry: SimulatedRegistry,
  clusterRegion: string,
  findSecret: (namespace: string, name: string) => KubeObject | undefined,
  skipAccessChecks: boolean,
): ImageCheckResult {
  const spec = cache.spec as ImageCacheSpec;
  const problems: CacheProblem[] = [];
  const secrets: KubeObject[] = [];
  for (const entry of spec.imagePullSecrets ?? []) {
    const [namespace, name] = entry.split(':');
    const secret = findSecret(namespace, name);
    if (secret) secrets.push(secret);
    else
      problems.push({
        reason: 'SecretNotFound',
        message: `imagePullSecret ${namespace}/${name} does not exist`,
      });
  }
  const credentials = {
    acrInstances: acrInstanceAnnotation(cache.metadata.annotations),
    secrets,
  };
  const images: RegistryImage[] = [];
  for (const reference of spec.images ?? []) {
    const decision = decidePull(
      registry,
      clusterRegion,
      reference,
      credentials,
    );
    if (decision.ok) images.push(decision.image);
    else if (skipAccessChecks && decision.reason === 'Unauthorized')
      images.push(registry.lookup(reference)!);
    else
      problems.push({
        reason: 'Failed',
        message: `Failed to pull image "${normalizeImage(reference)}": ${
          decision.message
        }`,
      });
  }
  const totalBytes = images.reduce((sum, image) => sum + image.sizeBytes, 0);
  const capacity = (spec.imageCacheSize ?? DEFAULT_CACHE_SIZE_GIB) * GIB;
  if (problems.length === 0 && totalBytes > capacity) {
    problems.push({
      reason: 'InsufficientCapacity',
      message: `the images need ${formatGiB(
        totalBytes,
      )} but imageCacheSize is ${
        spec.imageCacheSize ?? DEFAULT_CACHE_SIZE_GIB
      } GiB`,
    });
  }
  return { problems, images, totalBytes };
}
