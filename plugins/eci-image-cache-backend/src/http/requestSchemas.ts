import { InputError } from '@backstage/errors';
import { validateEntityRef } from '@eci-portal/plugin-eci-image-cache-common';
import { z } from 'zod';

/** Shapes of request bodies and queries; domain rules are checked by common's validators afterwards. */
export const createCacheSchema = z
  .object({
    cluster: z.string().optional(),
    images: z.array(z.string()).optional(),
    imageCacheSize: z.number().optional(),
    retentionDays: z.number().optional(),
    imagePullSecrets: z.array(z.string()).optional(),
    enableReuse: z.boolean().optional(),
  })
  .strict();

export const settingsSchema = z
  .object({
    acrInstance: z.string().optional(),
    cacheMode: z.string().optional(),
    imageCacheSize: z.number().optional(),
    retentionDays: z.number().optional(),
    imagePullSecrets: z.array(z.string()).optional(),
  })
  .strict();

const queryValue = z.string().max(512).optional();

export const workflowQuerySchema = z
  .object({
    kind: queryValue,
    cacheMode: queryValue,
    dialect: queryValue,
    placement: queryValue,
    cluster: queryValue,
    schedule: queryValue,
  })
  .strict();

export const cacheListQuerySchema = z
  .object({ cluster: queryValue, phase: queryValue, owner: queryValue })
  .strict();

/** Parses with a schema; a mismatch is a 400 naming each field and what was expected. */
export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) {
    return result.data;
  }
  const details = result.error.issues.map(issue => {
    if (issue.code === 'unrecognized_keys') {
      return `unknown field(s) ${issue.keys.map(key => `\`${key}\``).join(', ')}`;
    }
    const path = issue.path.length ? `\`${issue.path.join('.')}\`` : 'the body';
    return `${path}: ${issue.message}`;
  });
  throw new InputError(`Invalid ${what}: ${details.join('; ')}`);
}

/** The entity ref of `/entities/:kind/:namespace/:name`, validated and normalised. */
export function entityRefFromParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  const result = validateEntityRef(
    `${params.kind}:${params.namespace}/${params.name}`,
    'entityRef',
  );
  if (!result.ok) {
    throw new InputError(
      `Invalid entity in the path: ${result.problems.map(p => p.message).join('; ')}`,
    );
  }
  return result.value;
}
