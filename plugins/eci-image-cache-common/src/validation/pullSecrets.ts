import { validateDnsLabel, validateDnsSubdomain } from './kubernetes';
import { validateDistinctList } from './lists';
import {
  invalid,
  problemOf,
  requireString,
  valid,
  ValidationProblem,
  ValidationResult,
} from './result';

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

/**
 * The namespaces a cluster's pull secrets may live in: its `allowedNamespaces`, or its default
 * namespace when it has none. The portal's RBAC grants `get` on Secrets only there.
 *
 * @public
 */
export function pullSecretNamespaces(cluster: {
  defaultNamespace: string;
  allowedNamespaces?: readonly string[];
}): readonly string[] {
  return cluster.allowedNamespaces ?? [cluster.defaultNamespace];
}

/**
 * The one refusal of a pull secret, whether it is outside the cluster's namespaces or missing
 * from one of them: the same text for both, so that answers reveal nothing about which Secrets
 * exist.
 *
 * @public
 */
export function unusablePullSecretProblem(
  secret: PullSecretRef,
  options: { field: string; cluster: string; namespaces: readonly string[] },
): ValidationProblem {
  return problemOf(
    options.field,
    formatPullSecret(secret),
    'pull-secret-unusable',
    `is not a pull secret of cluster "${
      options.cluster
    }" (a Secret that exists in namespace ${options.namespaces.join(' or ')})`,
  );
}

/**
 * Checks that every pull secret is in one of the cluster's namespaces (see
 * {@link pullSecretNamespaces}); refused secrets get {@link unusablePullSecretProblem}.
 *
 * @public
 */
export function validatePullSecretNamespaces(
  secrets: readonly PullSecretRef[],
  options: { field: string; cluster: string; namespaces: readonly string[] },
): ValidationResult<PullSecretRef[]> {
  const problems = secrets
    .filter(secret => !options.namespaces.includes(secret.namespace))
    .map(secret => unusablePullSecretProblem(secret, options));
  return problems.length > 0
    ? { ok: false, problems, warnings: [] }
    : valid([...secrets]);
}
