import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { fieldTexts } from '../common/fieldTexts';
import { textProblems } from './rules';
import { EciValidatedTextUiOptions } from './schema';

/** Field validation of `EciValidatedText`: the rule of `ui:options.rule`; empty is left to `required`. */
export const validateText: CustomFieldValidator<
  string,
  EciValidatedTextUiOptions
> = (value, validation, context) => {
  const rule = context.uiSchema?.['ui:options']?.rule;
  if (!value || !rule) {
    return;
  }
  const { label } = fieldTexts(
    context.schema as { title?: string },
    context.uiSchema,
    'Value',
  );
  for (const problem of textProblems(rule, value, label)) {
    validation.addError(problem);
  }
};
