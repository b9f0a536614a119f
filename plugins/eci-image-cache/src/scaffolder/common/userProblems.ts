import { ValidationResult } from '@eci-portal/plugin-eci-image-cache-common';
import { asSentence } from '../../state/messageText';

/**
 * The problems of a common validator's result, in the words of the form: the validators name the
 * field as `field`, and the form passes its label, which reads better without the backticks.
 */
export function userProblems(
  result: ValidationResult<unknown>,
  label: string,
): string[] {
  if (result.ok) {
    return [];
  }
  return result.problems.map(problem =>
    asSentence(
      problem.message.startsWith(`\`${label}\``)
        ? `${label}${problem.message.slice(label.length + 2)}`
        : problem.message,
    ),
  );
}
