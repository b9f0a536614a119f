import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { invalid, requireString, valid, ValidationResult } from './result';

const validators = makeValidator();
// kind, namespace and name are each at most 63 characters in the catalog.
const MAX_ENTITY_REF_LENGTH = 63 * 3 + 2;

/**
 * Validates a full entity reference (`kind:[namespace/]name`) and returns it normalised (lowercase, namespace filled in).
 *
 * @public
 */
export function validateEntityRef(
  raw: unknown,
  field: string = 'entityRef',
): ValidationResult<string> {
  const text = requireString(raw, field, MAX_ENTITY_REF_LENGTH);
  if (!text.ok) {
    return text;
  }
  const ruleText =
    'is not a full entity reference "kind:[namespace/]name" made of valid catalog kind, namespace and name';
  let parsed;
  try {
    parsed = parseEntityRef(text.value);
  } catch {
    return invalid(field, raw, 'entity-ref', ruleText);
  }
  // Refs are case-insensitive, and the catalog's namespace rule is for the lowercase form.
  if (
    !validators.isValidKind(parsed.kind) ||
    !validators.isValidNamespace(parsed.namespace.toLowerCase()) ||
    !validators.isValidEntityName(parsed.name)
  ) {
    return invalid(field, raw, 'entity-ref', ruleText);
  }
  return valid(normalizeEntityRef(parsed));
}

/**
 * The one entity-ref normaliser of the plugins: kind, namespace and name in lower case with the
 * default namespace filled in, as the catalog compares refs. The HTTP clients build their paths
 * with it and the router reads refs with it (through {@link validateEntityRef}).
 *
 * @public
 */
export function normalizeCompoundEntityRef(
  ref: string | CompoundEntityRef,
): CompoundEntityRef {
  const parsed = typeof ref === 'string' ? parseEntityRef(ref) : ref;
  return {
    kind: parsed.kind.toLowerCase(),
    namespace: (parsed.namespace || DEFAULT_NAMESPACE).toLowerCase(),
    name: parsed.name.toLowerCase(),
  };
}

/**
 * {@link normalizeCompoundEntityRef} as a string, `kind:namespace/name`.
 *
 * @public
 */
export function normalizeEntityRef(ref: string | CompoundEntityRef): string {
  return stringifyEntityRef(normalizeCompoundEntityRef(ref));
}
