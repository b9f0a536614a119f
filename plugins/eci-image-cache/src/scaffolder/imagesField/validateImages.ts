import { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { fieldTexts } from '../common/fieldTexts';
import { imageProblems } from './imageLines';

/** Field validation of `EciImages`: the common image rules; no images is left to `required`. */
export const validateImages: CustomFieldValidator<string[]> = (
  images,
  validation,
  context,
) => {
  if (!images || images.length === 0) {
    return;
  }
  const { label } = fieldTexts(
    context.schema as { title?: string },
    context.uiSchema,
    'Images',
  );
  for (const problem of imageProblems(images, label)) {
    validation.addError(problem);
  }
};
