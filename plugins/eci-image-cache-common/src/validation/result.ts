/**
 * Machine-readable name of the rule a value broke.
 *
 * @public
 */
export type ValidationRule =
  | 'required'
  | 'type'
  | 'max-length'
  | 'integer'
  | 'minimum'
  | 'maximum'
  | 'one-of'
  | 'min-items'
  | 'max-items'
  | 'duplicate'
  | 'empty-entry'
  | 'dns1123-label'
  | 'dns1123-subdomain'
  | 'label-value'
  | 'qualified-name'
  | 'image-reference'
  | 'image-registry'
  | 'image-path'
  | 'image-tag'
  | 'image-digest'
  | 'floating-tag'
  | 'pull-secret'
  | 'pull-secret-unusable'
  | 'acr-instance-id'
  | 'region-id'
  | 'acr-instance-ref'
  | 'single-acr-instance'
  | 'acr-region-mismatch'
  | 'acr-instance-unlisted'
  | 'no-pinnable-cache'
  | 'image-cache-id'
  | 'entity-ref'
  | 'unknown-cluster'
  | 'namespace-not-allowed'
  | 'unsafe-character'
  | 'argo-expression'
  | 'cron-schedule'
  | 'timezone'
  | 'reserved-name'
  | 'no-effect'
  | 'no-expiry';

/**
 * One broken rule (or, as a warning, one risky value), safe to show to users and return in HTTP 400 bodies.
 *
 * @public
 */
export interface ValidationProblem {
  /** The annotation name or option path that holds the value, e.g. `alibabacloud.com/eci-image-cache-size` or `containers[1].image`. */
  field: string;
  /** The offending value, quoted, truncated and escaped by {@link formatValue}. */
  value: string;
  /** The rule that was broken. */
  rule: ValidationRule;
  /** A full sentence naming field, value and rule. */
  message: string;
}

/**
 * Outcome of every validator: the typed value or the problems; both carry warnings.
 *
 * @public
 */
export type ValidationResult<T> =
  | { ok: true; value: T; warnings: ValidationProblem[] }
  | { ok: false; problems: ValidationProblem[]; warnings: ValidationProblem[] };

/**
 * Error thrown by the builders when their options are invalid; its `name` is `InputError` so Backstage's error handler answers HTTP 400.
 *
 * @public
 */
export class EciValidationError extends Error {
  /** Every problem found, not only the first. */
  readonly problems: ValidationProblem[];

  constructor(problems: ValidationProblem[]) {
    super(
      problems.length === 0
        ? 'Invalid input'
        : problems.map(problem => problem.message).join('; '),
    );
    // Backstage's backend error middleware maps errors by name, not class.
    this.name = 'InputError';
    this.problems = problems;
  }
}

const MAX_DISPLAYED_CHARACTERS = 64;

/**
 * Escapes one code point so that only printable ASCII remains; look-alike letters and invisible characters become `\u{…}`.
 *
 * @public
 */
export function escapeCharacter(char: string): string {
  switch (char) {
    case '"':
      return '\\"';
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default: {
      const code = char.codePointAt(0) ?? 0;
      if (code >= 0x20 && code <= 0x7e) {
        return char;
      }
      return `\\u{${code.toString(16).toUpperCase().padStart(4, '0')}}`;
    }
  }
}

/**
 * Renders any value for a message: double-quoted strings, escaped, cut after 64 characters with the full length noted.
 *
 * @public
 */
export function formatValue(raw: unknown): string {
  if (raw === undefined) {
    return '(missing)';
  }
  if (raw === null || typeof raw === 'number' || typeof raw === 'boolean') {
    return String(raw);
  }
  if (typeof raw !== 'string') {
    return Array.isArray(raw) ? '(a list)' : `(a value of type ${typeof raw})`;
  }
  const characters = Array.from(raw);
  const shown = characters
    .slice(0, MAX_DISPLAYED_CHARACTERS)
    .map(escapeCharacter)
    .join('');
  if (characters.length <= MAX_DISPLAYED_CHARACTERS) {
    return `"${shown}"`;
  }
  return `"${shown}..." (${characters.length} characters)`;
}

/** Builds a problem whose message reads "`field`: "value" <text>". */
export function problemOf(
  field: string,
  raw: unknown,
  rule: ValidationRule,
  text: string,
): ValidationProblem {
  const value = formatValue(raw);
  const message =
    raw === undefined
      ? `\`${field}\` ${text}`
      : `\`${field}\`: ${value} ${text}`;
  return { field, value, rule, message };
}

/** A successful result. */
export function valid<T>(
  value: T,
  warnings: ValidationProblem[] = [],
): ValidationResult<T> {
  return { ok: true, value, warnings };
}

/** A failed result with one problem. */
export function invalid<T>(
  field: string,
  raw: unknown,
  rule: ValidationRule,
  text: string,
): ValidationResult<T> {
  return {
    ok: false,
    problems: [problemOf(field, raw, rule, text)],
    warnings: [],
  };
}

/** Collects problems and warnings of several results; the caller decides how to combine the values. */
export class ProblemCollector {
  readonly problems: ValidationProblem[] = [];
  readonly warnings: ValidationProblem[] = [];

  /** Records the result's problems and warnings and returns its value when valid. */
  take<T>(result: ValidationResult<T>): T | undefined {
    this.warnings.push(...result.warnings);
    if (result.ok) {
      return result.value;
    }
    this.problems.push(...result.problems);
    return undefined;
  }

  /** Records a problem found outside of a validator. */
  add(problem: ValidationProblem): void {
    this.problems.push(problem);
  }

  /** Finishes with the value, or with the problems when there are any. */
  finish<T>(build: () => T): ValidationResult<T> {
    if (this.problems.length > 0) {
      return { ok: false, problems: this.problems, warnings: this.warnings };
    }
    return { ok: true, value: build(), warnings: this.warnings };
  }
}

/** Returns the value of a result or throws {@link EciValidationError}. */
export function unwrap<T>(result: ValidationResult<T>): T {
  if (!result.ok) {
    throw new EciValidationError(result.problems);
  }
  return result.value;
}

/** Checks that a value is a string no longer than `maxLength` UTF-16 code units. */
export function requireString(
  raw: unknown,
  field: string,
  maxLength: number,
): ValidationResult<string> {
  if (raw === undefined || raw === null || raw === '') {
    return invalid(
      field,
      raw === '' ? '' : undefined,
      'required',
      'is required',
    );
  }
  if (typeof raw !== 'string') {
    return invalid(field, raw, 'type', 'must be a string');
  }
  if (raw.length > maxLength) {
    return invalid(
      field,
      raw,
      'max-length',
      `is longer than ${maxLength} characters`,
    );
  }
  return valid(raw);
}

/** A failed result when `raw` is not a plain object (options parsed from untrusted JSON), else undefined. */
export function rejectNonObject(
  raw: unknown,
  field: string,
): ValidationResult<never> | undefined {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    return undefined;
  }
  return invalid(field, raw, 'type', 'must be an object');
}
