import {
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
  return valid(stringifyEntityRef(parsed));
}
