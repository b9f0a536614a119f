import {
  invalid,
  problemOf,
  ValidationProblem,
  ValidationResult,
  valid,
} from './result';

/** How {@link validateDistinctList} reads and checks the entries of one kind of list. */
export interface DistinctListRules<T> {
  /** Message when the input is neither a string nor an array. */
  typeText: string;
  /** Most entries accepted, and the message when there are more. */
  maxItems: number;
  tooManyText: (count: number) => string;
  /** Message when the list is empty (only used when at least one entry is required). */
  emptyText?: string;
  /** Whether a missing value (undefined/null) is reported as required rather than a type error. */
  missingIsRequired?: boolean;
  /** Validates one entry. */
  parse: (entry: unknown, field: string) => ValidationResult<T>;
  /** The identity two entries share when they are duplicates. */
  key: (value: T) => string;
  /** Message for a duplicate; `earlier` is the entry it repeats. */
  duplicateText: (earlier: T, value: T) => string;
}

/**
 * Validates a comma-separated annotation value (entries trimmed of spaces and
 * tabs) or an array: bounded in size, no empty entries, no duplicates.
 */
export function validateDistinctList<T>(
  raw: unknown,
  field: string,
  rules: DistinctListRules<T>,
): ValidationResult<T[]> {
  let entries: unknown[];
  if (typeof raw === 'string') {
    if (raw === '') {
      return invalid(field, raw, 'required', 'is required');
    }
    entries = raw
      .split(',')
      .map(entry => entry.replace(/^[ \t]+|[ \t]+$/g, ''));
  } else if (Array.isArray(raw)) {
    entries = raw;
  } else if (rules.missingIsRequired && (raw === undefined || raw === null)) {
    return invalid(field, undefined, 'required', 'is required');
  } else {
    return invalid(field, raw, 'type', rules.typeText);
  }
  if (entries.length === 0 && rules.emptyText) {
    return invalid(field, raw, 'min-items', rules.emptyText);
  }
  if (entries.length > rules.maxItems) {
    return invalid(field, raw, 'max-items', rules.tooManyText(entries.length));
  }
  const problems: ValidationProblem[] = [];
  const warnings: ValidationProblem[] = [];
  const values: T[] = [];
  const seen = new Map<string, T>();
  for (const entry of entries) {
    if (entry === '') {
      problems.push(problemOf(field, raw, 'empty-entry', 'has an empty entry'));
      continue;
    }
    const parsed = rules.parse(entry, field);
    warnings.push(...parsed.warnings);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const key = rules.key(parsed.value);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        problemOf(
          field,
          entry,
          'duplicate',
          rules.duplicateText(earlier, parsed.value),
        ),
      );
      continue;
    }
    seen.set(key, parsed.value);
    values.push(parsed.value);
  }
  if (problems.length > 0) {
    return { ok: false, problems, warnings };
  }
  return valid(values, warnings);
}
