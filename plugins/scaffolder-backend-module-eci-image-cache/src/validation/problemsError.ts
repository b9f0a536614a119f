import { InputError } from '@backstage/errors';
import {
  EciValidationError,
  ValidationProblem,
} from '@eci-portal/plugin-eci-image-cache-common';

/**
 * An InputError listing validation problems, each field prefixed with where it came from
 * (e.g. `services[2]`), so that the message names the exact input field.
 */
export function problemsError(
  prefix: string,
  problems: readonly ValidationProblem[],
): InputError {
  const messages = problems.map(problem =>
    prefix ? `${prefix}: ${problem.message}` : problem.message,
  );
  return new InputError(`Invalid input: ${messages.join('; ')}`);
}

/** Runs a common-package builder and rethrows its validation errors with a field prefix. */
export function withFieldPrefix<T>(prefix: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof EciValidationError) {
      throw problemsError(prefix, error.problems);
    }
    throw error;
  }
}
