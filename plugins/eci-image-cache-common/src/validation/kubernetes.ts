import {
  formatValue,
  invalid,
  requireString,
  valid,
  ValidationResult,
} from './result';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Longest DNS-1123 label (namespaces, label names). @public */
export const MAX_DNS1123_LABEL_LENGTH = 63;
/** Longest DNS-1123 subdomain (object names such as ImageCaches and Secrets). @public */
export const MAX_DNS1123_SUBDOMAIN_LENGTH = 253;
const MAX_LABEL_VALUE_LENGTH = 63;

/**
 * Validates a DNS-1123 label: lowercase letters, digits and '-', starting and ending alphanumeric, 1–63 characters.
 *
 * @public
 */
export function validateDnsLabel(
  raw: unknown,
  field: string,
  maxLength: number = MAX_DNS1123_LABEL_LENGTH,
): ValidationResult<string> {
  const text = requireString(raw, field, maxLength);
  if (!text.ok) {
    return text;
  }
  if (!DNS1123_LABEL.test(text.value)) {
    return invalid(
      field,
      raw,
      'dns1123-label',
      'is not a DNS-1123 label (lowercase letters, digits and "-", starting and ending with a letter or digit)',
    );
  }
  return text;
}

/**
 * Validates a DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters.
 *
 * @public
 */
export function validateDnsSubdomain(
  raw: unknown,
  field: string,
  maxLength: number = MAX_DNS1123_SUBDOMAIN_LENGTH,
): ValidationResult<string> {
  const text = requireString(raw, field, maxLength);
  if (!text.ok) {
    return text;
  }
  if (!DNS1123_SUBDOMAIN.test(text.value)) {
    return invalid(
      field,
      raw,
      'dns1123-subdomain',
      'is not a DNS-1123 subdomain (dot-separated lowercase labels of letters, digits and "-")',
    );
  }
  return text;
}

/**
 * Validates a Kubernetes namespace name (a DNS-1123 label).
 *
 * @public
 */
export function validateNamespace(
  raw: unknown,
  field: string = 'namespace',
): ValidationResult<string> {
  return validateDnsLabel(raw, field);
}

/**
 * Validates an ImageCache name (a DNS-1123 subdomain; ImageCaches are cluster-scoped).
 *
 * @public
 */
export function validateImageCacheName(
  raw: unknown,
  field: string = 'name',
): ValidationResult<string> {
  return validateDnsSubdomain(raw, field);
}

/**
 * Validates a Kubernetes label value: empty, or up to 63 alphanumerics, '-', '_' and '.', starting and ending alphanumeric.
 *
 * @public
 */
export function validateLabelValue(
  raw: unknown,
  field: string,
): ValidationResult<string> {
  if (typeof raw !== 'string') {
    return invalid(field, raw, 'type', 'must be a string');
  }
  if (raw.length > MAX_LABEL_VALUE_LENGTH) {
    return invalid(
      field,
      raw,
      'max-length',
      `is longer than ${MAX_LABEL_VALUE_LENGTH} characters`,
    );
  }
  if (!LABEL_VALUE.test(raw)) {
    return invalid(
      field,
      raw,
      'label-value',
      'is not a label value (letters, digits, "-", "_" and ".", starting and ending with a letter or digit)',
    );
  }
  return valid(raw);
}

/**
 * Validates a label or annotation key: `[prefix/]name`, prefix a DNS-1123 subdomain, name up to 63 characters.
 *
 * @public
 */
export function validateQualifiedName(
  raw: unknown,
  field: string,
): ValidationResult<string> {
  const text = requireString(raw, field, MAX_DNS1123_SUBDOMAIN_LENGTH + 64);
  if (!text.ok) {
    return text;
  }
  const parts = text.value.split('/');
  const name = parts[parts.length - 1];
  const prefix = parts.length === 2 ? parts[0] : undefined;
  const prefixOk =
    parts.length === 1 ||
    (parts.length === 2 &&
      prefix !== undefined &&
      prefix.length <= MAX_DNS1123_SUBDOMAIN_LENGTH &&
      DNS1123_SUBDOMAIN.test(prefix));
  if (
    !prefixOk ||
    name.length > MAX_DNS1123_LABEL_LENGTH ||
    !QUALIFIED_NAME_PART.test(name)
  ) {
    return invalid(
      field,
      raw,
      'qualified-name',
      'is not a qualified name ([DNS-1123 subdomain "/"] name of up to 63 letters, digits, "-", "_" and ".")',
    );
  }
  return text;
}

/**
 * Validates a map of Kubernetes labels (keys are qualified names, values label values).
 *
 * @public
 */
export function validateLabels(
  raw: unknown,
  field: string = 'labels',
): ValidationResult<Record<string, string>> {
  if (raw === undefined) {
    return valid({});
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return invalid(field, raw, 'type', 'must be a map of strings');
  }
  const problems = [];
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const keyResult = validateQualifiedName(key, `${field} key`);
    const valueResult = validateLabelValue(
      value,
      `${field}[${formatValue(key)}]`,
    );
    if (!keyResult.ok) {
      problems.push(...keyResult.problems);
    }
    if (!valueResult.ok) {
      problems.push(...valueResult.problems);
    }
    if (keyResult.ok && valueResult.ok) {
      labels[key] = valueResult.value;
    }
  }
  if (problems.length > 0) {
    return { ok: false, problems, warnings: [] };
  }
  return valid(labels);
}

/**
 * Turns any text into a DNS-1123 label of at most `maxLength` characters (lowercased, other characters replaced by '-'), or `fallback` when nothing is left.
 *
 * @public
 */
export function toDnsLabel(
  text: string,
  maxLength: number = MAX_DNS1123_LABEL_LENGTH,
  fallback: string = 'x',
): string {
  const label = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
  return label === '' ? fallback : label;
}
