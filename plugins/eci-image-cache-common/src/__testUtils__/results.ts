import { ValidationProblem, ValidationResult } from '../validation/result';

/** The problems of a result; empty when it is valid. */
export function problemsOf(
  result: ValidationResult<unknown>,
): ValidationProblem[] {
  return result.ok ? [] : result.problems;
}

/** The value of a result; throws with the problems when it is invalid. */
export function valueOf<T>(result: ValidationResult<T>): T {
  if (!result.ok) {
    throw new Error(result.problems.map(p => p.message).join('; '));
  }
  return result.value;
}
