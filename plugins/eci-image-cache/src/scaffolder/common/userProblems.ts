import { ValidationResult } from '@eci-portal/plugin-eci-image-cache-common';
import { asSentence } from '../../state/messageText';

/**
 * The problems of a common validator's result, in the words of the form. The validators start
 * with the field (`` `label`: ``); the form shows a message under the field's label, and its
 * error list puts the label in front (`'Name' …`), so the message leaves it out.
 */
export function userProblems(
  result: ValidationResult<unknown>,
  label: string,
): string[] {
  if (result.ok) {
    return [];
  }
  const prefix = `\`${label}\`: `;
  return result.problems.map(problem =>
    asSentence(
      problem.message.startsWith(prefix)
        ? capitalized(problem.message.slice(prefix.length))
        : problem.message,
    ),
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-US') + text.slice(1);
}
