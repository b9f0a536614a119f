import { validateDnsLabel, validateDnsSubdomain } from './kubernetes';
import { validateDistinctList } from './lists';
import { invalid, requireString, valid, ValidationResult } from './result';

/**
 * A Secret that ECI may use to pull private images while building an ImageCache.
 *
 * @public
 */
export interface PullSecretRef {
  /** Namespace of the Secret. */
  namespace: string;
  /** Name of the Secret. */
  name: string;
}

/** Most pull secrets accepted for one cache; ECI documents no limit, this only bounds input. */
const MAX_PULL_SECRETS = 20;

const RULE_TEXT =
  'is not "namespace:name" (a DNS-1123 label, ":", then a DNS-1123 subdomain)';

/**
 * Validates one ImageCache pull secret written `namespace:name`.
 *
 * @public
 */
export function validatePullSecret(
  raw: unknown,
  field: string = 'imagePullSecrets',
): ValidationResult<PullSecretRef> {
  const text = requireString(raw, field, 63 + 1 + 253);
  if (!text.ok) {
    return text;
  }
  const parts = text.value.split(':');
  if (parts.length !== 2) {
    return invalid(field, raw, 'pull-secret', RULE_TEXT);
  }
  const namespace = validateDnsLabel(parts[0], field);
  const name = validateDnsSubdomain(parts[1], field);
  if (!namespace.ok || !name.ok) {
    return invalid(field, raw, 'pull-secret', RULE_TEXT);
  }
  return valid({ namespace: namespace.value, name: name.value });
}

/**
 * Formats a pull secret the way the ImageCache spec expects it, `namespace:name`.
 *
 * @public
 */
export function formatPullSecret(secret: PullSecretRef): string {
  return `${secret.namespace}:${secret.name}`;
}

/**
 * Validates distinct pull secrets given as a comma-separated annotation value (entries trimmed) or a list.
 *
 * @public
 */
export function validatePullSecretList(
  raw: unknown,
  field: string = 'imagePullSecrets',
): ValidationResult<PullSecretRef[]> {
  return validateDistinctList(raw, field, {
    typeText: 'must be a list of "namespace:name"',
    maxItems: MAX_PULL_SECRETS,
    tooManyText: count =>
      `names ${count} secrets; at most ${MAX_PULL_SECRETS} are accepted`,
    parse: validatePullSecret,
    key: formatPullSecret,
    duplicateText: () => 'is listed twice',
  });
}
