import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') {
      return `${text}[${part}]`;
    }
    return text ? `${text}.${part}` : part;
  }, '');
}

/**
 * Parses action input with the action's own zod schema.
 *
 * The scaffolder validates input against the JSON schema derived from the same zod schema, but
 * that does not run zod refinements, and handlers are also called directly (tests, other modules).
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  raw: unknown,
): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) {
    return result.data;
  }
  const messages = result.error.issues.map(issue => {
    const field = fieldPath(issue.path);
    return field ? `\`${field}\`: ${issue.message}` : issue.message;
  });
  throw new InputError(`Invalid input: ${messages.join('; ')}`);
}

/** A parsed input type with `null` read as "not set". */
export type WithoutNulls<T> = T extends null
  ? undefined
  : T extends Array<infer U>
  ? Array<WithoutNulls<U>>
  : T extends object
  ? { [K in keyof T]: WithoutNulls<T[K]> }
  : T;

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(dropNulls);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => [key, dropNulls(item)]),
    );
  }
  return value;
}

/**
 * Like {@link parseInput}, but optional fields given as `null` count as not set: a template
 * can only leave a field out conditionally by rendering `none`, which becomes `null`.
 */
export function parseInputWithoutNulls<T extends z.ZodTypeAny>(
  schema: T,
  raw: unknown,
): WithoutNulls<z.output<T>> {
  return parseInput(schema, dropNulls(raw)) as WithoutNulls<z.output<T>>;
}
