import { z } from 'zod';

// Shapes of the API's request bodies and queries. Domain rules (ranges, ids, modes) are checked
// afterwards by common's validators, so their problems name the rule, not just the type.

/**
 * `POST /entities/:kind/:namespace/:name/caches` body ({@link CreateCacheRequest}).
 *
 * @public
 */
export const createCacheRequestSchema = z
  .object({
    cluster: z.string().optional(),
    images: z.array(z.string()).optional(),
    imageCacheSize: z.number().optional(),
    retentionDays: z.number().optional(),
    imagePullSecrets: z.array(z.string()).optional(),
    enableReuse: z.boolean().optional(),
  })
  .strict();

/**
 * `PUT /entities/:kind/:namespace/:name/settings` body ({@link EntitySettings}).
 *
 * @public
 */
export const entitySettingsSchema = z
  .object({
    acrInstance: z.string().optional(),
    cacheMode: z.string().optional(),
    imageCacheSize: z.number().optional(),
    retentionDays: z.number().optional(),
    imagePullSecrets: z.array(z.string()).optional(),
  })
  .strict();

const queryValue = z.string().max(512).optional();

/**
 * `GET /entities/:kind/:namespace/:name/workflow` query ({@link WorkflowPreviewQuery}).
 *
 * @public
 */
export const workflowPreviewQuerySchema = z
  .object({
    kind: queryValue,
    cacheMode: queryValue,
    dialect: queryValue,
    placement: queryValue,
    cluster: queryValue,
    schedule: queryValue,
  })
  .strict();

/**
 * `GET /caches` query ({@link CacheListQuery}).
 *
 * @public
 */
export const cacheListQuerySchema = z
  .object({ cluster: queryValue, phase: queryValue, owner: queryValue })
  .strict();

/**
 * A request part checked against its schema: the value, or one message naming each field and
 * what was expected.
 *
 * @public
 */
export type ParsedRequest<T> =
  | { ok: true; value: T }
  | { ok: false; message: string };

/**
 * Checks a body or query (`what`, e.g. "settings") against one of the API's schemas.
 *
 * @public
 */
export function parseRequest<T>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
): ParsedRequest<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return { ok: true, value: result.data };
  }
  const details = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown field(s) ${issue.keys
        .map(key => `\`${key}\``)
        .join(', ')}`;
    }
    const path = issue.path.length
      ? `\`${issue.path.map(String).join('.')}\``
      : 'the body';
    return `${path}: ${issue.message}`;
  });
  return { ok: false, message: `Invalid ${what}: ${details.join('; ')}` };
}
