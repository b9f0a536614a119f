import { invalid, requireString, ValidationResult } from './result';

/**
 * Characters that never belong in a one-line value: C0/C1 controls, DEL, line/paragraph separators,
 * zero-width and bidirectional formatting characters, the BOM, and lone surrogates.
 */
const UNSAFE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a string contains a control, invisible, line-breaking or bidi character (or a lone surrogate).
 *
 * @public
 */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

/**
 * Validates free text that ends up in a generated object (container command and args, schedules):
 * one line, no invisible characters, no Argo `{{…}}` expressions unless allowed.
 *
 * @public
 */
export function validateSingleLineText(
  raw: unknown,
  field: string,
  options: { maxLength: number; allowArgoExpressions?: boolean },
): ValidationResult<string> {
  const text = requireString(raw, field, options.maxLength);
  if (!text.ok) {
    return text;
  }
  if (hasUnsafeCharacter(text.value)) {
    return invalid(
      field,
      raw,
      'unsafe-character',
      'contains a line break, control character or invisible character',
    );
  }
  if (!options.allowArgoExpressions && text.value.includes('{{')) {
    return invalid(
      field,
      raw,
      'argo-expression',
      'contains "{{", which Argo would evaluate as a template expression',
    );
  }
  return text;
}
