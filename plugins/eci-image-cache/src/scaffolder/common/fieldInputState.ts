/** What a React Aria input of a scaffolder field takes from the form: required, disabled, invalid. */
export interface FieldInputState {
  isRequired?: boolean;
  isDisabled: boolean;
  isInvalid: boolean;
  validationBehavior: 'aria';
}

/**
 * The input state of a field from the scaffolder's props. The form validates (the schema and the
 * fields' validators, on Next) and keeps a step's errors until the next Next, so the input only
 * announces them (`aria`): native validation would mark the input invalid in the browser too, and
 * the browser would then refuse to submit the corrected value, leaving the step stuck on its old
 * error.
 */
export function fieldInputState(field: {
  required?: boolean;
  disabled?: boolean;
  readonly?: boolean;
  rawErrors?: string[];
}): FieldInputState {
  return {
    isRequired: field.required,
    isDisabled: Boolean(field.disabled || field.readonly),
    isInvalid: (field.rawErrors?.length ?? 0) > 0,
    validationBehavior: 'aria',
  };
}
