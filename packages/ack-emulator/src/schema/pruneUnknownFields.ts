import { isPlainObject, type JsonObject } from '../util/json';
import type { JsonSchema } from './ResourceType';

// Root fields every object keeps regardless of the schema.
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Drops fields the structural schema does not declare, as the apiserver prunes
 * custom resources. Returns the dotted paths that were dropped.
 */
export function pruneUnknownFields(
  object: JsonObject,
  schema: JsonSchema,
): string[] {
  const dropped: string[] = [];
  pruneObject(object, schema, '', dropped, true);
  return dropped;
}

function prune(
  value: unknown,
  schema: JsonSchema | undefined,
  path: string,
  dropped: string[],
): void {
  if (!schema) return;
  if (Array.isArray(value)) {
    if (schema.items)
      value.forEach((item, i) =>
        prune(item, schema.items, `${path}[${i}]`, dropped),
      );
    return;
  }
  if (isPlainObject(value)) pruneObject(value, schema, path, dropped, false);
}

function pruneObject(
  value: JsonObject,
  schema: JsonSchema,
  path: string,
  dropped: string[],
  root: boolean,
): void {
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const additional = schema.additionalProperties;
  for (const key of Object.keys(value)) {
    if (root && ROOT_FIELDS.has(key)) continue;
    const childPath = path ? `${path}.${key}` : key;
    const childSchema = schema.properties?.[key];
    if (childSchema) {
      prune(value[key], childSchema, childPath, dropped);
    } else if (isPlainObject(additional)) {
      prune(value[key], additional, `${path}[${key}]`, dropped);
    } else if (!preserve && additional !== true) {
      dropped.push(childPath);
      delete value[key];
    }
  }
}
