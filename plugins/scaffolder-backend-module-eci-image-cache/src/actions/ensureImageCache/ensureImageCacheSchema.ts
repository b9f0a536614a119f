import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** Longest wait the action accepts (one hour). */
export const MAX_TIMEOUT_SECONDS = 3600;
export const DEFAULT_TIMEOUT_SECONDS = 900;

/** Input of `eci:imagecache:ensure`. */
export const ensureImageCacheInput = {
  entityRef: (z: Z) =>
    z
      .string()
      .describe(
        'Catalog entity that owns the cache, e.g. "component:default/ml-trainer"; its cache mode must be "manual". Permissions are checked on it for the task\'s initiator.',
      ),
  images: (z: Z) =>
    z
      .array(z.string())
      .min(1)
      .max(20)
      .describe(
        "Inline image list to cache (pin tags); default: the entity's alibabacloud.com/eci-images.",
      )
      .nullish(),
  cluster: (z: Z) =>
    z
      .string()
      .describe("Configured cluster name (default: the entity's cluster).")
      .nullish(),
  waitForReady: (z: Z) =>
    z
      .boolean()
      .describe(
        'Wait until the cache is Ready, logging its progress to the task log (default false).',
      )
      .nullish(),
  timeoutSeconds: (z: Z) =>
    z
      .number()
      .int()
      .min(1)
      .max(MAX_TIMEOUT_SECONDS)
      .describe(
        `How long to wait for Ready, in seconds (default ${DEFAULT_TIMEOUT_SECONDS}).`,
      )
      .nullish(),
};

/** Output of `eci:imagecache:ensure`. */
export const ensureImageCacheOutput = {
  cacheName: (z: Z) =>
    z
      .string()
      .describe('ImageCache name ("" in a dry run when none exists yet).'),
  imageCacheId: (z: Z) =>
    z.string().describe('Cache id "imc-…" ("" until ECI reports one).'),
  phase: (z: Z) =>
    z
      .string()
      .describe(
        'ECI phase (Preparing, Creating, Ready, Failed, …); "Pending" before ECI reports one, "NotCreated" in a dry run without a cache.',
      ),
  cluster: (z: Z) => z.string().describe('Cluster of the cache.'),
  outcome: (z: Z) =>
    z
      .enum(['created', 'refreshed', 'adopted', 'dry-run'])
      .describe(
        'created: new cache; refreshed: a new cache replacing a failed one; adopted: the cache already existed; dry-run: nothing was written.',
      ),
};
